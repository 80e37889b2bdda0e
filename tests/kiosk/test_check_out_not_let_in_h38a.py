"""h38a, SOP 1: the helpdesk lets the approved visitor in. A visitor approved but never let in who checks
out at the kiosk left without coming in, recorded as the desk's "Pergi tanpa masuk" is (h37c): the
visit's timeline says so to the helpdesk."""
from __future__ import annotations

from datetime import timedelta

from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, utcnow
from tests import factories
from tests.conftest import logged_in_client


def test_a_visitor_never_let_in_who_checks_out_at_the_kiosk_left_without_coming_in(app, kiosk, make_user):
    make_user("rina", "helpdesk")
    with app.app_context():
        visit = factories.visit("approved", decided_at=utcnow() - timedelta(minutes=10), decision_told_at=None)
        ticket, visit_id = visit.ticket_code, visit.id
    assert kiosk.post_json(f"/visits/{ticket}/checkout", {}).status_code == 200
    with app.app_context():
        event = db.session.query(AuditEvent).filter_by(object_id=visit_id, action="visit.checked_out").one()
        assert event.details.get("not_let_in") is True
    page = logged_in_client(app, "rina").get(f"/admin/visits/{visit_id}").get_data(as_text=True)
    assert "Pergi tanpa masuk: tidak pernah dipersilakan masuk oleh helpdesk" in page
