"""The backend's database in the harnesses, and pgbench's baseline in the same run. Either a throw-away
PostgreSQL 15 cluster under /tmp, run as the postgres user on loopback (as in a real deployment with an
external database, kill -9 of the backend leaves it up), or the backend's own embedded PostgreSQL (the
default of `./eigenstudy run`, started and stopped by the backend in its data directory)."""

import csv
import io
import os
import pwd
import re
import shutil
import signal
import subprocess
import tempfile
import time

# Diagnosis only: EIGENSTUDY_HARNESS_PG_BIN runs the external cluster from other server binaries (e.g. the
# embedded database's PostgreSQL 18, to tell its version from its settings); EIGENSTUDY_HARNESS_INITDB_ARGS
# adds initdb options. psql and pgbench stay PostgreSQL 15's.
CLIENT_BIN = "/usr/lib/postgresql/15/bin"
BIN = os.environ.get("EIGENSTUDY_HARNESS_PG_BIN") or CLIENT_BIN
DATABASE = "eigenstudy"
USER = "eigenstudy"
PASSWORD = "harness-only-password"  # a loopback-only throw-away cluster, deleted afterwards


def postmaster_pid(data):
    """The postmaster's PID from data/postmaster.pid (its first line), or None without the file."""
    try:
        with open(os.path.join(data, "postmaster.pid"), encoding="ascii") as handle:
            first = handle.readline().strip()
    except OSError:
        return None
    return int(first) if first.isdigit() else None


def alive(pid):
    """Whether pid is a running process (a zombie, dead but not yet reaped, is not)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def wait_until(condition, timeout, what, interval=0.2):
    """Polls condition() until it is true; raises after timeout seconds (the harnesses are bounded)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"gave up after {timeout} s waiting for {what}")
        time.sleep(interval)


# The backend's pooled connections: client backends of the application's role on its database.
APP_BACKENDS = ("SELECT pid FROM pg_stat_activity WHERE backend_type = 'client backend'"
                " AND datname = current_database() AND usename = '{user}' AND pid <> pg_backend_pid()")


