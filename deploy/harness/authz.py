"""Auth: every researcher endpoint called anonymously, with a participant session token (as a bearer
token and as the session cookie), with a forged and a revoked API token, with the researcher role on
admin-only endpoints, by a researcher who is no member of the study (its endpoints must answer 404, as
if it did not exist), and by cookie without the CSRF header: all must be refused, and nothing changes."""

import re
import secrets

import researcher
from loopback import Connection
from participant import Metrics, Participant

ADMIN_ONLY = {("GET", "/api/researcher/accounts"), ("POST", "/api/researcher/accounts")}
# File uploads take multipart form data: any other body is refused as 415 before who asks is known.
UPLOADS = {"/api/researcher/bundles": "bundle", "/api/researcher/models": "model"}
BOUNDARY = "harness-boundary"


def request_args(path, body):
    """The raw body and headers a call sends: JSON, or for an upload a small multipart file."""
    if path in UPLOADS:
        raw = (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{UPLOADS[path]}\"; "
               f"filename=\"x.zip\"\r\nContent-Type: application/zip\r\n\r\nPK\r\n--{BOUNDARY}--\r\n").encode()
        return {"raw": raw, "headers": {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}",
                                        "Content-Length": str(len(raw))}}
    return {"body": body, "headers": {}}
STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}


def endpoints(study_id, token_id, config_path, stimuli_dir):
    """Every researcher endpoint of docs/api.md, with a body that would be accepted from a caller
    allowed to call it, so a refusal can only come from authentication or authorisation."""
    studies = f"/api/researcher/studies/{study_id}"
    return [
        ("GET", "/api/researcher/me", None),
        ("GET", "/api/researcher/studies", None),
        ("GET", studies, None),
        ("POST", "/api/researcher/studies", {"configPath": config_path, "stimuliDir": stimuli_dir}),
        ("POST", f"{studies}/open", None),
        ("POST", f"{studies}/close", None),
        ("GET", f"{studies}/progress", None),
        ("GET", f"{studies}/exports/responses.csv", None),
        ("GET", f"{studies}/exports/responses.json", None),
        ("GET", f"{studies}/exports/participants.csv", None),
        ("GET", f"{studies}/exports/stimuli.csv", None),
        ("GET", "/api/researcher/tokens", None),
        ("POST", "/api/researcher/tokens", {"name": "intruder"}),
        ("DELETE", f"/api/researcher/tokens/{token_id}", None),
        ("GET", "/api/researcher/accounts", None),
        ("POST", "/api/researcher/accounts",
         {"username": "intruder", "password": "correct-horse-battery", "role": "admin"}),
        ("POST", "/api/researcher/logout", None),
    ]


async def documented_endpoints(connection, study_id, token_id, config_path, stimuli_dir):
    """The hand-written list (docs/api.md) plus every /api/researcher operation in the running server's
    OpenAPI document, so endpoints added later (statistics, ...) are covered without editing this."""
    calls = endpoints(study_id, token_id, config_path, stimuli_dir)
    known = {(method, path) for method, path, _ in calls}
    reply = await connection.request("GET", "/q/openapi?format=json")
    if reply.status != 200:
        raise SystemExit(f"/q/openapi answered {reply.status}")
    # Values that make each route match (a path the router rejects is a 404, not a refusal):
    # statistics files are "statistics[.csv|.md|.tex]", sheets and plots any file name.
    values = {"id": study_id, "studyId": study_id, "tokenId": token_id, "file": "statistics",
              "plot": "plot.png"}
    for template, operations in reply.json()["paths"].items():
        if not template.startswith("/api/researcher"):
            continue
        path = template
        for name in re.findall(r"\{([^}]+)\}", template):
            path = path.replace("{" + name + "}", str(values.get(name, token_id if "token" in template else study_id)))
        for method in operations:
            if method.upper() in ("GET", "POST", "PUT", "DELETE", "PATCH") and (method.upper(), path) not in known:
                calls.append((method.upper(), path, {} if method.upper() != "GET" else None))
                known.add((method.upper(), path))
    return calls


def state_fingerprint(session):
    return {
        "studies": session.cluster.sql("SELECT id, state FROM study ORDER BY id"),
        "accounts": session.cluster.sql("SELECT username, role FROM researcher ORDER BY username"),
        "tokens": session.cluster.sql("SELECT id, name FROM api_token ORDER BY id"),
    }


