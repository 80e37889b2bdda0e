"""The helpdesk board's "today's finished visits" and the queue's "today's decisions" are the WIB
day's (docs/staff.md; README: times are shown in WIB and stored in UTC). From 00.00 to 07.00 WIB the
UTC date is still yesterday's: a visit checked out at 00.10 WIB is today's, one checked out at 23.50
WIB the evening before is not. A deliberate bug counting the UTC day passed every board test (mu6)."""
from __future__ import annotations

from datetime import date, time, timedelta

from lpsedesk import visit_queries
from lpsedesk.clock import wib_at
from lpsedesk.extensions import db
from tests import factories

TODAY = date(2026, 12, 2)
JUST_AFTER_MIDNIGHT = wib_at(TODAY, time(0, 30))  # 1 December 17.30 UTC


def visit(nik_serial: int, status: str, ended) -> object:
    visitor = factories.visitor(nik=f"337302410790{nik_serial:04d}")
    checked_out = ended if status in ("checked_out", "reported") else None
    return factories.visit(status, visitor=visitor, submitted_at=ended - timedelta(hours=2),
                           decided_at=ended - timedelta(hours=1) if checked_out else ended,
                           checked_out_at=checked_out)


def test_todays_finished_visits_are_those_of_the_wib_day_even_before_7_in_the_morning(app):
    with app.app_context():
        tonight = visit(1, "checked_out", wib_at(TODAY, time(0, 10)))
        refused_tonight = visit(2, "denied", wib_at(TODAY, time(0, 5)))
        yesterday_evening = visit(3, "checked_out", wib_at(TODAY - timedelta(days=1), time(23, 50)))
        refused_yesterday = visit(4, "denied", wib_at(TODAY - timedelta(days=1), time(8, 0)))
        finished = [v.id for v in visit_queries.finished_today(db.session, JUST_AFTER_MIDNIGHT)]
        assert finished == [tonight.id, refused_tonight.id]
        assert yesterday_evening.id not in finished and refused_yesterday.id not in finished
        late_evening = wib_at(TODAY, time(23, 30))  # 16.30 UTC, the same UTC and WIB date
        assert [v.id for v in visit_queries.finished_today(db.session, late_evening)] == finished


def test_todays_decisions_are_those_of_the_wib_day(app):
    with app.app_context():
        tonight = visit(1, "denied", wib_at(TODAY, time(0, 5)))
        visit(2, "denied", wib_at(TODAY - timedelta(days=1), time(8, 0)))
        assert [v.id for v in visit_queries.decided_today(db.session, JUST_AFTER_MIDNIGHT)] == [tonight.id]
