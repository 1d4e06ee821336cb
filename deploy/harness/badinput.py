"""Bad input: malformed requests against every participant endpoint. Every one must be answered 4xx
with a JSON error body and no stack trace, the database must be unchanged, and the server must stay
healthy and serve a normal participant afterwards."""

import json
import random
import re
import secrets

from loopback import Connection
from participant import Metrics, Participant, answer_body

STACK_TRACE_MARKERS = ("\tat ", "at org.", "at io.", "at java.", "Exception:", ".java:")

# (table, ordering) whose full contents are fingerprinted before and after the malformed requests.
SNAPSHOT = (
    ("participant_session", "SELECT md5(string_agg(concat_ws('|', id, state, consented_at, completed_at,"
                            " user_agent, completion_code), ',' ORDER BY id)) FROM participant_session"),
    ("response", "SELECT md5(string_agg(concat_ws('|', id, session_id, client_response_id, body_sha256),"
                 " ',' ORDER BY id)) FROM response"),
    ("assignment", "SELECT count(*) FROM assignment"),
    ("study", "SELECT md5(string_agg(concat_ws('|', id, state), ',' ORDER BY id)) FROM study"),
)


def snapshot(session):
    return {name: session.cluster.sql(query)[0][0] for name, query in SNAPSHOT}


class Case:
    def __init__(self, name, method, path, body=None, raw=None, headers=None):
        self.name, self.method, self.path = name, method, path
        self.body, self.raw, self.headers = body, raw, headers


def forged_token():
    return secrets.token_urlsafe(32)


def start_cases(slug):
    path = "/api/participant/sessions"
    client = {"userAgent": "harness", "screenWidth": 1440, "screenHeight": 900,
              "timeZone": "Europe/Berlin", "language": "en"}
    mturk = {"assignmentId": "A1", "hitId": "H1", "workerId": "W1",
             "turkSubmitTo": "https://workersandbox.mturk.com"}
    prolific = {"prolificPid": "P1", "studyId": "S1", "sessionId": "X1"}
    cases = [
        Case("start: not JSON", "POST", path, raw=b"{study: harness"),
        Case("start: empty body", "POST", path, raw=b""),
        Case("start: JSON array", "POST", path, raw=b"[]"),
        Case("start: JSON null", "POST", path, raw=b"null"),
        Case("start: JSON string", "POST", path, raw=b'"harness"'),
        Case("start: study is a number", "POST", path, body={"study": 5, "client": client}),
        Case("start: study missing", "POST", path, body={"client": client}),
        Case("start: unknown study", "POST", path, body={"study": "no-such-study", "client": client}),
        Case("start: study with RTL override", "POST", path, body={"study": slug + "\u202e", "client": client}),
        Case("start: study with NUL", "POST", path, body={"study": slug + "\u0000", "client": client}),
        Case("start: lone surrogate", "POST", path,
             raw=b'{"study": "harness\\ud800", "client": {"userAgent": "x"}}'),
        Case("start: invalid UTF-8 bytes", "POST", path, raw=b'{"study": "harness\xff\xfe"}'),
        Case("start: screenWidth is a string", "POST", path,
             body={"study": slug, "client": {**client, "screenWidth": "wide"}}),
        Case("start: screenWidth overflows int", "POST", path,
             body={"study": slug, "client": {**client, "screenWidth": 10 ** 12}}),
        Case("start: NaN literal", "POST", path,
             raw=('{"study": "%s", "client": {"screenWidth": NaN}}' % slug).encode()),
        Case("start: userAgent over 200 chars", "POST", path,
             body={"study": slug, "client": {**client, "userAgent": "u" * 201}}),
        Case("start: unknown field", "POST", path, body={"study": slug, "client": client, "admin": True}),
        Case("start: MTurk preview assignment", "POST", path,
             body={"study": slug, "mturk": {**mturk, "assignmentId": "ASSIGNMENT_ID_NOT_AVAILABLE"}}),
        Case("start: MTurk without workerId", "POST", path,
             body={"study": slug, "mturk": {k: v for k, v in mturk.items() if k != "workerId"}}),
        Case("start: MTurk javascript: submit URL", "POST", path,
             body={"study": slug, "mturk": {**mturk, "turkSubmitTo": "javascript:alert(1)"}}),
        Case("start: MTurk and Prolific at once", "POST", path,
             body={"study": slug, "mturk": mturk, "prolific": prolific}),
        Case("start: Prolific without SESSION_ID", "POST", path,
             body={"study": slug, "prolific": {"prolificPid": "P1", "studyId": "S1"}}),
        Case("start: 2 MiB body", "POST", path,
             body={"study": slug, "client": {**client, "userAgent": "x" * (2 << 20)}}),
        Case("start: 30k nested arrays", "POST", path, raw=b"[" * 30_000 + b"]" * 30_000),
    ]
    return cases


