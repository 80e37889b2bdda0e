"""Ticket lookups are throttled per kiosk, and a kiosk other than the one where a visit was submitted
sees only what its check-out screen needs, never a refusal reason (issue 12)."""
from __future__ import annotations

from lpsedesk.extensions import db
from lpsedesk.models import Visit
from tests import factories

from .conftest import enrol_client


def test_a_kiosk_guessing_ticket_codes_is_stopped(app, kiosk):
    answers = [kiosk.get(f"/visits/ZZZZZ{i:03d}").status_code for i in range(25)]
    assert answers[:20] == [404] * 20
    blocked = kiosk.get("/visits/ZZZZZ999")
    assert blocked.status_code == 429 and int(blocked.headers["Retry-After"]) > 0
    assert blocked.json["error"] == "too_many_attempts" and blocked.json["message"]
    # Another kiosk is not affected.
    other = enrol_client(app, app.test_client(), "Kios dua")
    assert other.get("/visits/ZZZZZ998").status_code == 404


def test_a_kiosk_reading_tickets_too_fast_is_stopped(app, kiosk):
    with app.app_context():
        ticket = factories.visit("approved").ticket_code
    statuses = [kiosk.get(f"/visits/{ticket}").status_code for _ in range(125)]
    assert statuses[:120] == [200] * 120 and statuses[-1] == 429


def test_another_kiosk_sees_no_refusal_reason_and_no_details_beyond_the_check_out_screen(app, kiosk):
    with app.app_context():
        visit = factories.visit("denied", decision_reason="Alasan rahasia uji",
                                submitted_via_kiosk_id=kiosk.device_id)
        ticket = visit.ticket_code
    own = kiosk.get(f"/visits/{ticket}").json
    assert own["decision_reason"] == "Alasan rahasia uji", "the visitor's own waiting screen says why"
    other = enrol_client(app, app.test_client(), "Kios dua")
    shown = other.get(f"/visits/{ticket}").json
    assert "Alasan rahasia uji" not in str(shown)
    # ux12: the check-out screen also offers a waiting visitor to withdraw the request (may_withdraw)
    assert set(shown) <= {"ticket", "status", "status_label", "message", "visitor_name", "institution",
                          "facility", "facility_label", "approved_until_text", "checked_out_at_text",
                          "may_withdraw"}
    with app.app_context():
        db.session.remove()
