"""Security review of the researcher login (issue #18 item 6), run by `run.py auth` after authz.py:

  fixation   a cookie planted before login (made up, or another account's real one) is never the one
             valid after it; every login issues a fresh value; logout expires the cookie; a password
             change needs the current password and retires the old one
  guessing   11 wrong passwords lock a user name (the right password is refused too) and no other
             name; a wrong name, a wrong password and a locked name answer byte-for-byte alike and a
             wrong name takes as long as a wrong password
  csrf       every state-changing researcher operation (the same list as authz.py: docs/api.md plus
             the running server's OpenAPI document) called with the admin's cookie but without the
             CSRF header, with a wrong header value, or with a forged bearer token next to the cookie
             is refused and changes no row of any table; a bearer token needs no header; no CORS
             grant; a login submitted by another site is refused
  cookie     the login cookie is HttpOnly, SameSite=Strict, Path=/; Secure behind TLS: checked on
             restarts of the same backend as deployed behind a proxy (EIGENSTUDY_BEHIND_PROXY=true,
             X-Forwarded-Proto) and with an https EIGENSTUDY_PUBLIC_URL (EIGENSTUDY_SECURE_COOKIES
             unset), including the renewed cookie
  logs       the server log (the HTTP access log switched on for the last two starts) holds no
             password, API token, login cookie value, session key or Authorization value that the run
             used (the first admin password only in its one first-start line)

Each check is a row (section, check, ok, detail); properties of the design that are not pass/fail
are reported as observations."""

import asyncio
import hashlib
import secrets
import statistics
import urllib.parse

import authz
import researcher
from loopback import Connection

COOKIE = "eigenstudy-session"
STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}


class Report:
    def __init__(self):
        self.rows = []
        self.observations = {}
        self.secrets = {}  # label -> set of secret strings the log must not contain

    def check(self, section, name, ok, detail=""):
        self.rows.append({"section": section, "check": name, "ok": bool(ok), "detail": detail})
        return bool(ok)

    def secret(self, label, value):
        if value:
            self.secrets.setdefault(label, set()).add(value)
        return value


def parse_set_cookie(header):
    """'name=value; Path=/; HttpOnly' -> (name, value, {attribute in lower case: value, or True})."""
    first, *rest = [part.strip() for part in header.split(";")]
    name, _, value = first.partition("=")
    attributes = {}
    for part in rest:
        key, sep, val = part.partition("=")
        attributes[key.strip().lower()] = val.strip() if sep else True
    return name.strip(), value.strip(), attributes


def session_cookies(reply):
    """The (name, value, attributes) of every Set-Cookie of the login cookie in reply."""
    return [c for c in map(parse_set_cookie, reply.all("set-cookie")) if c[0] == COOKIE]


def issued(reply, report=None):
    """The login cookie value reply sets (None if it sets none, or only removes it)."""
    values = [value for _, value, _ in session_cookies(reply) if value]
    if values and report is not None:
        report.secret("login cookie value", values[-1])
    return values[-1] if values else None


def shape(reply):
    """What a client sees of an answer, less its Date."""
    return reply.status, reply.body, sorted((n, v) for n, v in reply.header_list if n != "date")


async def login(connection, username, password, headers=None):
    form = urllib.parse.urlencode({"j_username": username, "j_password": password}).encode()
    return await connection.request("POST", "/j_security_check", raw=form, headers={
        "Content-Type": "application/x-www-form-urlencoded", **(headers or {})})


async def whoami(connection, value, headers=None):
    """(status, user name or None) of GET /me with the login cookie value."""
    reply = await connection.request("GET", "/api/researcher/me",
                                     headers={"Cookie": f"{COOKIE}={value}", **(headers or {})})
    return reply.status, (reply.json() or {}).get("username") if reply.status == 200 else None


async def new_account(connection, admin_token, report, username, role="researcher"):
    password = report.secret("account password", secrets.token_urlsafe(18))
    await researcher.create_account(connection, admin_token, username, password, role)
    return password


