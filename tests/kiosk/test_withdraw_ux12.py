"""ux12: at "Keluar" a visitor whose request still waits for the Kasubag's decision withdraws it
(POST /visits/<ticket>/withdraw). Expectations from the brief: only a waiting request can be
withdrawn, the withdrawal is audited as the kiosk's, and the Kasubag's queue no longer holds it."""
from __future__ import annotations

import pytest

from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, Visit
from tests import factories

from .conftest import NIK, capture_id, entry


def _visit(app, status: str = "pending") -> tuple[str, int]:
    with app.app_context():
        visit = factories.visit(status)
        return visit.ticket_code, visit.id


def test_a_waiting_visitor_is_offered_the_withdrawal_and_withdraws_at_the_kiosk(app, kiosk):
    ticket, visit_id = _visit(app)
    found = kiosk.get(f"/visits/{ticket}")
    assert found.json["status"] == "pending" and found.json["may_withdraw"] is True
    response = kiosk.post_json(f"/visits/{ticket}/withdraw", {})
    assert response.status_code == 200
    assert response.json["status"] == "cancelled" and response.json["may_withdraw"] is False
    with app.app_context():
        assert db.session.get(Visit, visit_id).status == "cancelled"
        event = db.session.query(AuditEvent).filter_by(action="visit.cancelled", object_id=visit_id).one()
        assert (event.actor_type, event.actor_id) == ("kiosk", kiosk.device_id)


def test_the_withdrawal_needs_no_body(app, kiosk):
    ticket, _ = _visit(app)
    response = kiosk.client.post(f"/kiosk/api/v1/visits/{ticket}/withdraw", headers={"X-CSRFToken": kiosk.csrf})
    assert response.status_code == 200 and response.json["status"] == "cancelled"


@pytest.mark.parametrize("status", ["approved", "denied", "expired", "cancelled", "checked_out", "reported"])
def test_a_decided_or_finished_visit_cannot_be_withdrawn_and_the_kiosk_says_why(app, kiosk, status):
    ticket, visit_id = _visit(app, status)
    assert kiosk.get(f"/visits/{ticket}").json["may_withdraw"] is False
    response = kiosk.post_json(f"/visits/{ticket}/withdraw", {})
    assert response.status_code == 409
    assert response.json["error"] == "not_waiting" and response.json["status"] == status
    assert "tidak dapat dibatalkan" in response.json["message"]
    with app.app_context():
        assert db.session.get(Visit, visit_id).status == status
        assert db.session.query(AuditEvent).filter_by(object_type="visit", object_id=visit_id).count() == 0


def test_the_refusal_is_said_in_english_on_request(app, kiosk):
    ticket, _ = _visit(app, "approved")
    english = kiosk.client.post(f"/kiosk/api/v1/visits/{ticket}/withdraw?lang=en", json={},
                                headers={"X-CSRFToken": kiosk.csrf})
    assert english.status_code == 409 and "cannot be withdrawn" in english.json["message"]


def test_an_unknown_ticket_is_said_so(kiosk):
    response = kiosk.post_json("/visits/ZZZZZZZZ/withdraw", {})
    assert response.status_code == 404 and response.json["error"] == "bad_ticket"


def test_a_browser_that_is_not_a_kiosk_cannot_withdraw(app, client):
    ticket, visit_id = _visit(app)
    response = client.post(f"/kiosk/api/v1/visits/{ticket}/withdraw", json={})
    assert response.status_code in (400, 401, 403)  # no kiosk cookie (and no page's CSRF token)
    with app.app_context():
        assert db.session.get(Visit, visit_id).status == "pending"


def test_a_withdrawn_request_leaves_the_kasubags_queue(app, kiosk, make_user, login):
    with app.app_context():
        factories.visit(visitor=factories.visitor(full_name="Sari Wulandari"))
        gone = factories.visit(visitor=factories.visitor(full_name="Budi Hartono"))
        ticket = gone.ticket_code
    assert kiosk.post_json(f"/visits/{ticket}/withdraw", {}).status_code == 200
    make_user("bambang", "kasubag")
    login("bambang")
    queue = kiosk.client.get("/admin/queue/fragment").get_data(as_text=True)
    waiting = queue.split('data-key="decided', 1)[0] if 'data-key="decided' in queue else queue
    assert "Sari Wulandari" in waiting and "Budi Hartono" not in waiting


def test_a_visitor_without_the_ticket_finds_the_waiting_request_and_withdraws_it(app, kiosk, ktp_scene):
    """"Leave without the ticket": NIK and the last 4 phone digits find the waiting request, which is
    offered for withdrawal as with the ticket."""
    capture = capture_id(kiosk, ktp_scene[0])
    created = kiosk.post_json("/visits", entry(capture=capture, scan_session="test-session-1"))
    found = kiosk.post_json("/visits/find", {"nik": NIK, "phone_last4": "0001"})
    assert found.status_code == 200 and found.json["ticket"] == created.json["ticket"]
    assert found.json["may_check_out"] is False and found.json["may_withdraw"] is True
    assert kiosk.post_json(f"/visits/{found.json['ticket']}/withdraw", {}).json["status"] == "cancelled"
