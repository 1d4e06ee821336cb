"""Reliability harnesses for the Eigenstudy backend, on loopback only.

  /usr/bin/python3 deploy/harness/run.py load  [--participants 64] [--seconds 30] [--warmup 60]
  /usr/bin/python3 deploy/harness/run.py crash [--participants 64] [--kill-after 8] [--seconds 30]
                                               [--fault backend-kill|pg-backend-kill|postmaster-kill]
  /usr/bin/python3 deploy/harness/run.py bad-input
  /usr/bin/python3 deploy/harness/run.py auth                     (authz.py, then security.py)
  /usr/bin/python3 deploy/harness/run.py all
  ... [--database external|embedded]

Each command starts its own throw-away PostgreSQL 15 cluster (--database external, the default) or lets
the backend start its embedded PostgreSQL in its data directory (--database embedded, the default of
`./eigenstudy run`), and the packaged backend (backend/target/quarkus-app/quarkus-run.jar, build it
first) under /tmp on free loopback ports, imports and opens a synthetic study, runs, prints a JSON report
(also written to --out), and deletes everything. Exit status 0 only when every check of the harness
held."""

import argparse
import asyncio
import json
import os
import platform
import secrets
import subprocess
import sys
import time

import authz
import badinput
import cpu
import crash
import load
import security
from session import DATABASES, HarnessSession

# Session starts are rate-limited per client address; every simulated participant comes from
# 127.0.0.1, so the load and crash runs widen the bucket (variables of application.properties).
WIDE_START_LIMIT = {"EIGENSTUDY_START_BURST": "1000000", "EIGENSTUDY_STARTS_PER_MINUTE": "100000000"}
FLOW_REQUESTS = 3 + 1 + 14  # start, consent, resume, finish + the fixture's 12 trials and 2 catch trials


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            cpu = next(line.split(":", 1)[1].strip() for line in handle if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return {"date": time.strftime("%Y-%m-%d %H:%M:%S %Z"), "host": platform.node(), "cpu": cpu,
            "cores": os.cpu_count(), "load_average_before": os.getloadavg(),
            "java": subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]}


def cpu_sampler(session):
    """CPU of the backend JVM, the PostgreSQL cluster and the load client during the measured window."""
    backend = session.backend.process.pid
    postmaster = cpu.find_process(b"postgres", session.cluster.data.encode())
    me = os.getpid()
    return cpu.CpuSampler({
        "backend_jvm": lambda: [backend],
        "postgres": lambda: [postmaster] + cpu.children(postmaster) if postmaster else [],
        "load_client": lambda: [me] + [c for c in cpu.children(me) if c != backend],
    })


def run_load(args):
    with HarnessSession(WIDE_START_LIMIT, database=args.database) as session:
        host, port, slug = session.backend.host, session.backend.port, session.study["slug"]
        if args.warmup > 0:
            load.run_load(host, port, slug, args.participants, args.warmup, args.max_requests,
                          args.processes, FLOW_REQUESTS)
        # The warm-up grows the empty tables to tens of thousands of rows in seconds, faster than
        # autovacuum's first pass (one per minute): without fresh statistics PostgreSQL keeps
        # planning for empty tables (sequential scans of response). A running deployment is analysed.
        session.cluster.sql("ANALYZE")
        with cpu_sampler(session) as sampler:
            metrics, elapsed = load.run_load(host, port, slug, args.participants, args.seconds,
                                             args.max_requests, args.processes, FLOW_REQUESTS)
        http = load.report(metrics, elapsed)
        http["cpu"] = sampler.report()
        statements = session.cluster.top_statements()
        if statements:
            http["top_statements"] = statements
        stored_responses = session.count("response")
        clients, tps, latency = session.cluster.pgbench_insert_rate(args.participants, args.seconds)
        result = {
            "database": args.database,
            "http": http,
            "pgbench_single_row_insert": {"clients": clients, "seconds": args.seconds,
                                          "tps": tps, "latency_avg_ms": latency},
            "ratio_http_responses_to_pgbench_inserts": round(http["responses_per_s"] / tps, 3),
            "goal": {"responses_per_s >= 1000": http["responses_per_s"] >= 1000,
                     "response p99 < 100 ms": http["endpoints"]["response"]["p99_ms"] < 100},
            "stored_responses_total": stored_responses,
        }
        ok = http["failures"] == 0
        return result, ok