async def fixation(connection, report, admin_token):
    section = "fixation"
    victim = "harness-victim"
    password = await new_account(connection, admin_token, report, victim)
    attacker = "harness-attacker"
    attacker_password = await new_account(connection, admin_token, report, attacker)

    planted = secrets.token_urlsafe(48)
    reply = await login(connection, victim, password, {"Cookie": f"{COOKIE}={planted}"})
    fresh = issued(reply, report)
    report.check(section, "login with a made-up cookie planted issues a fresh value",
                 reply.status == 200 and fresh and fresh != planted, f"HTTP {reply.status}")
    report.check(section, "the planted made-up cookie is refused (401)",
                 (await whoami(connection, planted))[0] == 401)
    report.check(section, "the fresh value is the victim's session",
                 await whoami(connection, fresh) == (200, victim))

    attackers = issued(await login(connection, attacker, attacker_password), report)
    reply = await login(connection, victim, password, {"Cookie": f"{COOKIE}={attackers}"})
    fresh = issued(reply, report)
    report.check(section, "login over another account's planted real cookie issues a fresh value",
                 reply.status == 200 and fresh and fresh != attackers, f"HTTP {reply.status}")
    report.check(section, "the planted cookie stays the other account's, never the victim's",
                 await whoami(connection, attackers) == (200, attacker))
    report.check(section, "the fresh value is the victim's session",
                 await whoami(connection, fresh) == (200, victim))
    again = issued(await login(connection, victim, password), report)
    report.check(section, "two logins of one account get different values", again and again != fresh)

    reply = await connection.request("POST", "/api/researcher/logout",
                                     headers={"Cookie": f"{COOKIE}={again}", **researcher.CSRF})
    removed = [a for _, value, a in session_cookies(reply) if not value]
    report.check(section, "logout answers 204 and expires the cookie in the browser",
                 reply.status == 204 and any(a.get("max-age") == "0" or "expires" in a for a in removed),
                 f"HTTP {reply.status}, {reply.all('set-cookie')}")
    report.observations["cookie value copied before logout, sent after it"] = (
        await whoami(connection, again))[0]

    before = issued(await login(connection, victim, password), report)
    new_password = report.secret("account password", secrets.token_urlsafe(18))
    wrong = await connection.request(
        "PUT", "/api/researcher/me/password",
        body={"currentPassword": "not-the-password", "newPassword": new_password},
        headers={"Cookie": f"{COOKIE}={before}", **researcher.CSRF})
    report.check(section, "a password change without the current password is refused (422)",
                 wrong.status == 422, f"HTTP {wrong.status}")
    changed = await connection.request(
        "PUT", "/api/researcher/me/password",
        body={"currentPassword": password, "newPassword": new_password},
        headers={"Cookie": f"{COOKIE}={before}", **researcher.CSRF})
    report.check(section, "a password change with the current password answers 204",
                 changed.status == 204, f"HTTP {changed.status}")
    report.check(section, "after the change the old password is refused",
                 (await login(connection, victim, password)).status == 401)
    reply = await login(connection, victim, new_password)
    report.check(section, "after the change the new password logs in",
                 reply.status == 200 and issued(reply, report))
    report.observations["cookie issued before a password change, sent after it"] = (
        await whoami(connection, before))[0]


async def guessing(connection, report, admin_token):
    section = "guessing"
    target = "harness-guessed"
    password = await new_account(connection, admin_token, report, target)
    bystander = "harness-bystander"
    bystander_password = await new_account(connection, admin_token, report, bystander)

    # Wrong passwords for the target and wrong names, taking turns, so both meet the same load.
    wrong, unknown = [], []
    for attempt in range(11):
        wrong.append(await login(connection, target, report.secret("wrong password", secrets.token_urlsafe(12))))
        if attempt < 10:
            unknown.append(await login(connection, "harness-nobody-" + secrets.token_hex(6),
                                       report.secret("wrong password", secrets.token_urlsafe(12))))
    report.check(section, "11 wrong passwords for one name: each answered 401",
                 all(r.status == 401 for r in wrong), str([r.status for r in wrong]))
    locked = await login(connection, target, password)
    report.check(section, "then the right password is refused too (401, no cookie)",
                 locked.status == 401 and not issued(locked), f"HTTP {locked.status}")
    upper = await login(connection, target.upper(), password)
    report.check(section, "the name in capitals gets no way in either (401)", upper.status == 401, f"HTTP {upper.status}")
    other = await login(connection, bystander, bystander_password)
    report.check(section, "another name still logs in", other.status == 200 and issued(other, report),
                 f"HTTP {other.status}")

    report.check(section, "a wrong name and a wrong password get identical answers (status, headers, body)",
                 shape(unknown[0]) == shape(wrong[0]), f"{shape(unknown[0])} vs {shape(wrong[0])}")
    report.check(section, "a locked name with the right password gets that same answer",
                 shape(locked) == shape(wrong[0]), f"{shape(locked)}")
    # The first 10 wrong passwords are bcrypt-checked; the 11th is refused before the check.
    checked = statistics.median(r.seconds for r in wrong[:10]) * 1000
    nobody = statistics.median(r.seconds for r in unknown) * 1000
    report.observations["failed login median ms: wrong password, wrong name, locked name"] = [
        round(checked, 1), round(nobody, 1), round(wrong[10].seconds * 1000, 1)]
    report.check(section, "a wrong name takes as long as a wrong password (median within a factor 2)",
                 0.5 <= nobody / checked <= 2, f"{nobody:.1f} ms vs {checked:.1f} ms")


