"""Starts, kills and restarts the packaged backend (the fast-jar) on loopback for the harnesses."""

import os
import re
import signal
import socket
import subprocess
import time
import urllib.request

from loopback import require_loopback

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# EIGENSTUDY_HARNESS_JAR points the harnesses at another build of the backend.
JAR = os.environ.get("EIGENSTUDY_HARNESS_JAR") or os.path.join(
    REPO, "backend", "target", "quarkus-app", "quarkus-run.jar")


# Never through a proxy from the environment: loopback stays loopback.
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def backend_environment(inherited, directory, port, database_environment, extra_environment=None):
    """The backend's environment: the database's variables decide external or embedded, so
    QUARKUS_DATASOURCE_* from the caller's shell never leak in (they would turn an embedded run into an
    external one)."""
    environment = {k: v for k, v in inherited.items() if not k.startswith("QUARKUS_DATASOURCE_")}
    environment.update({
        "EIGENSTUDY_PORT": str(port),
        "EIGENSTUDY_DATA_DIR": os.path.join(directory, "data"),
        "EIGENSTUDY_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "EIGENSTUDY_EMBEDDED_DB_PORT": str(free_port()),
        # Only loopback: Quarkus binds 0.0.0.0 by default.
        "QUARKUS_HTTP_HOST": "127.0.0.1",
    })
    environment.update(database_environment)
    environment.update(extra_environment or {})
    return environment


class Backend:
    def __init__(self, directory, database_environment, extra_environment=None, port=None):
        if not os.path.isfile(JAR):
            raise SystemExit(f"{JAR} missing: build it with `mvn -B -o -q install -DskipTests`")
        self.directory = directory
        self.port = port or free_port()
        self.host = "127.0.0.1"
        require_loopback(self.host)
        self.environment = backend_environment(os.environ, directory, self.port, database_environment,
                                               extra_environment)
        self.process = None
        self.starts = 0
        self.log_path = os.path.join(directory, "backend.log")

    def start(self, timeout=180):
        os.makedirs(self.directory, exist_ok=True)
        self.starts += 1
        log = open(self.log_path, "a", encoding="utf-8")
        log.write(f"\n==== harness start #{self.starts} ====\n")
        log.flush()
        self.process = subprocess.Popen(
            ["java", "-XX:MaxRAMPercentage=25", "-jar", JAR], cwd=self.directory, env=self.environment,
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"backend exited with {self.process.returncode}:\n{self.log_tail()}")
            if self.ready():
                return self
            time.sleep(0.5)
        raise SystemExit(f"backend not ready after {timeout} s:\n{self.log_tail()}")

    def ready(self):
        try:
            with NO_PROXY.open(f"http://{self.host}:{self.port}/q/health/ready", timeout=2) as r:
                return r.status == 200
        except OSError:
            return False

    def kill_hard(self):
        """kill -9: no shutdown hook, no connection draining, exactly like a crashed JVM."""
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def wait_ready(self, timeout=120):
        """Until /q/health/ready answers 200 (it includes the database)."""
        deadline = time.time() + timeout
        while not self.ready():
            if time.time() > deadline:
                raise SystemExit(f"backend not ready again after {timeout} s:\n{self.log_tail()}")
            time.sleep(0.2)

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.kill_hard()

    def log_tail(self, lines=25):
        return "\n".join(self.log_text().splitlines()[-lines:])

    def log_text(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as handle:
            return handle.read()

    def admin_password(self):
        """The first admin password, printed once in the log at first start."""
        match = re.search(ADMIN_PASSWORD_LINE, self.log_text())
        if not match:
            raise SystemExit(f"no admin password line in {self.log_path}")
        return match.group(1)


ADMIN_PASSWORD_LINE = r"log in as 'admin' with password (\S+)"
