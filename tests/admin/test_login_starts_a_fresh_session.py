"""Logging in starts a fresh session (probe h18s). A browser can be handed a session cookie before its
owner logs in: by a page on another port of the same server (cookies do not tell ports apart) or by
anyone on the wire of a plain-HTTP office LAN. Whoever planted it knows the CSRF token inside; if the
login kept that token, every form of the staff member's session would take the stranger's posts."""
from __future__ import annotations

from sqlalchemy import func, select

from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent

from .. import factories
from ..conftest import TEST_PASSWORD, csrf_from


def _notes(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action.like("%note%")))


def test_a_form_token_handed_out_before_login_is_refused_after_it(app, client, make_user):
    make_user("rina", "helpdesk")
    with app.app_context():
        visit_id = factories.visit().id
    planted = csrf_from(client, "/admin/login")  # what the stranger's own copy of the cookie was given
    assert client.post("/admin/login", data={"csrf_token": planted, "username": "rina",
                                             "password": TEST_PASSWORD}).status_code == 302
    before = _notes(app)
    response = client.post(f"/admin/visits/{visit_id}/notes", data={"csrf_token": planted, "body": "stranger"})
    assert response.status_code == 400
    assert _notes(app) == before
    fresh = csrf_from(client, "/admin/")
    assert client.post(f"/admin/visits/{visit_id}/notes", data={"csrf_token": fresh, "body": "rina"}).status_code == 302
    assert _notes(app) == before + 1


def test_the_language_chosen_before_login_is_kept(client, make_user, login):
    make_user("rina", "helpdesk")
    client.get("/admin/login?lang=en")
    login("rina")
    assert "Log out" in client.get("/admin/").get_data(as_text=True)


def test_logging_out_leaves_nothing_of_the_session_behind(client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    used = csrf_from(client, "/admin/")
    client.post("/admin/logout", data={"csrf_token": used})
    response = client.post("/admin/login", data={"csrf_token": used, "username": "rina", "password": TEST_PASSWORD})
    assert response.status_code == 400, "a token of the ended session still worked"
    assert login("rina").status_code == 302
