"""Probe h36f: enrolling a browser as a kiosk ends the staff login it held, as logging out does, and the
audit says so: the logout is recorded with why when the staff member did not ask for it, so whoever reads the
log sees the Admin's login ended by the kiosk's enrolment, not by the Admin's "Keluar". mu17: the logout
audited without why survived the suite (it counted the logout events only)."""
from __future__ import annotations

from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent

from ..conftest import csrf_from
from .test_enrolment_ends_a_staff_login_h36f import _enrol


def _logouts(app) -> list[dict]:
    with app.app_context():
        return [e.details or {} for e in db.session.scalars(select(AuditEvent).where(AuditEvent.action == "user.logout"))]


def test_the_login_ended_by_an_enrolment_is_audited_as_ended_by_the_kiosk_enrolment(app, client, make_user, login):
    make_user("adi", "admin", name="Adi Admin")
    login("adi")
    _enrol(app, client)
    [ended] = _logouts(app)
    assert "kiosk" in str(ended.get("why", ""))


def test_a_logout_the_staff_member_asked_for_gives_no_other_reason(app, client, make_user, login):
    make_user("adi", "admin", name="Adi Admin")
    login("adi")
    client.post("/admin/logout", data={"csrf_token": csrf_from(client, "/admin/")})
    assert _logouts(app) == [{}]
