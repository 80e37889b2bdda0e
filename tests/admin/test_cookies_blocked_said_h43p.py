"""h43p: a browser that keeps no cookies for the desk (blocked in its settings) could not sign in, and was
told its session had ended (a decision) or that the form expired (the login form): untrue, and following
either led back to the same place. A form that comes without any cookie at all is told apart from one
whose session ended (that browser still sends the mark of its past sign-in), and the login page says
plainly that the browser must allow cookies for this site, in the page's language."""
from __future__ import annotations

import html

import pytest
from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import Visit

from .. import factories
from ..conftest import csrf_from

SAID = {"id": "izinkan cookie untuk situs ini", "en": "allow cookies for this site"}
ENDED = {"id": "sesi Anda sudah berakhir", "en": "your session had ended"}


def _followed(browser, response, lang: str) -> str:
    assert response.status_code == 302 and response.headers["Location"].startswith("/admin/login")
    return html.unescape(browser.get(response.headers["Location"] + f"&lang={lang}").get_data(as_text=True))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_login_form_from_a_browser_that_keeps_no_cookie_says_to_allow_them(app, make_user, lang):
    make_user("bambang", "kasubag")
    blocked = app.test_client(use_cookies=False)
    assert blocked.get(f"/admin/login?lang={lang}").status_code == 200
    sent = blocked.post("/admin/login", data={"username": "bambang", "password": "rahasia-bambang-1"})
    page = _followed(blocked, sent, lang)
    assert SAID[lang] in page
    assert "kedaluwarsa" not in page and "expired" not in page


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_decision_from_a_browser_that_keeps_no_cookie_says_to_allow_them_not_that_the_session_ended(
        app, make_user, lang):
    make_user("bambang", "kasubag")
    with app.app_context():
        visit_id = factories.visit().id
    blocked = app.test_client(use_cookies=False)
    sent = blocked.post(f"/admin/visits/{visit_id}/decision", data={"decision": "approve", "next": "/admin/queue"})
    page = _followed(blocked, sent, lang)
    assert SAID[lang] in page
    assert ENDED[lang] not in page.lower()
    with app.app_context():
        assert db.session.scalars(select(Visit.status).where(Visit.id == visit_id)).one() == "pending"


def test_a_browser_whose_session_ended_is_still_told_so(app, client, make_user, login):
    make_user("bambang", "kasubag")
    login("bambang")
    with app.app_context():
        visit_id = factories.visit().id
    token = csrf_from(client, "/admin/queue")
    client.post("/admin/logout", data={"csrf_token": token})  # the session ends; the browser keeps its cookies
    client.set_cookie("lpsedesk_signed_in", "1")  # as a session that timed out leaves it
    sent = client.post(f"/admin/visits/{visit_id}/decision", data={"decision": "approve"})
    assert "cookies=1" not in sent.headers["Location"] and "unsent=1" in sent.headers["Location"]