async def csrf(connection, report, session, config_path, stimuli_dir, admin_cookie, admin_token,
               victim, password):
    section = "csrf"
    forged = "est_" + secrets.token_urlsafe(32)
    # An admin token that a forged DELETE would revoke: the fingerprint shows it did not.
    target, target_id = await researcher.api_token(connection, admin_cookie, "csrf-target")
    report.secret("API token", target)
    calls = await authz.documented_endpoints(connection, session.study["id"], target_id, config_path,
                                             stimuli_dir)
    variants = {
        "cookie without the CSRF header": ({}, 403),
        "cookie with X-Requested-With: XMLHttpRequest": ({"X-Requested-With": "XMLHttpRequest"}, 403),
        "cookie with a forged bearer token and no CSRF header": (researcher.bearer(forged), 401),
    }
    before = database_fingerprint(session)
    refused, problems, operations = 0, [], 0
    for method, path, body in calls:
        if method not in STATE_CHANGING:
            continue
        operations += 1
        for label, (headers, status) in variants.items():
            args = authz.request_args(path, body)
            reply = await connection.request(method, path, body=args.get("body"), raw=args.get("raw"),
                                             headers={"Accept": "*/*", **args["headers"],
                                                      "Cookie": admin_cookie, **headers})
            rule = (reply.json() or {}).get("rule") if reply.body.startswith(b"{") else None
            if reply.status == status and (status != 403 or rule == "csrf"):
                refused += 1
            else:
                problems.append(f"{label}: {method} {path} -> HTTP {reply.status} {rule}")
    after = database_fingerprint(session)
    report.check(section, f"{operations} state-changing operations x {len(variants)} ways without the "
                 "CSRF header: all refused (403 csrf, or 401 for the forged token)",
                 not problems and operations > 0, "; ".join(problems[:10]))
    report.observations["csrf calls refused"] = f"{refused} of {operations * len(variants)}"
    changed = sorted(t for t in set(before) | set(after) if before.get(t) != after.get(t))
    report.check(section, "no row of any table changed", not changed, ", ".join(changed))

    # The same call with the header (cookie), or with a bearer token and no header, is accepted.
    made = await connection.request("POST", "/api/researcher/tokens", body={"name": "csrf-control"},
                                    headers={"Cookie": admin_cookie, **researcher.CSRF})
    bearer_made = await connection.request("POST", "/api/researcher/tokens", body={"name": "bearer-control"},
                                           headers=researcher.bearer(admin_token))
    report.check(section, "with the header the cookie call is accepted (201)", made.status == 201,
                 f"HTTP {made.status}")
    report.check(section, "a bearer token needs no CSRF header (201)", bearer_made.status == 201,
                 f"HTTP {bearer_made.status}")
    for reply in (made, bearer_made):
        if reply.status == 201:
            report.secret("API token", reply.json()["token"])
            await connection.request("DELETE", f"/api/researcher/tokens/{reply.json()['id']}",
                                     headers=researcher.bearer(admin_token))

    preflight = await connection.request("OPTIONS", "/api/researcher/tokens", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "x-requested-with,content-type"})
    granted = [n for n, _ in preflight.header_list if n.startswith("access-control-allow")]
    report.check(section, "no CORS grant to another origin (so no other site can add the header)",
                 not granted, f"HTTP {preflight.status} {granted}")

    # Login CSRF: a page of another site posting the login form (browsers say so in Sec-Fetch-Site).
    cross = await login(connection, victim, password,
                        {"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"})
    report.check(section, "a login submitted by another site's page is refused, no cookie",
                 cross.status == 403 and not issued(cross), f"HTTP {cross.status}")
    same = await login(connection, victim, password, {"Sec-Fetch-Site": "same-origin"})
    report.check(section, "the dashboard's own (same-origin) login works", same.status == 200 and issued(same, report),
                 f"HTTP {same.status}")


