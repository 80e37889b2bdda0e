"""h44k: the waiting screen's "Biasanya diputuskan dalam sekitar N menit" comes with a waiting visit's
status to the kiosk that sent it, only once today has 3 decisions or more, and never once decided."""
from __future__ import annotations

from datetime import timedelta

from lpsedesk.extensions import db
from lpsedesk.models import Visit, utcnow
from tests import factories

from .conftest import entry


def _decisions(app, waited: list[int]) -> None:
    with app.app_context():
        for decided_at, minutes in zip(factories.earlier_today(utcnow(), len(waited)), waited):
            factories.visit("approved", decided_at=decided_at, submitted_at=decided_at - timedelta(minutes=minutes))


def test_a_waiting_request_hears_the_usual_wait_from_three_decisions_today(app, kiosk):
    _decisions(app, [6, 20])
    ticket = kiosk.post_json("/visits", entry(capture="", no_camera=True)).json["ticket"]
    assert kiosk.get(f"/visits/{ticket}").json["typical_wait_text"] is None  # two are no promise
    _decisions(app, [8])
    assert kiosk.get(f"/visits/{ticket}").json["typical_wait_text"] == "Biasanya diputuskan dalam sekitar 8 menit."
    with app.app_context():
        visit = db.session.query(Visit).filter_by(ticket_code=ticket).one()
        visit.status, visit.decided_at = "approved", utcnow()
        db.session.commit()
    assert kiosk.get(f"/visits/{ticket}").json["typical_wait_text"] is None  # decided: nothing to wait for
