"""Requests nobody decided by closing time expire (SYSTEM actor); visitors inside are never touched."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import select

from lpsedesk import settings as office
from lpsedesk import visit_ops
from lpsedesk.extensions import db
from lpsedesk.jobs import jobs_of
from lpsedesk.models import AuditEvent, Visit, utcnow

from .. import factories

WIB = ZoneInfo("Asia/Jakarta")


def wib(hour: int, minute: int = 0, day: int = 23) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=WIB).astimezone(timezone.utc)


def test_a_pending_request_expires_at_closing_time_of_its_day_and_not_before(app):
    with app.app_context():
        visit_id = factories.visit(submitted_at=wib(9)).id
        assert visit_ops.expire_pending(db.session, now=wib(15, 59)) == []
        expired = visit_ops.expire_pending(db.session, now=wib(16, 0))
        db.session.commit()
        assert [v.id for v in expired] == [visit_id]
        visit = db.session.get(Visit, visit_id)
        assert visit.status == "expired" and visit.decided_by_label == "system" and visit.decided_by_id is None
        event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "visit.expired")).one()
        assert (event.actor_type, event.object_id) == ("system", visit_id)


def test_closing_time_comes_from_the_office_settings(app):
    with app.app_context():
        office.put(db.session, "office_close", "15:00")
        visit_id = factories.visit(submitted_at=wib(9)).id
        visit_ops.expire_pending(db.session, now=wib(15, 0))
        db.session.commit()
        assert db.session.get(Visit, visit_id).status == "expired"


def test_a_request_left_from_an_earlier_day_expires_and_decided_visits_stay(app):
    with app.app_context():
        old = factories.visit(submitted_at=wib(10, day=20)).id
        today = factories.visit(submitted_at=wib(8)).id
        approved = factories.visit("approved", submitted_at=wib(8, day=20)).id
        visit_ops.expire_pending(db.session, now=wib(9))
        db.session.commit()
        states = {v.id: v.status for v in db.session.scalars(select(Visit))}
        assert states == {old: "expired", today: "pending", approved: "approved"}


def test_the_expiry_job_runs_every_minute_from_the_job_runner(app, runner):
    assert jobs_of(app)["expire_pending"].every_seconds == 60
    with app.app_context():
        visit_id = factories.visit(submitted_at=utcnow() - timedelta(days=1, hours=1)).id
    result = runner.invoke(args=["run-jobs", "expire_pending"])
    assert result.exit_code == 0 and "expire_pending: 1" in result.output
    with app.app_context():
        assert db.session.get(Visit, visit_id).status == "expired"


def test_an_expired_request_can_no_longer_be_decided(app, client, make_user, login):
    from ..conftest import csrf_from

    make_user("bambang", "kasubag")
    login("bambang")
    with app.app_context():
        visit_id = factories.visit(submitted_at=wib(9)).id
        visit_ops.expire_pending(db.session, now=wib(17))
        db.session.commit()
    token = csrf_from(client, "/admin/visits")
    response = client.post(f"/admin/visits/{visit_id}/decision", data={"csrf_token": token, "decision": "approve"})
    assert response.status_code == 409 and "kedaluwarsa" in response.get_data(as_text=True)
