"""Crash: participants answer under load, a fault strikes, and the participants resume. Then the database
must hold every acknowledged response exactly once, with the values that were sent, every session must
resume where its participant was, and every participant the fault cut off must finish.

Faults (--fault):
  backend-kill     SIGKILL of the backend JVM, which is started again on the same database.
  pg-backend-kill  SIGKILL of one PostgreSQL backend serving the backend's connection pool. The postmaster
                   then ends every backend, replays the WAL and accepts connections again; the JVM keeps
                   running and its pool must reconnect.
  postmaster-kill  SIGKILL of the postmaster, then (a second later, while requests fail) of the JVM, and a
                   start of the whole platform: the external cluster with pg_ctl once the dead postmaster's
                   backends are gone, then the backend; the embedded database is restarted by the backend.
"""

import asyncio
import os
import random
import signal
import subprocess
import time

from loopback import Connection
from participant import Metrics, Participant, ServerError
from postgres import wait_until

DISRUPTED = (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ServerError)
RECOVERY_S = 120  # how long a cut-off participant keeps retrying after the platform is back
DOWN_BEFORE_JVM_KILL_S = 1.0  # postmaster-kill: how long the JVM serves without its database


async def crashing_participant(session, recovered, stop, metrics, outcome):
    """Runs flows until the fault cuts this participant off, then waits for the recovery and continues
    the same flow."""
    connection = Connection(session.backend.host, session.backend.port, timeout=20)
    while not stop.is_set():
        participant = Participant(connection, session.study["slug"], metrics)
        outcome["participants"].append(participant)
        try:
            await participant.run()
            continue
        except DISRUPTED:
            connection.close()
        await recovered.wait()
        if participant.token is None:
            # The start request itself failed: nothing was acknowledged, so nothing to resume.
            outcome["lost_starts"] += 1
            return
        outcome["in_flight"] += participant.pending is not None
        await resume_until_finished(participant, connection, outcome)
        return
    connection.close()


async def resume_until_finished(participant, connection, outcome):
    """Resumes as a reloaded page would, retrying with back-off while requests still fail (bounded)."""
    deadline = time.monotonic() + RECOVERY_S
    delay = 0.2
    while True:
        acked, pending = len(participant.acknowledged), participant.pending is not None
        try:
            state = await participant.resume()
            outcome["resumes"].append((acked, state["answeredTrials"], pending))
            await participant.continue_from(state)
            outcome["finished_after_fault"] += 1
            return
        except DISRUPTED as error:
            outcome["failures_after_recovery"].append(f"{type(error).__name__}: {error}"[:200])
            connection.close()
            if time.monotonic() > deadline:
                outcome["stranded"] += 1
                return
            await asyncio.sleep(delay)
            delay = min(2 * delay, 5.0)


def kill_backend(session):
    session.backend.kill_hard()
    killed = time.perf_counter()
    session.backend.start()
    return {"restart_s": round(time.perf_counter() - killed, 1)}


def _new_checkpointer(cluster, old):
    """Whether the postmaster has finished a crash-restart cycle (every child, the checkpointer too,
    is new) and accepts connections again."""
    try:
        return cluster.auxiliary_pid() not in (None, old)
    except subprocess.CalledProcessError:  # refused while it recovers
        return False


def kill_pg_backend(session):
    cluster = session.cluster
    victims = cluster.app_backends()
    checkpointer = cluster.auxiliary_pid()
    victim = random.choice(victims)
    os.kill(victim, signal.SIGKILL)
    killed = time.perf_counter()
    wait_until(lambda: _new_checkpointer(cluster, checkpointer), 120, "PostgreSQL to recover")
    database_back = time.perf_counter() - killed
    session.backend.wait_ready()
    return {"killed_backend_pid": victim, "app_backends_at_kill": len(victims),
            "database_back_s": round(database_back, 1),
            "restart_s": round(time.perf_counter() - killed, 1)}


def kill_postmaster(session):
    cluster = session.cluster
    postmaster = cluster.postmaster_pid()
    os.kill(postmaster, signal.SIGKILL)
    killed = time.perf_counter()
    time.sleep(DOWN_BEFORE_JVM_KILL_S)
    session.backend.kill_hard()
    cluster.restart_after_crash()
    session.backend.start()
    return {"killed_postmaster_pid": postmaster, "restart_s": round(time.perf_counter() - killed, 1)}


FAULTS = {"backend-kill": kill_backend, "pg-backend-kill": kill_pg_backend,
          "postmaster-kill": kill_postmaster}


