"""Statistics and the visit report for the Kasubag, checked against the database."""
from __future__ import annotations

import csv
import io
import math
import re
import statistics as pystats
from collections import Counter
from datetime import date, datetime, timedelta, timezone

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from lpsedesk.demo import make_demo_data
from lpsedesk.exports import range_period
from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest, Visit, VisitNote
from lpsedesk.reports import charts
from lpsedesk.reports.statistics import compute, percentile_nearest_rank

from .. import factories

TODAY = date(2026, 11, 20)
START = TODAY - timedelta(weeks=12)
PERIOD = {"from": START.isoformat(), "to": TODAY.isoformat()}


@pytest.fixture
def seeded(app):
    with app.app_context():
        make_demo_data(db.session, weeks=12, seed=5, today=TODAY)
        db.session.commit()


@pytest.fixture
def desk(client, make_user, login):
    make_user("rina", "helpdesk", name="Rina Meja")
    login("rina")
    return client


def test_statistics_agree_with_the_visits_in_the_database(app, seeded):
    with app.app_context():
        period = range_period(START, TODAY)
        lo, hi = period.utc_bounds()
        visits = db.session.scalars(select(Visit).where(Visit.submitted_at >= lo, Visit.submitted_at < hi)).unique().all()
        figures = compute(db.session, period)
        assert figures.total_visits == len(visits) == sum(n for _d, n in figures.per_day)
        assert sum(n for _d, n in figures.per_week) == sum(n for _d, n in figures.per_month) == len(visits)
        assert len(figures.per_day) == (TODAY - START).days + 1, "quiet days count as zero"
        assert dict(figures.by_category) == Counter(v.visitor.category for v in visits)
        assert dict(figures.by_facility) == Counter(v.facility for v in visits)
        assert sum(n for _k, n in figures.by_institution) == len(visits)
        # SOP 1: the stay counts from the Kasubag's approval (the submission is the arrival), the
        # two times as shown, to the minute
        stays = [(v.checked_out_at.replace(second=0, microsecond=0)
                  - v.decided_at.replace(second=0, microsecond=0)).total_seconds() for v in visits
                 if v.checked_out_at and v.status in ("checked_out", "reported")]
        assert figures.stay_longest.total_seconds() == max(stays)
        assert abs(figures.stay_average.total_seconds() - sum(stays) / len(stays)) <= 1
        waits = sorted((v.decided_at - v.submitted_at).total_seconds() for v in visits
                       if v.status in ("approved", "checked_out", "reported", "denied"))
        assert figures.wait_median.total_seconds() == round(pystats.median(waits))
        assert figures.wait_p95.total_seconds() == waits[math.ceil(0.95 * len(waits)) - 1]
        denied = [v for v in visits if v.status == "denied"]
        assert figures.refusals == len(denied) > 0
        assert dict(figures.refusal_reasons) == Counter(v.decision_reason for v in denied)
        assert figures.remote_accounts_open == len(db.session.scalars(
            select(RemoteAccessRequest).where(RemoteAccessRequest.status == "active")).all())


def test_percentiles_use_the_nearest_rank():
    assert percentile_nearest_rank([], 95) is None
    assert percentile_nearest_rank([5], 95) == 5
    assert percentile_nearest_rank(list(range(1, 101)), 95) == 95
    assert percentile_nearest_rank(list(range(1, 21)), 95) == 19


def test_the_statistics_page_draws_svg_charts_without_style_attributes(seeded, desk):
    page = desk.get("/admin/reports/statistics", query_string=PERIOD).get_data(as_text=True)
    assert page.count("<svg") >= 8 and "chart-bar" in page
    assert " style=" not in page and "<style" not in page and "<script>" not in page


def test_chart_labels_are_escaped():
    svg = charts.bar_chart([('<script>alert(1)</script> & "CV"', 3)], title="<b>t</b>")
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "&lt;b&gt;" in svg
    assert charts.column_chart([], title="empty").startswith("<svg")


def test_the_statistics_csv_carries_the_figures_shown_on_the_page(app, seeded, desk):
    response = desk.get("/admin/reports/statistics.csv", query_string=PERIOD)
    assert response.data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))[1:]
    with app.app_context():
        figures = compute(db.session, range_period(START, TODAY))
    by_figure: dict[str, list[tuple[str, str]]] = {}
    for figure, item, value in rows:
        by_figure.setdefault(figure, []).append((item, value))
    assert len(by_figure) == 11
    summary = list(by_figure.values())[0]
    assert summary[0][1] == str(figures.total_visits)
    assert float(summary[2][1]) == pytest.approx(figures.stay_longest.total_seconds() / 60, abs=0.05)
    per_day = list(by_figure.values())[3]
    assert [int(v) for _i, v in per_day] == [n for _d, n in figures.per_day]