def session_cases(slug, active, unconsented, finished, answered_id, answered_body, total):
    base = f"/api/participant/sessions/{active}"
    valid = answer_body(1, random.Random(7))
    valid.update(changeSeen=True, magnitude=40, sharedCount=3, consistency=6)

    def put(name, body=None, raw=None, client_id=None, token=active):
        client_id = client_id or secrets.token_hex(8)
        return Case("response: " + name, "PUT",
                    f"/api/participant/sessions/{token}/responses/{client_id}", body=body, raw=raw)

    def mutated(**changes):
        body = dict(valid)
        for key, value in changes.items():
            if value is ...:
                body.pop(key)
            else:
                body[key] = value
        return body

    cases = [
        Case("resume: forged token", "GET", f"/api/participant/sessions/{forged_token()}"),
        Case("resume: near-miss token", "GET", f"/api/participant/sessions/{active[:-1]}"
             + ("A" if active[-1] != "A" else "B")),
        Case("resume: 3000-char token", "GET", "/api/participant/sessions/" + "a" * 3000),
        Case("resume: percent-encoded RTL token", "GET", "/api/participant/sessions/%E2%80%AE" + active[3:]),
        Case("resume: NUL in token", "GET", "/api/participant/sessions/ab%00cd"),
        Case("resume: traversal", "GET", "/api/participant/sessions/..%2F..%2Fstudies%2F" + slug),
        Case("session: DELETE not allowed", "DELETE", base),
        Case("consent: false", "POST", f"/api/participant/sessions/{unconsented}/consent", body={"consent": False}),
        Case("consent: missing", "POST", f"/api/participant/sessions/{unconsented}/consent", body={}),
        Case("consent: string", "POST", f"/api/participant/sessions/{unconsented}/consent", body={"consent": "yes"}),
        Case("consent: not JSON", "POST", f"/api/participant/sessions/{unconsented}/consent", raw=b"consent=true"),
        Case("consent: array", "POST", f"/api/participant/sessions/{unconsented}/consent", raw=b"[true]"),
        Case("consent: forged token", "POST", f"/api/participant/sessions/{forged_token()}/consent",
             body={"consent": True}),
        Case("consent: replayed finished token", "POST", f"/api/participant/sessions/{finished}/consent",
             body={"consent": True}),
        put("not JSON", raw=b'{"trialIndex": 1,'),
        put("empty body", raw=b""),
        put("JSON array", raw=b"[1, 2]"),
        put("trialIndex -1", mutated(trialIndex=-1)),
        put("trialIndex = totalTrials", mutated(trialIndex=total)),
        put("trialIndex 10^12", mutated(trialIndex=10 ** 12)),
        put("trialIndex string", mutated(trialIndex="1")),
        put("trialIndex fractional", mutated(trialIndex=1.5)),
        put("trialIndex null", mutated(trialIndex=None)),
        put("changeSeen string", mutated(changeSeen="yes")),
        put("changeSeen number", mutated(changeSeen=1)),
        put("changeSeen missing", mutated(changeSeen=...)),
        put("magnitude 101", mutated(magnitude=101)),
        put("magnitude -1", mutated(magnitude=-1)),
        put("magnitude fractional", mutated(magnitude=50.5)),
        put("magnitude string", mutated(magnitude="50")),
        put("magnitude missing with change", mutated(magnitude=...)),
        put("magnitude with no change", mutated(changeSeen=False, magnitude=50)),
        put("description 1001 chars", mutated(description="x" * 1001)),
        put("description 1001 emoji", mutated(description="\U0001F642" * 1001)),
        put("description number", mutated(description=5)),
        put("description lone surrogate", raw=json.dumps(mutated(description="PLACEHOLDER")).replace(
            "PLACEHOLDER", "\\udc00 orphan").encode()),
        put("description NUL", mutated(description="a\u0000b")),
        put("sharedCount 6", mutated(sharedCount=6)),
        put("sharedCount -1", mutated(sharedCount=-1)),
        put("sharedCount missing with change", mutated(sharedCount=...)),
        put("sharedCount with no change", mutated(changeSeen=False, magnitude=None, consistency=None)),
        put("consistency missing with change", mutated(consistency=...)),
        put("consistency with no change", mutated(changeSeen=False, magnitude=None, sharedCount=None)),
        put("consistency 0", mutated(consistency=0)),
        put("consistency 10", mutated(consistency=10)),
        put("difficulty 0", mutated(difficulty=0)),
        put("difficulty 10", mutated(difficulty=10)),
        put("responseTimeMs -1", mutated(responseTimeMs=-1)),
        put("responseTimeMs over a day", mutated(responseTimeMs=86_400_001)),
        put("responseTimeMs string", mutated(responseTimeMs="fast")),
        put("clientTimestamp not a time", mutated(clientTimestamp="yesterday")),
        put("clientTimestamp number", mutated(clientTimestamp=12345)),
        put("clientTimestamp missing", mutated(clientTimestamp=...)),
        put("trialStartedAt not a time", mutated(trialStartedAt="2026-13-45T99:00:00Z")),
        put("unknown field", mutated(score=100)),
        put("1 MiB body", mutated(description="y" * (1 << 20))),
        put("client id 7 chars", valid, client_id="abcdefg"),
        put("client id 65 chars", valid, client_id="a" * 65),
        put("client id bad chars", valid, client_id="bad$chars!%3B"),
        put("client id non-ASCII", valid, client_id="%C3%B1and%C3%BA-%C3%B1and%C3%BA"),
        put("replayed id, different body", dict(answered_body, difficulty=answered_body["difficulty"] % 9 + 1),
            client_id=answered_id),
        put("new id for an answered trial", dict(answered_body), client_id=secrets.token_hex(8)),
        put("before consent", valid, token=unconsented),
        put("replayed finished token", valid, token=finished),
        put("forged token", valid, token=forged_token()),
        Case("finish: incomplete", "POST", f"{base}/finish", body={}),
        Case("finish: not JSON", "POST", f"{base}/finish", raw=b"{{"),
        Case("finish: before consent", "POST", f"/api/participant/sessions/{unconsented}/finish", body={}),
        Case("finish: forged token", "POST", f"/api/participant/sessions/{forged_token()}/finish", body={}),
        Case("study: unknown slug", "GET", "/api/participant/studies/no-such-study"),
        Case("study: RTL slug", "GET", "/api/participant/studies/%E2%80%AE" + slug),
        Case("preview: unknown slug", "GET", "/api/participant/studies/no-such-study/preview"),
        Case("preview: 3000-char slug", "GET", "/api/participant/studies/" + "s" * 3000 + "/preview"),
        Case("stimuli: traversal", "GET", f"/stimuli/{slug}/1/..%2F..%2F..%2F..%2Fetc%2Fpasswd"),
        Case("stimuli: unlisted file", "GET", f"/stimuli/{slug}/1/manifest.json"),
        Case("stimuli: unknown version", "GET", f"/stimuli/{slug}/99/synthetic/top-01/r0-f0.png"),
    ]
    return cases


