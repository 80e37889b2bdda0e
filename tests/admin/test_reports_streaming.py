"""Long periods: the guest book page goes page by page, the CSV streams, the XLSX holds every row."""
from __future__ import annotations

import csv
import io
from datetime import timedelta

from openpyxl import load_workbook
from sqlalchemy import func, select

from lpsedesk.clock import wib_today
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, Visit

from ..synthetic.history import build_history


def _busy_days(app) -> tuple[dict, int]:
    with app.app_context():
        with db.engine.begin() as conn:
            build_history(conn, 450, years=3 / 365)  # three busy days
        today = wib_today()
        period = {"from": (today - timedelta(days=4)).isoformat(), "to": today.isoformat()}
        return period, db.session.scalar(select(func.count()).select_from(Visit))


def test_the_guest_book_page_shows_a_hundred_rows_a_page_numbered_as_in_the_book(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    period, total = _busy_days(app)
    first = client.get("/admin/reports/guestbook", query_string=period).get_data(as_text=True)
    assert first.count("<tr class=\"decision-") == 100
    assert "page=2" in first
    last_page = -(-total // 100)
    last = client.get("/admin/reports/guestbook", query_string={**period, "page": last_page}).get_data(as_text=True)
    assert last.count('<tr class="decision-') == total - 100 * (last_page - 1)
    assert f'<td class="num">{total}</td>' in last


def test_the_csv_streams_every_row_and_the_audit_log_counts_them(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    period, total = _busy_days(app)
    response = client.get("/admin/reports/guestbook.csv", query_string=period)
    assert response.status_code == 200 and response.is_streamed
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))
    assert len(rows) == total + 1 and [r[0] for r in rows[1:]] == [str(i) for i in range(1, total + 1)]
    with app.app_context():
        event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "report.guestbook_exported")).one()
        assert event.details["rows"] == total and event.details["format"] == "csv"


def test_the_xlsx_of_a_long_period_holds_every_row_between_header_and_signatory(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    period, total = _busy_days(app)
    response = client.get("/admin/reports/guestbook.xlsx", query_string=period)
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(response.data)).active
    values = [row for row in ws.iter_rows(values_only=True)]
    header = next(i for i, row in enumerate(values) if row[0] == "No.")
    numbers = [row[0] for row in values[header + 1: header + 1 + total]]
    assert numbers == [str(i) for i in range(1, total + 1)]
    assert ws.freeze_panes == f"A{header + 2}"
    flat = " ".join(str(c) for row in values[header + 1 + total:] for c in row if c)
    assert f"Jumlah tamu: {total}" in flat


def test_the_rows_are_read_in_chunks_and_none_is_lost_between_them(app):
    from lpsedesk.exports.dates import range_period
    from lpsedesk.reports.guestbook import iter_guestbook_rows

    with app.app_context():
        with db.engine.begin() as conn:
            build_history(conn, 300, years=3 / 365)
        today = wib_today()
        rows = list(iter_guestbook_rows(db.session, range_period(today - timedelta(days=4), today), chunk=50))
        assert [r.number for r in rows] == list(range(1, 301)) and len({r.visit_id for r in rows}) == 300