async def run_crash(session, participants, kill_after, seconds, fault="backend-kill"):
    metrics = Metrics()
    recovered = asyncio.Event()
    stop = asyncio.Event()
    outcome = {"participants": [], "resumes": [], "lost_starts": 0, "in_flight": 0,
               "finished_after_fault": 0, "stranded": 0, "failures_after_recovery": []}
    tasks = [asyncio.create_task(crashing_participant(session, recovered, stop, metrics, outcome))
             for _ in range(participants)]
    await asyncio.sleep(kill_after)
    acknowledged_before = sum(len(p.acknowledged) for p in outcome["participants"])
    loop = asyncio.get_running_loop()
    timings = await loop.run_in_executor(None, FAULTS[fault], session)
    recovered.set()
    await asyncio.sleep(max(0.0, seconds - kill_after))
    stop.set()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    errors = [repr(r) for r in results if isinstance(r, BaseException)]
    return metrics, outcome, acknowledged_before, timings, errors


def resume_problems(resumes):
    """Each resume after the fault must report between the answers acknowledged to the participant and
    one more if an answer was in flight (it may or may not have committed): fewer is a lost answer,
    more a phantom."""
    return [f"resume: {acked} acknowledged ({'one' if pending else 'none'} in flight) but the server"
            f" reports {answered} answered"
            for acked, answered, pending in resumes if not acked <= answered <= acked + int(pending)]


def stored_problems(acknowledged, stored):
    """acknowledged: client id -> body sent; stored: client id -> (count, change_seen, magnitude,
    shared_count, consistency, difficulty, response_time_ms, description) as psql prints them."""
    problems = []
    for client_id, body in acknowledged.items():
        row = stored.get(client_id)
        if row is None:
            problems.append(f"acknowledged response {client_id} is not in the database")
            continue
        def cell(value):
            return "" if value is None else str(value)

        expected = ["1", "t" if body["changeSeen"] else "f", cell(body["magnitude"]),
                    cell(body["sharedCount"]), cell(body["consistency"]), str(body["difficulty"]),
                    str(body["responseTimeMs"]), body["description"]]
        if list(row) != expected:
            problems.append(f"response {client_id}: database {list(row)} != sent {expected}")
    unacknowledged = sorted(set(stored) - set(acknowledged))
    if unacknowledged:
        problems.append(f"{len(unacknowledged)} stored responses were never acknowledged")
    return problems


def verify(session, outcome):
    """Compares what the server acknowledged with what PostgreSQL holds."""
    rows = session.cluster.sql(
        "SELECT client_response_id, count(*), bool_and(change_seen), max(magnitude), max(shared_count),"
        " max(consistency), max(difficulty), max(response_time_ms), max(description)"
        " FROM response GROUP BY client_response_id")
    stored = {row[0]: row[1:] for row in rows}
    acknowledged = {}
    for participant in outcome["participants"]:
        acknowledged.update(participant.acknowledged)
    problems = stored_problems(acknowledged, stored)
    problems += resume_problems(outcome["resumes"])
    per_session = session.cluster.sql(
        "SELECT s.state, count(r.id) FROM participant_session s"
        " LEFT JOIN response r ON r.session_id = s.id GROUP BY s.id, s.state")
    trials = next((p.total for p in outcome["participants"] if p.total), None)
    short = sum(1 for state, count in per_session if state == "completed" and int(count) != trials)
    if short:
        problems.append(f"{short} completed sessions do not hold all {trials} responses")
    cut_off = sum(1 for p in outcome["participants"] if p.token is not None and p.completion is None)
    if outcome["stranded"] or cut_off:
        problems.append(f"{outcome['stranded']} participants gave up retrying; {cut_off} with a session"
                        " never finished")
    finished = [p for p in outcome["participants"] if p.completion is not None]
    return {
        "acknowledged": len(acknowledged),
        "stored": sum(int(r[0]) for r in stored.values()),
        "distinct_stored": len(stored),
        "sessions": len(per_session),
        "sessions_completed_by_clients": len(finished),
        "sessions_completed_in_db": sum(1 for s in per_session if s[0] == "completed"),
        "resumed_participants": outcome["finished_after_fault"],
        "responses_in_flight_at_fault": outcome["in_flight"],
        "committed_but_unacknowledged_at_fault": sum(1 for a, b, _ in outcome["resumes"] if b == a + 1),
        "lost_starts": outcome["lost_starts"],
        "failures_after_recovery": len(outcome["failures_after_recovery"]),
        "first_failures_after_recovery": outcome["failures_after_recovery"][:5],
        "problems": problems[:20],
        "problem_count": len(problems),
    }
