"""A staff login ends STAFF_SESSION_MAX_HOURS after logging in, however busy it is (probe h18s). Every
page opened renews the session cookie (STAFF_SESSION_HOURS is the idle limit), so a copied session
cookie used every few minutes carried on until the daily purge forgot its login, up to two and a half
days. Logging in again starts a new, full-length session."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import StaffSession

from ..conftest import logged_in_client


def _started_hours_ago(app, hours: float) -> None:
    with app.app_context():
        for row in db.session.scalars(select(StaffSession)):
            row.started_at = datetime.now(timezone.utc) - timedelta(hours=hours)
        db.session.commit()
        db.session.remove()


def test_a_login_used_all_along_ends_once_its_hours_have_passed(app, make_user):
    make_user("rina", "helpdesk")
    desk = logged_in_client(app, "rina")
    assert desk.get("/admin/board").status_code == 200  # every request refreshes the cookie
    _started_hours_ago(app, app.config["STAFF_SESSION_MAX_HOURS"] + 0.1)
    response = desk.get("/admin/board")
    assert response.status_code == 302 and "/admin/login" in response.headers["Location"]
    assert desk.get("/admin/events").status_code in (302, 401)


def test_a_login_within_its_hours_carries_on(app, make_user):
    make_user("rina", "helpdesk")
    desk = logged_in_client(app, "rina")
    _started_hours_ago(app, app.config["STAFF_SESSION_MAX_HOURS"] - 0.5)
    assert desk.get("/admin/board").status_code == 200


def test_logging_in_again_after_the_end_gives_a_new_session(app, make_user):
    make_user("rina", "helpdesk")
    logged_in_client(app, "rina")
    _started_hours_ago(app, app.config["STAFF_SESSION_MAX_HOURS"] + 1)
    assert logged_in_client(app, "rina").get("/admin/board").status_code == 200