def database_fingerprint(session):
    """md5 over every row of every table of the application's schema (Flyway's history aside)."""
    tables = [row[0] for row in session.cluster.sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
        "AND tablename <> 'flyway_schema_history' ORDER BY 1")]
    fingerprint = {}
    for table in tables:
        rows = session.cluster.sql(
            f'SELECT count(*), md5(coalesce(string_agg(t::text, \'|\' ORDER BY t::text), \'\')) FROM "{table}" t')
        fingerprint[table] = tuple(rows[0])
    return fingerprint


async def cookie_flags(connection, report, username, password, label, https_headers, expect_secure,
                       renewal=False):
    """Logs in (with https_headers, e.g. X-Forwarded-Proto) and checks the cookie's attributes; with
    renewal, also the cookie the server renews on a later request (new-cookie-interval 1 s)."""
    section = "cookie"
    reply = await login(connection, username, password, https_headers)
    cookies = session_cookies(reply)
    value = issued(reply, report)
    if not value:
        report.check(section, f"{label}: login sets the cookie", False, f"HTTP {reply.status}")
        return
    attributes = cookies[-1][2]
    report.check(section, f"{label}: HttpOnly, SameSite=Strict, Path=/",
                 attributes.get("httponly") is True and str(attributes.get("samesite")).lower() == "strict"
                 and attributes.get("path") == "/", str(reply.all("set-cookie")))
    report.check(section, f"{label}: Secure {'set' if expect_secure else 'not set (plain http)'}",
                 ("secure" in attributes) == expect_secure, str(reply.all("set-cookie")))
    if renewal:
        await asyncio.sleep(1.5)
        again = await connection.request("GET", "/api/researcher/me",
                                         headers={"Cookie": f"{COOKIE}={value}", **https_headers})
        renewed = session_cookies(again)
        issued(again, report)
        report.check(section, f"{label}: the renewed cookie too (Secure {expect_secure}, HttpOnly, SameSite)",
                     again.status == 200 and renewed and all(
                         ("secure" in a) == expect_secure and a.get("httponly") is True
                         and str(a.get("samesite")).lower() == "strict" for _, _, a in renewed),
                     f"HTTP {again.status} {again.all('set-cookie')}")


async def restarted(session, environment):
    """The same backend (same data) restarted with environment changed; returns a new connection."""
    session.backend.stop()
    session.backend.environment.update(environment)
    session.backend.start()
    return Connection(session.backend.host, session.backend.port)


def scan_log(session, report, admin_password):
    """Every secret the run used, looked for in the server's whole log."""
    section = "logs"
    text = session.backend.log_text()
    first_start = [line for line in text.splitlines() if admin_password in line]
    report.check(section, "the first admin password appears only in its one first-start line",
                 len(first_start) == 1 and "log in as 'admin' with password" in first_start[0],
                 f"{len(first_start)} lines")
    found = {}
    # The participant token is part of the participant API's paths (docs/api.md), so an access log
    # (off by default; a proxy's) records it: an observation, not a check.
    participant = report.secrets.get("participant token", set())
    lines = [line for line in text.splitlines() for v in participant if v in line]
    report.observations["log lines with the participant token (in URL paths by design)"] = [
        (line.split('"')[1] if '"' in line else "(not a request line)").replace(v, "{token}")
        for line in lines for v in participant if v in line]
    for label, values in report.secrets.items():
        if label == "participant token":
            continue
        hits = [v for v in values if v and v in text]
        # A value's SHA-256 is how tokens are stored; the hex digest in a log would be as bad.
        hits += [v for v in values if v and hashlib.sha256(v.encode()).hexdigest() in text]
        if hits:
            found[label] = len(hits)
    counted = {label: len(values) for label, values in report.secrets.items()}
    report.observations["secrets looked for in the log"] = counted
    requests = sum(1 for line in text.splitlines() if ' HTTP/1.1"' in line)
    report.check(section, f"none of {sum(counted.values()) - len(participant)} secrets of the run in the "
                 f"log ({len(text.splitlines())} lines, {requests} of them access-log lines)",
                 not found, str(found))
    report.check(section, "no Authorization or Cookie header value in the log",
                 "Bearer est_" not in text and "YWRtaW46YWRtaW4" not in text and f"{COOKIE}=" not in text)


