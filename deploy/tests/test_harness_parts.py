"""Offline checks of the reliability harnesses' own parts: the loopback guard, the HTTP client against
a stdlib server, the percentile definition and the synthetic study fixture."""

import asyncio
import hashlib
import http.server
import json
import math
import os
import random
import struct
import importlib.util
import threading
import zlib

import pytest

from deploy_files import DEPLOY



def harness_module(name):
    """Loads deploy/harness/<name>.py under a unique name, so it cannot clash with other test folders'
    modules in the same pytest session."""
    spec = importlib.util.spec_from_file_location(f"eigenstudy_harness_{name}", DEPLOY / "harness" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fixture = harness_module("fixture")
loopback = harness_module("loopback")
stats = harness_module("stats")


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "::1", "localhost"])
def test_loopback_hosts_are_allowed(host):
    loopback.require_loopback(host)


@pytest.mark.parametrize("host", ["10.0.0.1", "192.168.1.2", "8.8.8.8", "::ffff:8.8.8.8", "example.org", "0.0.0.0"])
def test_other_hosts_are_refused(host):
    with pytest.raises(ValueError, match="non-loopback"):
        loopback.Connection(host, 80)


class EchoHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_PUT(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        data = json.dumps({"path": self.path, "got": json.loads(body)}).encode()
        self.send_response(201)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        # Chunked, as Quarkus streams exports.
        self.send_response(200)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for piece in (b"alpha,", b"beta,", b"gamma"):
            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
        self.wfile.write(b"0\r\n\r\n")


def test_client_keeps_the_connection_alive_and_reads_both_body_framings():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), EchoHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    async def exercise():
        connection = loopback.Connection("127.0.0.1", server.server_address[1])
        first = await connection.request("PUT", "/r/1", body={"größe": "🙂"})
        writer = connection.writer
        second = await connection.request("GET", "/export")
        same_socket = connection.writer is writer
        connection.close()
        return first, second, same_socket

    try:
        first, second, same_socket = asyncio.run(exercise())
    finally:
        server.shutdown()
        server.server_close()
    assert first.status == 201 and first.json() == {"path": "/r/1", "got": {"größe": "🙂"}}
    assert second.status == 200 and second.body == b"alpha,beta,gamma"
    assert same_socket
    assert first.seconds > 0


def test_percentile_is_the_nearest_rank_definition():
    rng = random.Random(3)
    for size in (1, 2, 7, 100, 1001):
        samples = [rng.expovariate(1.0) for _ in range(size)]
        ordered = sorted(samples)
        for fraction in (0.5, 0.95, 0.99):
            value = stats.percentile(samples, fraction)
            # Nearest rank: the smallest value with at least fraction of the samples at or below it.
            at_or_below = sum(1 for s in samples if s <= value)
            assert at_or_below >= fraction * size
            smaller = [s for s in ordered if s < value]
            assert not smaller or sum(1 for s in samples if s <= smaller[-1]) < fraction * size
    assert stats.percentile([5.0, 1.0, 3.0, 2.0, 4.0], 0.5) == 3.0
    with pytest.raises(ValueError):
        stats.percentile([], 0.5)


def decode_png(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, offset = {}, 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset:offset + 4])
        kind = data[offset + 4:offset + 8]
        body = data[offset + 8:offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length:offset + 12 + length])
        assert crc == zlib.crc32(kind + body) & 0xFFFFFFFF
        chunks[kind] = body
        offset += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    raw = zlib.decompress(chunks[b"IDAT"])
    assert len(raw) == height * (1 + 3 * width) and depth == 8 and colour == 2
    return width, height, raw[1:4]


def test_fixture_writes_valid_pngs_whose_checksums_match_the_manifest(tmp_path):
    config, stimuli = fixture.write(str(tmp_path), trials=12)
    with open(os.path.join(stimuli, "manifest.json"), encoding="utf-8") as handle:
        manifest = json.load(handle)
    with open(config, "rb") as handle:
        assert manifest["config_sha256"] == hashlib.sha256(handle.read()).hexdigest()
    card = tmp_path / "models" / fixture.MODEL / "model-card.json"
    assert manifest["models"][0]["card_sha256"] == hashlib.sha256(card.read_bytes()).hexdigest()
    frames = [f for axis in manifest["models"][0]["axes"] for strip in axis["strips"] for f in strip["frames"]]
    assert len(frames) == len(fixture.CLASSES) * fixture.AXES_PER_CLASS * fixture.REFERENCES * len(fixture.STEPS)
    colours = set()
    for frame in frames:
        data = (tmp_path / "stimuli" / frame["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == frame["sha256"]
        width, height, colour = decode_png(data)
        assert (width, height) == (8, 8)
        colours.add(colour)
    assert len(colours) == len(frames)
    assert math.isclose(manifest["models"][0]["steps"][-1], manifest["models"][0]["distance"])