def judge(case, reply):
    """None when the reply is a proper refusal, else what is wrong with it."""
    if not 400 <= reply.status < 500:
        return f"HTTP {reply.status}"
    text = reply.text()
    if any(marker in text for marker in STACK_TRACE_MARKERS):
        return f"HTTP {reply.status} body leaks a stack trace"
    if case.path.startswith("/api/"):
        try:
            body = reply.json()
        except ValueError:
            return f"HTTP {reply.status} body is not JSON: {text[:80]!r}"
        if not isinstance(body, dict) or not body.get("error"):
            return f"HTTP {reply.status} JSON has no error: {text[:80]!r}"
    return None


async def prepare(session):
    """Sessions to attack: one active with a trial answered, one not consented, one finished."""
    connection = Connection(session.backend.host, session.backend.port)
    slug = session.study["slug"]
    metrics = Metrics()
    finished = Participant(connection, slug, metrics)
    await finished.run()
    active = Participant(connection, slug, metrics)
    await active.start()
    await active.consent()
    await active.answer(0)
    unconsented = Participant(connection, slug, metrics)
    await unconsented.start()
    connection.close()
    answered_id, answered_body = next(iter(active.acknowledged.items()))
    return active, unconsented, finished, answered_id, answered_body


async def uncovered_operations(connection, cases):
    """Participant operations of the running server's OpenAPI document that no case exercised."""
    reply = await connection.request("GET", "/q/openapi?format=json")
    uncovered = []
    for template, operations in reply.json()["paths"].items():
        if not template.startswith("/api/participant"):
            continue
        pattern = re.compile("^" + re.sub(r"\\{[^}]+\\}", "[^/]+", re.escape(template)) + "$")
        for method in operations:
            if method.upper() not in ("GET", "POST", "PUT", "DELETE", "PATCH"):
                continue
            if not any(c.method == method.upper() and pattern.match(c.path.split("?")[0]) for c in cases):
                uncovered.append(f"{method.upper()} {template}")
    return uncovered


