"""A small keep-alive HTTP/1.1 client on asyncio streams that refuses every address but loopback.

The harnesses hammer a server with thousands of requests per second from one Python process;
urllib/http.client cost a thread per connection and too much per request, so this client parses just
what the backend sends (Content-Length or chunked bodies)."""

import asyncio
import ipaddress
import json
import socket
import time

LOOPBACK_NAMES = {"localhost"}


def require_loopback(host):
    """Raises unless host is a loopback name or address: the harnesses must never load anything else."""
    if host in LOOPBACK_NAMES:
        return
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        raise ValueError(f"refusing non-loopback host {host!r}") from None
    if not address.is_loopback:
        raise ValueError(f"refusing non-loopback host {host!r}")


class Reply:
    """headers: lower-case name -> value (the last one of a repeated header); header_list: every
    (lower-case name, value) in order, for repeated headers such as Set-Cookie."""

    def __init__(self, status, headers, body, seconds, header_list=None):
        self.status = status
        self.headers = headers
        self.body = body
        self.seconds = seconds
        self.header_list = header_list if header_list is not None else list(headers.items())

    def all(self, name):
        """Every value of header name (lower-case), in order."""
        return [v for n, v in self.header_list if n == name]

    def json(self):
        return json.loads(self.body.decode("utf-8")) if self.body else None

    def text(self):
        return self.body.decode("utf-8", errors="replace")


class Connection:
    """One persistent connection; requests on it are sequential (as a browser tab's would be)."""

    def __init__(self, host, port, timeout=30.0):
        require_loopback(host)
        self.host = host
        self.port = port
        self.timeout = timeout
        self.reader = None
        self.writer = None

    async def _open(self):
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        sock = self.writer.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None

    async def request(self, method, path, body=None, headers=None, raw=None):
        """Sends one request; body is JSON-encoded unless raw bytes are given. Never retries: after
        a failure the caller decides (a retry of a non-idempotent request could store twice)."""
        if raw is None and body is not None:
            raw = json.dumps(body, ensure_ascii=False).encode("utf-8")
        all_headers = {"Host": f"{self.host}:{self.port}", "Accept": "application/json"}
        if raw is not None:
            all_headers["Content-Type"] = "application/json"
            all_headers["Content-Length"] = str(len(raw))
        all_headers.update(headers or {})
        head = [f"{method} {path} HTTP/1.1"] + [
            f"{k}: {v}" for k, v in all_headers.items() if v is not None
        ]
        payload = ("\r\n".join(head) + "\r\n\r\n").encode("utf-8") + (raw or b"")
        if self.writer is None:
            await self._open()
        started = time.perf_counter()
        try:
            self.writer.write(payload)
            await self.writer.drain()
            status, header_list, reply_body = await asyncio.wait_for(
                self._read_reply(method), self.timeout
            )
        except BaseException:
            self.close()
            raise
        reply_headers = dict(header_list)
        if reply_headers.get("connection", "").lower() == "close":
            self.close()
        return Reply(status, reply_headers, reply_body, time.perf_counter() - started, header_list)

    async def _read_reply(self, method):
        status_line = await self.reader.readuntil(b"\r\n")
        parts = status_line.decode("latin-1").split(" ", 2)
        status = int(parts[1])
        header_list = []
        while True:
            line = await self.reader.readuntil(b"\r\n")
            if line == b"\r\n":
                break
            name, _, value = line.decode("latin-1").partition(":")
            header_list.append((name.strip().lower(), value.strip()))
        headers = dict(header_list)
        if method == "HEAD" or status in (204, 304) or 100 <= status < 200:
            return status, header_list, b""
        if headers.get("transfer-encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                if size == 0:
                    while await self.reader.readuntil(b"\r\n") != b"\r\n":
                        pass
                    return status, header_list, b"".join(chunks)
                chunks.append(await self.reader.readexactly(size))
                await self.reader.readexactly(2)
        if "content-length" in headers:
            return status, header_list, await self.reader.readexactly(int(headers["content-length"]))
        body = await self.reader.read()
        self.close()
        return status, header_list, body