def run_crash(args):
    with HarnessSession(WIDE_START_LIMIT, database=args.database) as session:
        metrics, outcome, acked_before, timings, errors = asyncio.run(
            crash.run_crash(session, args.participants, args.kill_after, args.seconds, args.fault))
        verdict = {"fault": args.fault, "database": args.database}
        verdict.update(crash.verify(session, outcome))
        verdict.update({"acknowledged_before_fault": acked_before, **timings,
                        "statuses": {f"{e} {s}": c for (e, s), c in sorted(metrics.statuses.items())},
                        "participant_errors": errors[:5], "participant_error_count": len(errors)})
        ok = not verdict["problem_count"] and not errors and verdict["resumed_participants"] > 0
        return verdict, ok


def run_bad_input(args):
    with HarnessSession(WIDE_START_LIMIT) as session:
        verdict = asyncio.run(badinput.run_bad_input(session))
        ok = (not verdict["problems"] and verdict["database_unchanged"] and verdict["healthy_afterwards"]
              and verdict["identical_replay_status"] == 200
              and verdict["normal_participant_completed_afterwards"])
        return verdict, ok


def run_auth(args):
    # A known session key, so that security.py can look for it in the log (and logins survive its
    # restarts of the backend).
    session_key = secrets.token_urlsafe(32)
    with HarnessSession({**WIDE_START_LIMIT, "EIGENSTUDY_SESSION_KEY": session_key},
                        database=args.database) as session:
        fixture_dir = os.path.join(session.directory, "fixture")
        config, stimuli = os.path.join(fixture_dir, "study.yaml"), os.path.join(fixture_dir, "stimuli")
        used = []
        verdict = asyncio.run(authz.run_auth(session, config, stimuli, used))
        ok = not verdict["problems"] and verdict["state_unchanged"] and verdict["admin_still_works"]
        report = asyncio.run(security.run_security(session, config, stimuli, used, session_key))
        failed = [f"{r['section']}: {r['check']} ({r['detail']})" for r in report.rows if not r["ok"]]
        verdict["database"] = args.database
        verdict["security"] = {
            "checks": len(report.rows),
            "passed": len(report.rows) - len(failed),
            "failed": failed,
            "observations": report.observations,
            "rows": [f"{'ok  ' if r['ok'] else 'FAIL'} {r['section']}: {r['check']}" for r in report.rows],
        }
        return verdict, ok and not failed


HARNESSES = {"load": run_load, "crash": run_crash, "bad-input": run_bad_input, "auth": run_auth}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("harness", choices=list(HARNESSES) + ["all"])
    parser.add_argument("--participants", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=30.0, help="measured load duration (bounded)")
    # On 2 busy cores the JIT compilers still took a third of a core 20 s into the load.
    parser.add_argument("--warmup", type=float, default=60.0, help="JIT warm-up before measuring")
    parser.add_argument("--max-requests", type=int, default=500_000, help="upper bound on load requests")
    parser.add_argument("--processes", type=int, default=1, help="client processes for the load")
    parser.add_argument("--kill-after", type=float, default=8.0, help="crash: seconds of load before kill -9")
    parser.add_argument("--fault", choices=list(crash.FAULTS), default="backend-kill",
                        help="crash: what gets kill -9 (crash.py)")
    parser.add_argument("--database", choices=DATABASES, default="external",
                        help="load, crash, auth: the harness's PostgreSQL 15 cluster or the backend's embedded one")
    parser.add_argument("--out", help="write the JSON report here")
    args = parser.parse_args()
    if args.seconds > 600 or args.warmup > 120:
        parser.error("the harness is bounded: --seconds <= 600, --warmup <= 120")
    names = list(HARNESSES) if args.harness == "all" else [args.harness]
    report, all_ok = {"machine": machine()}, True
    for name in names:
        started = time.time()
        result, ok = HARNESSES[name](args)
        report[name] = {"passed": ok, "wall_s": round(time.time() - started, 1), **result}
        all_ok = all_ok and ok
        print(f"{name}: {'PASSED' if ok else 'FAILED'}", file=sys.stderr)
    text = json.dumps(report, indent=2, ensure_ascii=False, default=str)
    print(text)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