async def run_auth(session, config_path, stimuli_dir, used_secrets=None):
    """used_secrets, a list, gets (label, value) of every password, token and cookie this run made,
    for security.py's look through the server log."""
    used = used_secrets if used_secrets is not None else []
    connection = Connection(session.backend.host, session.backend.port)
    admin = session.admin_token
    first_password = secrets.token_urlsafe(18)
    await researcher.create_account(connection, admin, "harness-researcher", first_password, "researcher")
    password = secrets.token_urlsafe(18)
    await researcher.create_account(connection, admin, "harness-researcher-2", password, "researcher")
    researcher_cookie = await researcher.form_login(connection, "harness-researcher-2", password)
    researcher_token, _ = await researcher.api_token(connection, researcher_cookie, "harness")
    revoked_token, revoked_id = await researcher.api_token(connection, researcher_cookie, "revoked")
    used += [("account password", first_password), ("account password", password),
             ("login cookie value", researcher_cookie.split("=", 1)[1]),
             ("API token", researcher_token), ("API token", revoked_token)]
    researcher.expect(await connection.request(
        "DELETE", f"/api/researcher/tokens/{revoked_id}", headers=researcher.bearer(admin)), 204)
    _, admin_token_id = await researcher.api_token(connection, session.admin_cookie, "target")
    participant = Participant(connection, session.study["slug"], Metrics())
    await participant.start()
    used.append(("participant token", participant.token))

    identities = {
        "anonymous": ({}, {401}),
        "participant token as bearer": (researcher.bearer(participant.token), {401}),
        "participant token as session cookie": ({"Cookie": f"eigenstudy-session={participant.token}",
                                                 **researcher.CSRF}, {401}),
        "forged API token": (researcher.bearer("est_" + secrets.token_urlsafe(32)), {401}),
        "revoked API token": (researcher.bearer(revoked_token), {401}),
        "malformed Authorization": ({"Authorization": "Basic YWRtaW46YWRtaW4="}, {401}),
    }
    before = state_fingerprint(session)
    calls = await documented_endpoints(connection, session.study["id"], admin_token_id, config_path,
                                       stimuli_dir)
    results = []
    for identity, (headers, refused) in identities.items():
        for method, path, body in calls:
            # Any media type: refusing must not depend on what the endpoint produces (a 406).
            args = request_args(path, body)
            reply = await connection.request(method, path, body=args.get("body"), raw=args.get("raw"),
                                             headers={"Accept": "*/*", **args["headers"], **headers})
            results.append((identity, method, path, reply.status, reply.status in refused))
    for method, path, body in calls:
        if (method, path) in ADMIN_ONLY:
            for label, headers in (("researcher token", researcher.bearer(researcher_token)),
                                   ("researcher cookie", {"Cookie": researcher_cookie, **researcher.CSRF})):
                reply = await connection.request(method, path, body=body, headers=headers)
                results.append((f"wrong role ({label})", method, path, reply.status, reply.status == 403))
        # The admin imported the study: this researcher takes no part in it and must learn nothing.
        if path.startswith(f"/api/researcher/studies/{session.study['id']}"):
            reply = await connection.request(method, path, body=body,
                                             headers={"Accept": "*/*", **researcher.bearer(researcher_token)})
            results.append(("researcher of another study", method, path, reply.status, reply.status == 404))
        if method in STATE_CHANGING:
            args = request_args(path, body)
            reply = await connection.request(method, path, body=args.get("body"), raw=args.get("raw"),
                                             headers={**args["headers"], "Cookie": researcher_cookie})
            results.append(("cookie without CSRF header", method, path, reply.status, reply.status == 403))
    # A researcher may delete only their own tokens: the admin's token must survive.
    reply = await connection.request("DELETE", f"/api/researcher/tokens/{admin_token_id}",
                                     headers=researcher.bearer(researcher_token))
    results.append(("researcher deleting the admin's token", "DELETE", "/api/researcher/tokens/{id}",
                    reply.status, reply.status in (403, 404)))
    after = state_fingerprint(session)
    admin_still_works = (await connection.request(
        "GET", "/api/researcher/me", headers=researcher.bearer(admin))).status == 200
    connection.close()
    return {
        "endpoints": len(calls),
        "endpoint_list": [f"{m} {p}" for m, p, _ in calls],
        "calls": len(results),
        "refused": sum(1 for r in results if r[4]),
        "problems": [f"{i}: {m} {p} -> HTTP {s}" for i, m, p, s, ok in results if not ok],
        "state_unchanged": before == after,
        "admin_still_works": admin_still_works,
    }
