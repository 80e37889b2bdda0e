"""h21u: when a staff session ended (idle or longest limit, logout elsewhere) and the browser is sent back
to the login page, the page says so: "Sesi Anda berakhir, silakan masuk lagi" / "Your session ended,
please sign in again". `next` stays a path of this site, and the ID/EN switch keeps `ended` and `next`."""
from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

from lpsedesk.extensions import db
from lpsedesk.models import utcnow
from lpsedesk.models.sessions import StaffSession

from ..conftest import TEST_PASSWORD, csrf_from

ENDED = {"id": "Sesi Anda berakhir, silakan masuk lagi.", "en": "Your session ended, please sign in again."}


def _query(location: str) -> dict:
    return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}


def _end_every_session(app) -> None:  # as a logout on another device or the 16-hour limit does
    with app.app_context():
        for row in db.session.query(StaffSession):
            row.ended_at = utcnow()
        db.session.commit()


def test_a_session_ended_elsewhere_sends_back_to_a_login_that_says_so(app, client, make_user, login):
    make_user("bambang", "kasubag")
    login("bambang")
    assert client.get("/admin/queue").status_code == 200
    _end_every_session(app)
    answer = client.get("/admin/queue")
    assert answer.status_code == 302
    assert _query(answer.headers["Location"]) == {"next": "/admin/queue", "ended": "1"}
    assert ENDED["id"] in client.get(answer.headers["Location"]).get_data(as_text=True)


def test_a_session_the_browser_forgot_when_idle_also_says_it_ended(app, client, make_user, login):
    make_user("bambang", "kasubag")
    login("bambang")
    client.delete_cookie("session")  # the browser drops the session cookie once it expired
    answer = client.get("/admin/queue")
    assert _query(answer.headers["Location"])["ended"] == "1"
    assert ENDED["id"] in client.get(answer.headers["Location"]).get_data(as_text=True)


def test_a_first_visit_and_a_logout_here_are_not_an_ended_session(app, client, make_user, login):
    make_user("ani", "admin")
    assert "ended" not in _query(client.get("/admin/queue").headers["Location"])
    assert ENDED["id"] not in client.get("/admin/login").get_data(as_text=True)
    make_user("bambang", "kasubag")
    login("bambang")
    client.post("/admin/logout", data={"csrf_token": csrf_from(client, "/admin/")})
    assert "ended" not in _query(client.get("/admin/queue").headers["Location"])


def test_the_language_switch_keeps_ended_and_next(client, make_user):
    make_user("bambang", "kasubag")
    page = client.get("/admin/login?ended=1&next=/admin/queue").get_data(as_text=True)
    links = {code: unescape(href) for href, code in re.findall(r'<a href="([^"]+)"[^>]*hreflang="(\w+)"', page)}
    for code in ("id", "en"):
        assert _query(links[code]) == {"ended": "1", "next": "/admin/queue", "lang": code}
    english = client.get(links["en"]).get_data(as_text=True)
    assert ENDED["en"] in english and 'hreflang="id"' in english


def test_a_next_to_another_site_is_dropped_and_never_reaches_the_links(client, make_user):
    make_user("bambang", "kasubag")
    answer = client.get("/admin/login?ended=1&next=//evil.example/x")
    assert answer.status_code == 302 and _query(answer.headers["Location"]) == {"ended": "1"}
    page = client.get(answer.headers["Location"]).get_data(as_text=True)
    assert "evil.example" not in page and ENDED["id"] in page


def test_signing_in_again_goes_back_where_the_kasubag_was(app, client, make_user, login):
    make_user("bambang", "kasubag")
    login("bambang")
    _end_every_session(app)
    back = client.get("/admin/queue").headers["Location"]
    token = csrf_from(client, back)
    answer = client.post(back, data={"csrf_token": token, "username": "bambang", "password": TEST_PASSWORD})
    assert answer.status_code == 302 and answer.headers["Location"].endswith("/admin/queue")


def test_a_decision_sent_after_the_session_ended_comes_back_to_its_request(
        app, client, make_user, login):
    # h40p: said not sent, and back on the queue with that request's card shown first
    make_user("bambang", "kasubag")
    login("bambang")
    token = csrf_from(client, "/admin/queue")
    _end_every_session(app)
    answer = client.post("/admin/visits/1/decision", data={"csrf_token": token, "decision": "approve",
                                                           "next": "/admin/queue"})
    assert _query(answer.headers["Location"]) == {"next": "/admin/queue?unsent=visit-1", "ended": "1",
                                                  "unsent": "1"}
