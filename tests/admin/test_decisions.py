"""The Kasubag's decisions through the web layer: roles, reasons, separation of duties, 409s, audit."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, RemoteAccessRequest, Visit

from .. import factories
from ..conftest import csrf_from


def _decide(client, path, decision, reason=""):
    token = csrf_from(client, "/admin/")
    return client.post(path, data={"csrf_token": token, "decision": decision, "reason": reason})


def test_kasubag_approves_a_pending_visit_and_the_audit_event_is_written(app, client, make_user, login):
    boss = make_user("bambang", "kasubag", name="Bambang")
    login("bambang")
    with app.app_context():
        visit_id = factories.visit().id
    response = _decide(client, f"/admin/visits/{visit_id}/decision", "approve")
    assert response.status_code == 302
    with app.app_context():
        visit = db.session.get(Visit, visit_id)
        assert visit.status == "approved" and visit.decided_by_id == boss and visit.approved_until
        event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "visit.approved")).one()
        assert (event.actor_id, event.object_type, event.object_id) == (boss, "visit", visit_id)


def test_an_approved_visit_is_allowed_for_the_duration_the_visitor_planned(app, client, make_user, login):
    # SOP 1: the helpdesk keeps the visitor within what was permitted, so the permission ends when
    # the planned visit does: decision time + planned minutes.
    make_user("bambang", "kasubag")
    login("bambang")
    with app.app_context():
        short = factories.visit(planned_minutes=30).id
        long = factories.visit(planned_minutes=240, visitor=factories.visitor(nik="3373024107900002")).id
    for visit_id in (short, long):
        assert _decide(client, f"/admin/visits/{visit_id}/decision", "approve").status_code == 302
    with app.app_context():
        for visit_id, minutes in ((short, 30), (long, 240)):
            visit = db.session.get(Visit, visit_id)
            assert visit.approved_until - visit.decided_at == timedelta(minutes=minutes)


def test_a_refusal_without_reason_is_a_400_and_changes_nothing(app, client, make_user, login):
    make_user("bambang", "kasubag")
    login("bambang")
    with app.app_context():
        visit_id = factories.visit().id
    response = _decide(client, f"/admin/visits/{visit_id}/decision", "deny")
    assert response.status_code == 400 and "Alasan wajib diisi" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Visit, visit_id).status == "pending"


def test_deciding_twice_is_a_409_with_a_readable_message(app, client, make_user, login):
    make_user("bambang", "kasubag")
    login("bambang")
    with app.app_context():
        visit_id = factories.visit().id
    assert _decide(client, f"/admin/visits/{visit_id}/decision", "approve").status_code == 302
    again = _decide(client, f"/admin/visits/{visit_id}/decision", "deny", "terlambat")
    assert again.status_code == 409
    assert "sudah mencatat bahwa permintaan kunjungan ini disetujui" in again.get_data(as_text=True)  # h39a


def test_helpdesk_may_not_decide(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    with app.app_context():
        visit_id = factories.visit().id
    assert _decide(client, f"/admin/visits/{visit_id}/decision", "approve").status_code == 403


def test_whoever_recorded_a_remote_request_cannot_decide_it_through_the_web(app, client, make_user, login):
    both = make_user("sinta", "admin", "kasubag")
    login("sinta")
    with app.app_context():
        request_id = factories.remote_request(recorded_by_id=both).id
    response = _decide(client, f"/admin/remote/{request_id}/decision", "approve")
    assert response.status_code == 403
    assert "tidak dapat memutuskannya" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(RemoteAccessRequest, request_id).status == "received"


def test_a_missing_record_is_a_404_not_a_500(client, make_user, login):
    make_user("bambang", "kasubag")
    login("bambang")
    assert _decide(client, "/admin/visits/999999/decision", "approve").status_code == 404
