"""A throw-away PostgreSQL 15 cluster under /tmp, run as the postgres user on loopback: the backend's
database in the harnesses (so that kill -9 of the backend leaves the database up, as in a real
deployment) and pgbench's baseline in the same run."""

import csv
import io
import os
import pwd
import re
import shutil
import subprocess
import tempfile

BIN = "/usr/lib/postgresql/15/bin"
DATABASE = "eigenstudy"
USER = "eigenstudy"
PASSWORD = "harness-only-password"  # a loopback-only throw-away cluster, deleted afterwards


class Cluster:
    def __init__(self, port):
        # Its own top-level temporary directory: the postgres user cannot enter root's 0700 ones.
        self.directory = tempfile.mkdtemp(prefix="eigenstudy-harness-pg-")
        self.data = os.path.join(self.directory, "pgdata")
        self.port = port
        self.owner = "postgres" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name

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
                        "-E", "UTF8", "--locale=C.UTF-8"])
        # Loopback TCP only, no Unix socket in a shared directory.
        options = (f"-c listen_addresses=127.0.0.1 -c port={self.port} "
                   f"-c unix_socket_directories={self.directory} -c max_connections=200 "
                   "-c shared_buffers=256MB")
        if os.environ.get("EIGENSTUDY_HARNESS_PG_STATEMENTS"):
            # Diagnosis only: per-statement totals, reported by the load harness.
            options += " -c shared_preload_libraries=pg_stat_statements"
        self._as_owner([f"{BIN}/pg_ctl", "-D", self.data, "-l", os.path.join(self.directory, "log"),
                        "-o", options, "-w", "-t", "60", "start"])
        self.sql(f"CREATE ROLE {USER} LOGIN PASSWORD '{PASSWORD}'", database="postgres")
        self.sql(f"CREATE DATABASE {DATABASE} OWNER {USER}", database="postgres")
        return self

    def stop(self, remove=True):
        if os.path.exists(os.path.join(self.data, "postmaster.pid")):
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

    def sql(self, statement, database=DATABASE):
        """Runs SQL with psql and returns the rows (CSV-parsed, header excluded)."""
        result = subprocess.run(
            [f"{BIN}/psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", database,
             "-v", "ON_ERROR_STOP=1", "-X", "-q", "--csv", "-t", "-c", statement],
            check=True, capture_output=True, text=True)
        return list(csv.reader(io.StringIO(result.stdout)))

    def pgbench_insert_rate(self, clients, seconds):
        """Transactions per second of a single-row INSERT shaped like the backend's response row, each
        its own transaction, with as many clients as the HTTP load has participants in flight."""
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
            [f"{BIN}/pgbench", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-n",
             "-c", str(clients), "-j", "1", "-T", str(max(1, round(seconds))), "-f", script, DATABASE],
            check=True, capture_output=True, text=True)
        match = re.search(r"tps = ([0-9.]+) \(without initial connection time\)", result.stdout)
        latency = re.search(r"latency average = ([0-9.]+) ms", result.stdout)
        self.sql("DROP TABLE bench_response")
        return float(match.group(1)), float(latency.group(1))
