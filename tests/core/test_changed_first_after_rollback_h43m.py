"""h43m: the versions a session read are its current transaction's, whatever way that transaction ends.

A session used for more than one transaction (a CLI command, a job) may write a record and roll back,
then in a later transaction lose a race on another record. The 409 then names who changed the record it
lost on (h40p), never the writer of a record only the rolled-back transaction had touched, which the
other desk may well have changed since. SQLite by default, PostgreSQL with TEST_DATABASE_URL.
"""
from __future__ import annotations

from html import unescape

import pytest
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from lpsedesk.errors import lost_race_response
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, Visit
from lpsedesk.models.base import utcnow

from .. import factories


def _changed_elsewhere(visit_id: int, who: str) -> None:
    """Another request (its own connection) approves the visit and logs it, as the desk does."""
    with Session(db.engine) as other:
        other.get(Visit, visit_id).status = "approved"
        other.add(AuditEvent(at=utcnow(), actor_type="user", actor_id=None, actor_label=who,
                             action="visit.approved", object_type="visit", object_id=visit_id, details={}))
        other.commit()


def _lose_a_race_on(visit_id: int, who: str) -> str:
    """This session reads the visit, another request changes it, this one's write finds it moved on:
    the 409 page it answers."""
    visit = db.session.get(Visit, visit_id)
    _changed_elsewhere(visit_id, who)
    visit.planned_minutes = 120
    with pytest.raises(StaleDataError):
        db.session.flush()
    return unescape(lost_race_response().get_data(as_text=True))


@pytest.mark.parametrize("ends", ["rollback", "commit"])
def test_an_earlier_transaction_leaves_no_record_to_name_in_a_later_lost_race(app, ends):
    with app.test_request_context("/admin/visits/1/decision", method="POST"):
        first = factories.visit(visitor=factories.visitor(full_name="Ani Sebelumnya")).id
        second = factories.visit(visitor=factories.visitor(full_name="Bayu Sekarang")).id
        # an earlier transaction of this session writes the first visit, then ends (the rollback is
        # the case h43m mends; the commit was mended by h40p)
        db.session.get(Visit, first).planned_minutes = 90
        db.session.flush()
        getattr(db.session, ends)()
        # meanwhile the other desk acts on that first visit
        _changed_elsewhere(first, "Kasubag Pagi")

        page = _lose_a_race_on(second, "Kasubag Siang")

    assert "kunjungan Bayu Sekarang ini sudah diubah oleh orang lain, Kasubag Siang," in page
    assert "Ani Sebelumnya" not in page and "Kasubag Pagi" not in page
