"""Crash: participants answer under load, the backend is killed with SIGKILL, restarted on the same
database, and the participants resume. Then the database must hold every acknowledged response exactly
once, with the values that were sent, and every session must resume where its participant was."""

import asyncio
import time

from loopback import Connection
from participant import Metrics, Participant, Unexpected

DISCONNECTED = (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError)


async def crashing_participant(session, restarted, stop, metrics, outcome):
    """Runs flows until the server dies, then waits for the restart and continues the same flow."""
    connection = Connection(session.backend.host, session.backend.port, timeout=20)
    while not stop.is_set():
        participant = Participant(connection, session.study["slug"], metrics)
        outcome["participants"].append(participant)
        try:
            await participant.run()
            continue
        except DISCONNECTED:
            connection.close()
        await restarted.wait()
        if participant.token is None:
            # The start request itself died: nothing was acknowledged, so nothing to resume.
            outcome["lost_starts"] += 1
            return
        acked = len(participant.acknowledged)
        in_flight = participant.pending is not None
        answered = await participant.continue_after_restart()
        outcome["resumed"].append((acked, answered, participant.pending is None))
        outcome["in_flight"] += in_flight
        return
    connection.close()


async def run_crash(session, participants, kill_after, seconds):
    metrics = Metrics()
    restarted = asyncio.Event()
    stop = asyncio.Event()
    outcome = {"participants": [], "resumed": [], "lost_starts": 0, "in_flight": 0}
    tasks = [asyncio.create_task(crashing_participant(session, restarted, stop, metrics, outcome))
             for _ in range(participants)]
    await asyncio.sleep(kill_after)
    acknowledged_before = sum(len(p.acknowledged) for p in outcome["participants"])
    session.backend.kill_hard()
    killed_at = time.perf_counter()
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, session.backend.start)
    restart_seconds = time.perf_counter() - killed_at
    restarted.set()
    await asyncio.sleep(max(0.0, seconds - kill_after))
    stop.set()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    errors = [repr(r) for r in results if isinstance(r, BaseException)]
    return metrics, outcome, acknowledged_before, restart_seconds, errors


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
    per_session = session.cluster.sql(
        "SELECT s.state, count(r.id), bool_and(r.id IS NOT NULL) FROM participant_session s"
        " LEFT JOIN response r ON r.session_id = s.id GROUP BY s.id, s.state")
    finished = [p for p in outcome["participants"] if p.completion is not None]
    for acked, answered, clean in outcome["resumed"]:
        if not acked <= answered <= acked + 1 or not clean:
            problems.append(f"resume: {acked} acknowledged before the crash but {answered} answered")
    return {
        "acknowledged": len(acknowledged),
        "stored": sum(int(r[0]) for r in stored.values()),
        "distinct_stored": len(stored),
        "sessions": len(per_session),
        "sessions_completed_by_clients": len(finished),
        "sessions_completed_in_db": sum(1 for s in per_session if s[0] == "completed"),
        "resumed_participants": len(outcome["resumed"]),
        "responses_in_flight_at_kill": outcome["in_flight"],
        "committed_but_unacknowledged_at_kill": sum(1 for a, b, _ in outcome["resumed"] if b == a + 1),
        "lost_starts": outcome["lost_starts"],
        "problems": problems,
    }
