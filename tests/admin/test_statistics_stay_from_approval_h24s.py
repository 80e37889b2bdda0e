"""The statistics' average and longest stay count from the Kasubag's approval, as the visit report,
the board and the queue do (SOP 1: the visit starts when the Kasubag permits it; the kiosk's
submission is the visitor's arrival, "datang"). A visit submitted 08:00 WIB, approved 08:30 and
checked out 09:30 stayed 60 minutes, not 90: on the page, in the CSV, and from kept day figures.
"""
from __future__ import annotations

import csv
import html
import io
from datetime import date, datetime, timedelta

import pytest

from lpsedesk.clock import WIB
from lpsedesk.extensions import db
from lpsedesk.exports import range_period
from lpsedesk.reports.statistics import compute

from .. import factories
from .test_reports_statistics import desk  # noqa: F401  (a helpdesk user logged in)

DAY = date(2026, 11, 10)  # a Tuesday, long settled: its figures are kept after the first count
PERIOD = {"from": DAY.isoformat(), "to": DAY.isoformat()}


def wib(hh: int, mm: int, ss: int = 0) -> datetime:
    return datetime(DAY.year, DAY.month, DAY.day, hh, mm, ss, tzinfo=WIB)


@pytest.fixture
def sixty_minute_visit(app):
    """Submitted 08:00 WIB, approved 08:30, checked out 09:30."""
    with app.app_context():
        visit = factories.visit(status="checked_out", submitted_at=wib(8, 0), decided_at=wib(8, 30),
                                checked_out_at=wib(9, 30))
        db.session.commit()
        return visit.id


def test_a_visit_approved_half_an_hour_after_arriving_stayed_60_minutes_not_90(app, sixty_minute_visit):
    with app.app_context():
        for _ in range(2):  # counted from the visits, then read back from the kept day
            figures = compute(db.session, range_period(DAY, DAY))
            db.session.commit()
            assert figures.stays == 1
            assert figures.stay_average == timedelta(minutes=60)
            assert figures.stay_longest == timedelta(minutes=60)
            assert figures.stay_longest_visit_id == sixty_minute_visit


def test_the_stay_is_reckoned_from_the_minutes_shown_as_the_visit_report_does(app):
    """Approved 08:30:50 and out 09:30:10 show as 08:30-09:30: 60 minutes, as the report writes."""
    with app.app_context():
        factories.visit(status="reported", submitted_at=wib(8, 0), decided_at=wib(8, 30, 50),
                        checked_out_at=wib(9, 30, 10), reported_at=wib(10, 0))
        db.session.commit()
        figures = compute(db.session, range_period(DAY, DAY))
        assert figures.stay_average == figures.stay_longest == timedelta(minutes=60)


def test_visits_never_let_in_have_no_stay(app, sixty_minute_visit):
    """A refused, withdrawn or expired visit has no stay, whatever times it carries."""
    with app.app_context():
        for status in ("denied", "cancelled", "expired"):
            factories.visit(status=status, submitted_at=wib(9, 0), decided_at=wib(9, 5))
        db.session.commit()
        figures = compute(db.session, range_period(DAY, DAY))
        assert figures.total_visits == 4
        assert figures.stays == 1 and figures.stay_average == timedelta(minutes=60)


def test_the_average_over_two_visits_counts_each_from_its_approval(app, sixty_minute_visit):
    with app.app_context():  # arrived 10:00, let in 11:15, out 11:45: 30 minutes
        factories.visit(status="checked_out", submitted_at=wib(10, 0), decided_at=wib(11, 15),
                        checked_out_at=wib(11, 45))
        db.session.commit()
        figures = compute(db.session, range_period(DAY, DAY))
        assert figures.stay_average == timedelta(minutes=45)
        assert figures.stay_longest == timedelta(minutes=60)
        assert figures.stay_longest_visit_id == sixty_minute_visit


@pytest.mark.parametrize("lang, label, sixty, ninety, note", [
    ("id", "Rata-rata lama kunjungan (sejak disetujui s.d. keluar)", "1 jam 0 menit", "1 jam 30 menit",
     "Lama kunjungan dihitung sejak kunjungan disetujui Kasubag sampai jam keluar, bukan sejak datang di kios"),
    ("en", "Average stay (approval to check-out)", "1 h 0 min", "1 h 30 min",
     "A stay counts from the Kasubag's approval to the check-out, not from the arrival at the kiosk"),
])
def test_the_page_shows_60_minutes_and_says_the_stay_counts_from_the_approval(
        sixty_minute_visit, desk, lang, label, sixty, ninety, note):
    response = desk.get("/admin/reports/statistics", query_string={**PERIOD, "lang": lang})
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 200
    assert note in page and label in page
    assert page.count(sixty) == 2, "average and longest stay"
    assert ninety not in page


def test_the_csv_writes_60_minutes(sixty_minute_visit, desk):
    response = desk.get("/admin/reports/statistics.csv", query_string={**PERIOD, "lang": "en"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    summary = {item: value for _figure, item, value in rows[1:] if _figure == "Summary"}
    assert summary["Average stay (approval to check-out) (minutes)"] == "60.0"
    assert summary["Longest stay (minutes)"] == "60.0"
