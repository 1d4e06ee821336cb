"""Researcher-side setup through the public API: form login, API tokens, study import and opening."""

import urllib.parse

from loopback import Connection

CSRF = {"X-Requested-With": "eigenstudy"}


def expect(reply, *statuses):
    if reply.status not in statuses:
        raise SystemExit(f"expected HTTP {statuses}, got {reply.status}: {reply.text()[:500]}")
    return reply


async def form_login(connection, username, password):
    """Returns the Cookie header value of a dashboard login."""
    form = urllib.parse.urlencode({"j_username": username, "j_password": password}).encode()
    reply = await connection.request(
        "POST", "/j_security_check", raw=form,
        headers={"Content-Type": "application/x-www-form-urlencoded"})
    expect(reply, 200, 302, 303)
    cookie = reply.headers.get("set-cookie", "")
    if "eigenstudy-session=" not in cookie:
        raise SystemExit(f"login of {username} set no eigenstudy-session cookie: {reply.headers}")
    return cookie.split(";", 1)[0]


async def api_token(connection, cookie, name):
    reply = expect(await connection.request(
        "POST", "/api/researcher/tokens", body={"name": name}, headers={"Cookie": cookie, **CSRF}), 201)
    return reply.json()["token"], reply.json()["id"]


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


async def create_account(connection, admin_token, username, password, role):
    expect(await connection.request(
        "POST", "/api/researcher/accounts",
        body={"username": username, "password": password, "role": role},
        headers=bearer(admin_token)), 201)


async def import_and_open(connection, token, config_path, stimuli_dir):
    """Imports the study from server-side paths and opens it; returns the Study object."""
    study = expect(await connection.request(
        "POST", "/api/researcher/studies", body={"configPath": config_path, "stimuliDir": stimuli_dir},
        headers=bearer(token)), 201).json()
    return expect(await connection.request(
        "POST", f"/api/researcher/studies/{study['id']}/open", headers=bearer(token)), 200).json()


async def admin_setup(backend, config_path, stimuli_dir):
    """Logs in as the generated admin, makes an API token and opens the fixture study."""
    connection = Connection(backend.host, backend.port)
    try:
        cookie = await form_login(connection, "admin", backend.admin_password())
        token, _ = await api_token(connection, cookie, "harness")
        study = await import_and_open(connection, token, config_path, stimuli_dir)
        return token, cookie, study
    finally:
        connection.close()