async def run_bad_input(session):
    active, unconsented, finished, answered_id, answered_body = await prepare(session)
    slug = session.study["slug"]
    cases = start_cases(slug) + session_cases(slug, active.token, unconsented.token, finished.token,
                                              answered_id, answered_body, active.total)
    before = snapshot(session)
    results = []
    connection = Connection(session.backend.host, session.backend.port)
    for case in cases:
        try:
            reply = await connection.request(case.method, case.path, body=case.body, raw=case.raw,
                                             headers=case.headers)
            results.append((case.name, reply.status, judge(case, reply)))
        except (OSError, EOFError, ValueError) as error:
            connection.close()
            results.append((case.name, None, f"connection failed: {type(error).__name__}"))
    replay = await connection.request(
        "PUT", f"/api/participant/sessions/{active.token}/responses/{answered_id}", body=answered_body)
    after = snapshot(session)
    healthy = (await connection.request("GET", "/q/health/ready")).status == 200
    uncovered = await uncovered_operations(connection, cases)
    connection.close()
    # A normal participant still completes the whole study afterwards.
    connection = Connection(session.backend.host, session.backend.port)
    follow_up = Participant(connection, slug, Metrics())
    await follow_up.run()
    connection.close()
    return {
        "cases": len(cases),
        "refused_properly": sum(1 for r in results if r[2] is None),
        "problems": [f"{name}: {problem}" for name, _, problem in results if problem]
        + [f"no malformed request for {operation}" for operation in uncovered],
        "status_counts": {str(s): sum(1 for r in results if r[1] == s) for s in sorted({r[1] for r in results}, key=str)},
        "identical_replay_status": replay.status,
        "database_unchanged": before == after,
        "changed_tables": [t for t in before if before[t] != after[t]],
        "healthy_afterwards": healthy,
        "normal_participant_completed_afterwards": follow_up.completion is not None,
    }
