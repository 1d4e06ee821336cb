"""Load: N simulated participants run the whole flow concurrently (start, consent, resume, every trial's
response, finish) against the backend on loopback; then pgbench measures the same PostgreSQL's
single-row insert rate in the same run. Bounded by --seconds and --max-requests."""

import asyncio
import multiprocessing
import time

from loopback import Connection
from participant import ENDPOINTS, Metrics, Participant, Unexpected
from stats import summary_ms


async def participant_loop(host, port, slug, deadline, max_flows, metrics):
    connection = Connection(host, port)
    flows = 0
    try:
        while time.perf_counter() < deadline and flows < max_flows:
            flows += 1
            try:
                await Participant(connection, slug, metrics).run(deadline)
            except (Unexpected, OSError, asyncio.TimeoutError) as error:
                metrics.failures.append(f"{type(error).__name__}: {error}")
                connection.close()
    finally:
        connection.close()


async def drive(host, port, slug, participants, start_at, seconds, max_flows):
    metrics = Metrics()
    while time.time() < start_at:
        await asyncio.sleep(min(0.05, start_at - time.time()))
    began = time.perf_counter()
    deadline = began + seconds
    await asyncio.gather(*(participant_loop(host, port, slug, deadline, max_flows, metrics)
                           for _ in range(participants)))
    return metrics, time.perf_counter() - began


def worker(arguments):
    return asyncio.run(drive(*arguments))


def run_load(host, port, slug, participants, seconds, max_requests, processes, flow_requests):
    """Returns (Metrics, elapsed seconds) of participants spread over processes."""
    per_process = [participants // processes + (1 if i < participants % processes else 0)
                   for i in range(processes)]
    # A cap on whole flows bounds the request count (each flow is flow_requests requests).
    max_flows = max(1, max_requests // (flow_requests * participants))
    start_at = time.time() + 1.0
    jobs = [(host, port, slug, n, start_at, seconds, max_flows) for n in per_process if n > 0]
    if len(jobs) == 1:
        results = [worker(jobs[0])]
    else:
        with multiprocessing.get_context("fork").Pool(len(jobs)) as pool:
            results = pool.map(worker, jobs)
    metrics = Metrics()
    for part, _ in results:
        metrics.merge(part)
    return metrics, max(elapsed for _, elapsed in results)


def report(metrics, elapsed):
    endpoints = {name: summary_ms(metrics.samples[name]) for name in ENDPOINTS if metrics.samples[name]}
    acknowledged = sum(c for (e, s), c in metrics.statuses.items() if e == "response" and s in (200, 201))
    total = sum(len(v) for v in metrics.samples.values())
    return {
        "elapsed_s": round(elapsed, 2),
        "requests": total,
        "requests_per_s": round(total / elapsed, 1),
        "responses_acknowledged": acknowledged,
        "responses_per_s": round(acknowledged / elapsed, 1),
        "endpoints": endpoints,
        "statuses": {f"{e} {s}": c for (e, s), c in sorted(metrics.statuses.items())},
        "failures": len(metrics.failures),
        "first_failures": metrics.failures[:5],
    }
