"""Logging out ends the session on the server: a copy of the session cookie taken before logout
reaches no staff route afterwards, while the same user's other logins carry on (issue 12)."""
from __future__ import annotations

import pytest

from .. import factories
from ..conftest import TEST_PASSWORD, csrf_from, logged_in_client

STAFF_ROUTES = ["/admin/", "/admin/board", "/admin/queue", "/admin/visits", "/admin/visits/{id}",
                "/admin/visits/{id}/ktp", "/admin/reports/guestbook.csv", "/admin/events", "/admin/remote/"]


def copied(app, c):
    """Another browser holding a copy of `c`'s session cookie."""
    thief = app.test_client()
    thief.set_cookie("session", c.get_cookie("session").value)
    return thief


@pytest.fixture
def visit_id(app):
    with app.app_context():
        return factories.visit().id


def test_a_cookie_copied_before_logout_reaches_no_staff_route_after_it(app, make_user, visit_id):
    make_user("bambang", "kasubag", "helpdesk", "admin")
    c = logged_in_client(app, "bambang")
    thief = copied(app, c)
    assert thief.get("/admin/board").status_code == 200, "the copy works while the session lives"
    assert c.post("/admin/logout", data={"csrf_token": csrf_from(c, "/admin/")}).status_code == 302
    for route in STAFF_ROUTES:
        response = thief.get(route.format(id=visit_id))
        assert response.status_code in (302, 401), f"{route} answered {response.status_code} after logout"
        if response.status_code == 302:
            assert "/admin/login" in response.headers["Location"]


def test_logging_out_in_one_browser_leaves_the_other_logins_of_that_user(app, make_user):
    make_user("rina", "helpdesk")
    desk, phone = logged_in_client(app, "rina"), logged_in_client(app, "rina")
    desk.post("/admin/logout", data={"csrf_token": csrf_from(desk, "/admin/")})
    assert desk.get("/admin/board").status_code == 302
    assert phone.get("/admin/board").status_code == 200


def test_the_purge_forgets_session_records_older_than_any_session_may_live(app, make_user, runner):
    from datetime import datetime, timedelta, timezone

    from sqlalchemy import select

    from lpsedesk.extensions import db
    from lpsedesk.models import StaffSession

    make_user("rina", "helpdesk")
    logged_in_client(app, "rina")
    logged_in_client(app, "rina")
    with app.app_context():
        old = db.session.scalars(select(StaffSession).order_by(StaffSession.id)).first()
        old.started_at = datetime.now(timezone.utc) - timedelta(days=3)
        db.session.commit()
    assert runner.invoke(args=["purge"]).exit_code == 0
    with app.app_context():
        assert len(db.session.scalars(select(StaffSession)).all()) == 1
        db.session.remove()