class Cluster:
    embedded = False

    def __init__(self, port):
        # Its own top-level temporary directory: the postgres user cannot enter root's 0700 ones.
        self.directory = tempfile.mkdtemp(prefix="eigenstudy-harness-pg-")
        self.data = os.path.join(self.directory, "pgdata")
        self.port = port
        self.database = DATABASE
        self.user = USER
        self.owner = "postgres" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
        self.options = ""

    def _as_owner(self, args, **kwargs):
        if os.geteuid() == 0:
            args = ["runuser", "-u", self.owner, "--"] + args
        result = subprocess.run(args, capture_output=True, text=True, **kwargs)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed: {result.stderr.strip()[-800:]}")
        return result

    def start(self):
        shutil.chown(self.directory, user=self.owner)
        self._as_owner([f"{BIN}/initdb", "-D", self.data, "-U", "postgres", "-A", "trust",
                        "-E", "UTF8", "--locale=C.UTF-8"]
                       + os.environ.get("EIGENSTUDY_HARNESS_INITDB_ARGS", "").split())
        # Loopback TCP only, no Unix socket in a shared directory.
        options = (f"-c listen_addresses=127.0.0.1 -c port={self.port} "
                   f"-c unix_socket_directories={self.directory} -c max_connections=200 "
                   "-c shared_buffers=256MB")
        # Diagnosis only: further server options, e.g. to try a setting of the embedded database.
        options += " " + os.environ.get("EIGENSTUDY_HARNESS_PG_OPTIONS", "")
        if os.environ.get("EIGENSTUDY_HARNESS_PG_STATEMENTS"):
            # Diagnosis only: per-statement totals, reported by the load harness.
            options += " -c shared_preload_libraries=pg_stat_statements"
        self.options = options
        self._pg_ctl_start()
        self.sql(f"CREATE ROLE {USER} LOGIN PASSWORD '{PASSWORD}'", database="postgres")
        self.sql(f"CREATE DATABASE {DATABASE} OWNER {USER}", database="postgres")
        return self

    def _pg_ctl_start(self):
        self._as_owner([f"{BIN}/pg_ctl", "-D", self.data, "-l", os.path.join(self.directory, "log"),
                        "-o", self.options, "-w", "-t", "120", "start"])

    def restart_after_crash(self, timeout=90):
        """Starts the cluster again after its postmaster was killed. PostgreSQL refuses while backends
        of the dead postmaster are still attached to its shared memory (they exit when they notice),
        so the start is retried until it succeeds; it then replays the WAL."""
        wait_until(lambda: not self.processes(), timeout, "the killed postmaster's backends to exit")
        pid = self.postmaster_pid()
        if pid is not None and os.path.exists(f"/proc/{pid}"):
            # A zombie: dead, but its new parent (this machine's PID 1) has not reaped it yet, and
            # PostgreSQL would take the PID for a running postmaster. The file is stale (no process
            # serves the directory any more), as an init system that reaps at once would leave it.
            os.remove(os.path.join(self.data, "postmaster.pid"))
        self._pg_ctl_start()

    def postmaster_pid(self):
        return postmaster_pid(self.data)

    def processes(self):
        """PIDs of live PostgreSQL processes running in this cluster's data directory (a server
        changes into it): the postmaster, its backends and auxiliary processes, or orphans."""
        data = os.path.realpath(self.data)
        found = []
        for entry in os.listdir("/proc"):
            if entry.isdigit() and entry != str(os.getpid()):
                try:
                    if os.readlink(f"/proc/{entry}/cwd") == data and alive(int(entry)):
                        found.append(int(entry))
                except OSError:
                    continue
        return found

    def app_backends(self):
        """PIDs of the PostgreSQL backends serving the application's connection pool."""
        return [int(row[0]) for row in self.sql(APP_BACKENDS.format(user=self.user))]

    def auxiliary_pid(self, kind="checkpointer"):
        """PID of an auxiliary process; a new one after the postmaster's crash-restart cycle."""
        rows = self.sql(f"SELECT pid FROM pg_stat_activity WHERE backend_type = '{kind}'")
        return int(rows[0][0]) if rows else None

    def stop(self, remove=True):
        pid = self.postmaster_pid()
        if pid is not None and alive(pid):
            self._as_owner([f"{BIN}/pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop"])
        if remove:
            shutil.rmtree(self.directory, ignore_errors=True)

    def top_statements(self, limit=12):
        """The statements that took the most time, if pg_stat_statements is loaded (else [])."""
        if not os.environ.get("EIGENSTUDY_HARNESS_PG_STATEMENTS"):
            return []
        self.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
        rows = self.sql("SELECT calls, round(total_exec_time::numeric, 1), round(total_plan_time::numeric, 1),"
                        " left(regexp_replace(query, '\\s+', ' ', 'g'), 160)"
                        " FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC"
                        f" LIMIT {int(limit)}")
        return [{"calls": int(r[0]), "exec_ms": float(r[1]), "plan_ms": float(r[2]), "query": r[3]}
                for r in rows]

    def jdbc_environment(self):
        return {
            "QUARKUS_DATASOURCE_JDBC_URL": f"jdbc:postgresql://127.0.0.1:{self.port}/{DATABASE}",
            "QUARKUS_DATASOURCE_USERNAME": USER,
            "QUARKUS_DATASOURCE_PASSWORD": PASSWORD,
        }

    def sql(self, statement, database=None):
        """Runs SQL with psql and returns the rows (CSV-parsed, header excluded)."""
        result = subprocess.run(
            [f"{CLIENT_BIN}/psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
             "-d", database or self.database,
             "-v", "ON_ERROR_STOP=1", "-X", "-q", "--csv", "-t", "-c", statement],
            check=True, capture_output=True, text=True)
        return list(csv.reader(io.StringIO(result.stdout)))

    def pgbench_insert_rate(self, clients, seconds):
        """(clients, transactions per second, average latency ms) of a single-row INSERT shaped like the
        backend's response row, each its own transaction, with as many clients as the HTTP load has
        participants in flight, or as many as the server has connections left for (the embedded
        server's max_connections is sized for the backend's pool)."""
        free = self.sql("SELECT current_setting('max_connections')::int"
                        " - current_setting('superuser_reserved_connections')::int"
                        " - (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')")
        clients = max(1, min(clients, int(free[0][0]) - 1))
        self.sql("DROP TABLE IF EXISTS bench_response; CREATE TABLE bench_response ("
                 "id BIGSERIAL PRIMARY KEY, session_id BIGINT NOT NULL, client_response_id TEXT NOT NULL,"
                 " change_seen BOOLEAN NOT NULL, magnitude INT, description TEXT,"
                 " shared_count INT NOT NULL, consistency INT NOT NULL, difficulty INT NOT NULL,"
                 " response_time_ms INT NOT NULL, client_timestamp TIMESTAMPTZ NOT NULL,"
                 " received_at TIMESTAMPTZ NOT NULL DEFAULT now(), UNIQUE (session_id, client_response_id))")
        script = os.path.join(self.directory, "insert.sql")
        with open(script, "w", encoding="utf-8") as handle:
            handle.write(
                "\\set s random(1, 1000000000)\n"
                "INSERT INTO bench_response (session_id, client_response_id, change_seen, magnitude,"
                " description, shared_count, consistency, difficulty, response_time_ms, client_timestamp)"
                " VALUES (:s, md5(random()::text), true, 70, 'the face turns left', 5, 7, 3, 15234,"
                " now());\n")
        result = subprocess.run(
            [f"{CLIENT_BIN}/pgbench", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-n",
             "-c", str(clients), "-j", "1", "-T", str(max(1, round(seconds))), "-f", script, self.database],
            check=True, capture_output=True, text=True)
        match = re.search(r"tps = ([0-9.]+) \(without initial connection time\)", result.stdout)
        latency = re.search(r"latency average = ([0-9.]+) ms", result.stdout)
        self.sql("DROP TABLE bench_response")
        return clients, float(match.group(1)), float(latency.group(1))


class EmbeddedCluster(Cluster):
    """The backend's embedded PostgreSQL (no QUARKUS_DATASOURCE_* set): the backend starts it in
    EIGENSTUDY_DATA_DIR/postgres on EIGENSTUDY_EMBEDDED_DB_PORT, as `./eigenstudy run` does, and it
    serves the `postgres` database to the `postgres` role (trust on loopback)."""

    embedded = True

    def __init__(self, port, backend_data_dir):
        super().__init__(port)
        self.data = os.path.join(backend_data_dir, "postgres")
        self.database = "postgres"
        self.user = "postgres"

    def start(self):
        return self  # the backend starts it

    def restart_after_crash(self, timeout=90):
        """The backend's next start restarts it (and clears what the killed postmaster left)."""

    def jdbc_environment(self):
        return {"EIGENSTUDY_EMBEDDED_DB_PORT": str(self.port)}

    def stop(self, remove=True):
        """After the backend stopped: a postmaster the harness orphaned (kill -9 of the JVM) gets a fast
        shutdown, so no server outlives the run."""
        pid = self.postmaster_pid()
        if pid is not None and pid in self.processes():
            os.kill(pid, signal.SIGINT)
            wait_until(lambda: not self.processes(), 60, "the embedded PostgreSQL to stop")
        if remove:
            shutil.rmtree(self.directory, ignore_errors=True)
