"""h21u: a count reads as a person says it: "1 note", never "1 notes"; Indonesian has one form for
both ("1 catatan", "2 catatan"). The Kasubag reads it on the helpdesk's reports in the queue."""
from __future__ import annotations

from datetime import timedelta

import pytest

from lpsedesk.extensions import db
from lpsedesk.models import utcnow
from lpsedesk.models.visits import VisitNote

from .. import factories
from ..conftest import post_form


def _a_report_with_notes(app, count: int, nik: str) -> int:
    with app.app_context():
        now = utcnow()
        visit = factories.visit("reported", visitor=factories.visitor(nik=nik), submitted_at=now - timedelta(hours=2),
                                decided_at=now - timedelta(hours=2), checked_out_at=now - timedelta(minutes=30),
                                reported_at=now - timedelta(minutes=10))
        for i in range(count):
            db.session.add(VisitNote(visit_id=visit.id, body=f"catatan {i}"))
        db.session.commit()
        return visit.id


@pytest.mark.parametrize(("lang", "one", "two"), [("en", "1 note", "2 notes"), ("id", "1 catatan", "2 catatan")])
def test_the_queue_counts_one_note_as_one_and_two_as_many(app, client, make_user, login, lang, one, two):
    make_user("bambang", "kasubag")
    _a_report_with_notes(app, 1, "3373024107900101")
    _a_report_with_notes(app, 2, "3373024107900102")
    login("bambang")
    page = client.get(f"/admin/queue?lang={lang}").get_data(as_text=True)
    assert f"· {one}" in page and f"· {two}" in page
    assert "1 notes" not in page


def test_one_acknowledged_report_is_said_in_the_singular(app, client, make_user, login):
    make_user("bambang", "kasubag")
    visit_id = _a_report_with_notes(app, 0, "3373024107900103")
    login("bambang")
    client.get("/admin/queue?lang=en")
    answer = post_form(client, "/admin/reports/acknowledge", {"ids": [str(visit_id)], "next": "/admin/queue"},
                       token_page="/admin/queue")
    assert "1 report acknowledged." in client.get(answer.headers["Location"]).get_data(as_text=True)
