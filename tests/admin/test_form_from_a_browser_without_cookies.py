"""A Kasubag on a phone whose browser lost every cookie (cleared, or a private tab reopened) taps Tolak on
a queue page still on the screen. The form cannot carry a valid token and nothing is decided either
way; the answer was a 400 "Formulir kedaluwarsa ... Muat ulang halaman" (h35k), where what the person
needs is the login page and then the queue - as after a session that ended. A form sent with a wrong
token by a browser that IS signed in is still refused as before (the CSRF rule), and the login form
itself still says the form expired (to a browser that keeps cookies; h43p)."""
from __future__ import annotations

import html

from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import Visit

from .. import factories
from ..conftest import post_form


def test_a_staff_form_from_a_browser_with_no_cookies_goes_to_the_login_page_and_decides_nothing(app, make_user):
    make_user("bambang", "kasubag")
    with app.app_context():
        visit_id = factories.visit().id
    fresh = app.test_client()  # no session, no cookie of any kind
    sent = fresh.post(f"/admin/visits/{visit_id}/decision", data={"decision": "deny", "reason": "Ruang dipakai rapat",
                                                                   "next": "/admin/queue"})
    assert sent.status_code == 302
    # h40p: back on the queue with that request first; h43p: said as a browser sending no cookie, not as a
    # session that ended (test_cookies_blocked_said_h43p.py)
    assert sent.headers["Location"].startswith("/admin/login") and "cookies=1" in sent.headers["Location"]
    assert f"next=/admin/queue?unsent%3Dvisit-{visit_id}" in sent.headers["Location"]
    background = fresh.post(f"/admin/visits/{visit_id}/decision", data={"decision": "deny"},
                            headers={"Accept": "application/json"})
    assert background.status_code == 401 and background.get_json() == {"error": "login_required"}
    with app.app_context():
        assert db.session.scalars(select(Visit.status).where(Visit.id == visit_id)).one() == "pending"


def test_a_signed_in_browser_sending_no_token_is_still_refused_as_an_expired_form(app, client, make_user, login):
    make_user("bambang", "kasubag")
    login("bambang")
    with app.app_context():
        visit_id = factories.visit().id
    refused = client.post(f"/admin/visits/{visit_id}/decision", data={"decision": "deny", "reason": "Ruang dipakai"})
    assert refused.status_code == 400
    assert "Formulir kedaluwarsa" in html.unescape(refused.get_data(as_text=True))
    assert post_form(client, f"/admin/visits/{visit_id}/decision", decision="approve").status_code == 302


def test_the_login_form_without_its_token_still_says_the_form_expired(app):
    browser = app.test_client()
    # a browser that sends a session cookie, here one no longer valid (one sending none at all:
    # test_cookies_blocked_said_h43p.py)
    browser.set_cookie("session", "old.session.cookie")
    refused = browser.post("/admin/login", data={"username": "bambang", "password": "x"})
    assert refused.status_code == 400
    assert "Formulir kedaluwarsa" in html.unescape(refused.get_data(as_text=True))
