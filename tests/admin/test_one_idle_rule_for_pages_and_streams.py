"""A staff login left alone ends STAFF_SESSION_HOURS after its session cookie was last renewed, by one
rule in the core (staff_sessions.gone_idle) that a page asks when it opens the cookie and a live
stream asks every few seconds. The page's check was Flask's own (max_age, whole seconds of the real
clock) and the stream's was written again in admin/staff/live.py; now both ask the core."""
from __future__ import annotations

from datetime import timedelta

from lpsedesk import staff_sessions

from .test_live_stream_ends_with_the_login import _ends_soon, _open_stream


def _renewed_at(app, client):
    serializer = app.session_interface.get_signing_serializer(app)
    _data, signed_at = serializer.loads(client.get_cookie("session").value, return_timestamp=True)
    return signed_at


def _clock_at(monkeypatch, moment):
    monkeypatch.setattr(staff_sessions, "utcnow", lambda: moment)


def test_a_page_ends_the_login_by_the_cores_idle_rule(app, client, make_user, login, monkeypatch):
    make_user("rina", "helpdesk")
    login("rina")
    assert client.get("/admin/board").status_code == 200
    renewed, idle = _renewed_at(app, client), app.permanent_session_lifetime
    _clock_at(monkeypatch, renewed + idle)  # the last moment of the limit: still signed in
    assert client.get("/admin/board", headers={"Sec-Fetch-Mode": "cors"}).status_code == 200
    _clock_at(monkeypatch, renewed + idle + timedelta(seconds=1))
    answer = client.get("/admin/board", headers={"Sec-Fetch-Mode": "cors"})
    assert answer.status_code == 302 and "/admin/login" in answer.headers["Location"]


def test_a_stream_ends_by_the_same_rule_from_the_cookie_it_came_with(app, client, make_user, login, monkeypatch):
    make_user("rina", "helpdesk")
    login("rina")
    client.get("/admin/board")
    renewed, idle = _renewed_at(app, client), app.permanent_session_lifetime
    response, chunks = _open_stream(app, client)
    _clock_at(monkeypatch, renewed + idle + timedelta(seconds=1))
    _ends_soon(chunks)
    response.close()