def _reported_visit(app, when: datetime, name: str, notes: list[tuple[str, str]]) -> int:
    with app.app_context():
        visit = factories.visit(status="reported", visitor=factories.visitor(full_name=name),
                                submitted_at=when, decided_at=when + timedelta(minutes=5),
                                checked_out_at=when + timedelta(minutes=95),
                                reported_at=when + timedelta(hours=2))
        for kind, body in notes:
            db.session.add(VisitNote(visit_id=visit.id, kind=kind, body=body, created_at=when + timedelta(minutes=30)))
        db.session.commit()
        return visit.id


def test_the_visit_report_lists_reported_visits_with_notes_and_incidents(app, desk):
    base = datetime(2026, 11, 10, 2, 0, tzinfo=timezone.utc)
    _reported_visit(app, base, "Ayu Pelapor", [("note", "Verifikasi selesai"), ("incident", "Kabel proyektor putus")])
    _reported_visit(app, base + timedelta(days=1), "Bima Tenang", [])
    _reported_visit(app, base - timedelta(days=40), "Citra Lama", [("note", "Di luar periode")])
    with app.app_context():
        factories.visit(status="checked_out", visitor=factories.visitor(full_name="Dodi Belum Lapor"),
                        submitted_at=base, checked_out_at=base + timedelta(hours=1))
    period = {"from": "2026-11-01", "to": "2026-11-30"}
    page = desk.get("/admin/reports/visits", query_string=period).get_data(as_text=True)
    assert "Ayu Pelapor" in page and "Bima Tenang" in page
    assert "Citra Lama" not in page and "Dodi Belum Lapor" not in page
    assert "Kabel proyektor putus" in page and 'class="note-incident"' in page
    rows = list(csv.reader(io.StringIO(desk.get("/admin/reports/visits.csv", query_string=period).data.decode("utf-8-sig"))))
    assert [r[2] for r in rows[1:]] == ["Ayu Pelapor", "Bima Tenang"]
    # h23k: the arrival ("Arrived") before "Time in" moved the notes one column on; h44w: "KTP" another
    assert "Verifikasi selesai" in rows[1][11] and "Kabel proyektor putus" in rows[1][12] and rows[2][12] == ""
    pdf = PdfReader(io.BytesIO(desk.get("/admin/reports/visits.pdf", query_string=period).data))
    text = re.sub(r"\s+", "", pdf.pages[0].extract_text())
    assert "AyuPelapor" in text and "Kabelproyektorputus" in text
    ws = load_workbook(io.BytesIO(desk.get("/admin/reports/visits.xlsx", query_string=period).data)).active
    assert any(row[2] == "Bima Tenang" for row in ws.iter_rows(values_only=True))


def test_a_visit_is_in_the_report_of_the_wib_day_the_helpdesk_reported_it_not_the_day_it_came(app, desk):
    # docs/reports.md: the visit report holds visits "whose `reported_at` falls in the period", and
    # periods are WIB days. Came on 30 November at 15:00 WIB, reported on 1 December at 07:30 WIB
    # (00:30 UTC): December's report, not November's.
    came = datetime(2026, 11, 30, 8, 0, tzinfo=timezone.utc)
    with app.app_context():
        factories.visit(status="reported", visitor=factories.visitor(full_name="Eka Lapor Besok"),
                        submitted_at=came, decided_at=came + timedelta(minutes=5),
                        checked_out_at=came + timedelta(minutes=90),
                        reported_at=datetime(2026, 12, 1, 0, 30, tzinfo=timezone.utc))
    november = desk.get("/admin/reports/visits", query_string={"from": "2026-11-01", "to": "2026-11-30"})
    december = desk.get("/admin/reports/visits", query_string={"from": "2026-12-01", "to": "2026-12-31"})
    assert "Eka Lapor Besok" not in november.get_data(as_text=True)
    assert "Eka Lapor Besok" in december.get_data(as_text=True)


def test_the_reports_index_links_every_report(desk):
    page = desk.get("/admin/reports/").get_data(as_text=True)
    for path in ("/admin/reports/guestbook", "/admin/reports/visits", "/admin/reports/statistics"):
        assert path in page