async def run_security(session, config_path, stimuli_dir, authz_secrets, session_key):
    """Runs every check on the harness session's backend (restarting it twice for the cookie's
    Secure flag); returns the Report."""
    admin_password = session.backend.admin_password()
    report = Report()
    report.secret("admin API token", session.admin_token)
    report.secret("session key (EIGENSTUDY_SESSION_KEY)", session_key)
    report.secret("login cookie value", session.admin_cookie.split("=", 1)[1])
    for label, value in authz_secrets:
        report.secret(label, value)
    connection = Connection(session.backend.host, session.backend.port)
    await fixation(connection, report, session.admin_token)
    await guessing(connection, report, session.admin_token)
    # Made before the CSRF calls: were one of those let through, it could revoke the admin's token.
    login_csrf = "harness-login-csrf"
    login_csrf_password = await new_account(connection, session.admin_token, report, login_csrf)
    user, password = "harness-cookie", await new_account(connection, session.admin_token, report,
                                                         "harness-cookie")
    await csrf(connection, report, session, config_path, stimuli_dir, session.admin_cookie,
               session.admin_token, login_csrf, login_csrf_password)
    # As run locally (./eigenstudy run): plain http, proxy headers not trusted.
    await cookie_flags(connection, report, user, password, "plain http", {}, False)
    await cookie_flags(connection, report, user, password,
                       "plain http, untrusted X-Forwarded-Proto: https", {"X-Forwarded-Proto": "https"}, False)
    connection.close()
    # As deployed on Kubernetes: behind the ingress, which terminates TLS and says so.
    # From here on with the HTTP access log on, so that every request line is in the log too.
    connection = await restarted(session, {"EIGENSTUDY_BEHIND_PROXY": "true",
                                           "QUARKUS_HTTP_AUTH_FORM_NEW_COOKIE_INTERVAL": "PT1S",
                                           "QUARKUS_HTTP_ACCESS_LOG_ENABLED": "true"})
    await cookie_flags(connection, report, user, password, "behind a proxy, X-Forwarded-Proto: https",
                       {"X-Forwarded-Proto": "https"}, True, renewal=True)
    await cookie_flags(connection, report, user, password, "behind a proxy, X-Forwarded-Proto: http",
                       {"X-Forwarded-Proto": "http"}, False)
    for token in report.secrets.get("participant token", ()):
        await connection.request("GET", f"/api/participant/sessions/{token}")
    # Bearer calls with every API token of the run and the admin's cookie, now logged.
    for token in report.secrets.get("API token", set()) | report.secrets.get("admin API token", set()):
        await connection.request("GET", "/api/researcher/me", headers=researcher.bearer(token))
    await connection.request("GET", "/api/researcher/me", headers={"Cookie": session.admin_cookie})
    connection.close()
    # Behind a TLS proxy whose headers are not trusted (compose with EIGENSTUDY_BEHIND_PROXY=false,
    # which passes EIGENSTUDY_SECURE_COOKIES empty when .env leaves it out): the https public address
    # alone makes the cookie Secure.
    connection = await restarted(session, {"EIGENSTUDY_BEHIND_PROXY": "false", "EIGENSTUDY_SECURE_COOKIES": "",
                                           "EIGENSTUDY_PUBLIC_URL": "https://eigenstudy.example.org"})
    await cookie_flags(connection, report, user, password, "https public address, no proxy header", {},
                       True, renewal=True)
    connection.close()
    scan_log(session, report, admin_password)
    return report
