"""A simulated participant running the whole study flow through the participant API, recording the
latency of every request per endpoint and every response the server acknowledged."""

import asyncio
import random
import time
import uuid

ENDPOINTS = ("start", "consent", "resume", "response", "finish")


class Metrics:
    def __init__(self):
        self.samples = {name: [] for name in ENDPOINTS}
        self.statuses = {}
        self.failures = []

    def record(self, endpoint, reply):
        self.samples[endpoint].append(reply.seconds)
        key = (endpoint, reply.status)
        self.statuses[key] = self.statuses.get(key, 0) + 1

    def merge(self, other):
        for name in ENDPOINTS:
            self.samples[name].extend(other.samples[name])
        for key, count in other.statuses.items():
            self.statuses[key] = self.statuses.get(key, 0) + count
        self.failures.extend(other.failures)


class Unexpected(Exception):
    pass


class ServerError(Unexpected):
    """A 5xx: the server could not serve the request now (e.g. its database is restarting); a browser
    page retries it."""


def answer_body(trial_index, rng):
    change = rng.random() < 0.6
    return {
        "trialIndex": trial_index,
        "changeSeen": change,
        "magnitude": rng.randint(0, 100) if change else None,
        "description": rng.choice(["the face turns left", "lighter background", "", "größer — 🙂",
                                   "nothing obvious"]),
        # shared count and consistency, like magnitude, only follow a seen change (docs/api.md)
        "sharedCount": rng.randint(0, 5) if change else None,
        "consistency": rng.randint(1, 9) if change else None,
        "difficulty": rng.randint(1, 9),
        "responseTimeMs": rng.randint(500, 60000),
        "trialStartedAt": "2026-11-22T08:01:02.123Z",
        "clientTimestamp": "2026-11-22T08:01:17.357Z",
    }


class Participant:
    """Client-side state of one participant: what the server has acknowledged is the ground truth the
    crash harness checks the database against."""

    def __init__(self, connection, slug, metrics, rng=None):
        self.connection = connection
        self.slug = slug
        self.metrics = metrics
        self.rng = rng or random.Random()
        self.token = None
        self.total = None
        self.acknowledged = {}  # clientResponseId -> body the server acknowledged
        self.pending = None  # (clientResponseId, body) sent but not acknowledged
        self.completion = None

    async def _call(self, endpoint, method, path, body=None, expected=(200,)):
        reply = await self.connection.request(method, path, body=body)
        self.metrics.record(endpoint, reply)
        if reply.status not in expected:
            error = ServerError if reply.status >= 500 else Unexpected
            raise error(f"{endpoint}: HTTP {reply.status} {reply.text()[:300]}")
        return reply

    async def start(self):
        body = {"study": self.slug,
                "client": {"userAgent": "eigenstudy-harness/1", "screenWidth": 1440,
                           "screenHeight": 900, "timeZone": "Europe/Berlin", "language": "en-GB"}}
        while True:
            reply = await self._call("start", "POST", "/api/participant/sessions", body, (201, 429))
            if reply.status == 201:
                break
            await asyncio.sleep(float(reply.headers.get("retry-after", "1")))
        session = reply.json()
        self.token = session["token"]
        self.total = session["totalTrials"]

    async def consent(self):
        await self._call("consent", "POST", f"/api/participant/sessions/{self.token}/consent",
                         {"consent": True})

    async def resume(self):
        return (await self._call("resume", "GET", f"/api/participant/sessions/{self.token}")).json()

    async def answer(self, trial_index):
        if self.pending is None or self.pending[1]["trialIndex"] != trial_index:
            self.pending = (uuid.uuid4().hex, answer_body(trial_index, self.rng))
        client_id, body = self.pending
        reply = await self._call(
            "response", "PUT", f"/api/participant/sessions/{self.token}/responses/{client_id}", body,
            (200, 201))
        self.acknowledged[client_id] = body
        self.pending = None
        return reply.json()

    async def finish(self):
        self.completion = (await self._call(
            "finish", "POST", f"/api/participant/sessions/{self.token}/finish", {})).json()

    async def run(self, deadline=None):
        """The whole flow; stops early (returning False) when the deadline passes."""
        await self.start()
        await self.consent()
        state = await self.resume()
        for trial_index in range(state["nextTrialIndex"], self.total):
            if deadline is not None and time.perf_counter() > deadline:
                return False
            await self.answer(trial_index)
        await self.finish()
        return True

    async def continue_from(self, state):
        """Continues as a reloaded page would from the server's view of the session (its resume reply):
        consent if the server has none, re-send an unacknowledged answer with the same id (idempotent),
        then answer the rest and finish."""
        if state["consentedAt"] is None:
            await self.consent()
        if self.pending is not None:
            await self.answer(self.pending[1]["trialIndex"])
            state = await self.resume()
        for trial_index in range(state["nextTrialIndex"], self.total):
            await self.answer(trial_index)
        await self.finish()
