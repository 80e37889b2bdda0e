"""The Formulir Pencatatan Pemberian Remote Akses, column by column (SOP 2).

The SOP names the form's columns in order: No, Nama, Instansi, Username, Hak Akses, Tujuan, Waktu
Pemberian, Waktu Penutupan; it is kept for a period, under the LPSE's name. Each value below is
different from every other time and right of the request, so a column filled from the wrong field
(the letter's arrival for "Waktu Pemberian", the approved end for "Waktu Penutupan", the rights asked
for instead of those given) shows.
"""
from __future__ import annotations

import io
from datetime import date, datetime, timedelta, timezone

import openpyxl

from lpsedesk import settings
from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest

from ..conftest import logged_in_client
from .test_remote_documents import COLUMNS, pdf_pages
from .test_remote_flow import people  # noqa: F401 (fixture)

UTC = timezone.utc
RECORDED = datetime(2026, 11, 9, 2, 0, tzinfo=UTC)     # 9 November 09.00 WIB: the letter arrived
DECIDED = datetime(2026, 11, 10, 3, 0, tzinfo=UTC)     # 10 November 10.00 WIB: the Kasubag granted
GIVEN = datetime(2026, 11, 10, 7, 15, tzinfo=UTC)      # 10 November 14.15 WIB: account given
UNTIL = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)       # 20 November 16.00 WIB: approved end
CLOSED = datetime(2026, 11, 12, 8, 30, tzinfo=UTC)     # 12 November 15.30 WIB: work done, closed


def _request(app, **overrides) -> None:
    with app.app_context():
        settings.put(db.session, "lpse_name", "LPSE Kabupaten Contoh")
        fields = dict(
            requester_name="Teknisi Satu", instansi="PT Contoh Teknologi", letter_number="077/UJI/XI/2026",
            letter_date=date(2026, 11, 8), purpose="Pembaruan aplikasi SPSE", rights_requested="Administrator",
            period_start=GIVEN - timedelta(days=1), period_end=UNTIL + timedelta(days=3), status="closed",
            recorded_at=RECORDED, decided_at=DECIDED, approved_until=UNTIL, username="vendor77",
            rights_granted="Hanya baca", granted_at=GIVEN, closed_at=CLOSED, close_kind="finished")
        fields.update(overrides)
        db.session.add(RemoteAccessRequest(**fields))
        db.session.commit()


def _sheet_rows(admin) -> list[list]:
    data = admin.get("/admin/remote/form.xlsx?kind=month&value=2026-11").data
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    return [list(row) for row in ws.iter_rows(values_only=True)]


def test_the_form_has_the_sops_columns_in_the_sops_order_with_each_value_under_its_column(app, people):
    _request(app)
    admin = logged_in_client(app, "ani")
    rows = _sheet_rows(admin)
    header_at = next(i for i, row in enumerate(rows) if row and row[0] == "No.")
    assert [c for c in rows[header_at] if c] == COLUMNS
    record = dict(zip(COLUMNS, rows[header_at + 1]))
    assert record == {
        "No.": "1", "Nama": "Teknisi Satu", "Instansi": "PT Contoh Teknologi", "Username": "vendor77",
        "Hak Akses": "Hanya baca", "Tujuan": "Pembaruan aplikasi SPSE",
        "Waktu Pemberian": "10 November 2026 14:15 WIB", "Waktu Penutupan": "12 November 2026 15:30 WIB",
    }


def test_the_pdf_form_prints_the_columns_in_order_and_the_times_in_wib(app, people):
    _request(app)
    admin = logged_in_client(app, "ani")
    (text,) = pdf_pages(admin.get("/admin/remote/form.pdf?kind=month&value=2026-11").data)
    positions = [text.index(column) for column in COLUMNS[1:]]
    assert positions == sorted(positions), text
    assert "10 November 2026 14:15 WIB" in text and "12 November 2026 15:30 WIB" in text
    # Neither the letter's arrival nor the approved end stands in for the times the form asks for.
    assert "9 November 2026 09:00 WIB" not in text and "20 November 2026 16:00 WIB" not in text


def test_the_form_is_kept_under_the_lpses_name(app, people):
    _request(app)
    admin = logged_in_client(app, "ani")
    (text,) = pdf_pages(admin.get("/admin/remote/form.pdf?kind=month&value=2026-11").data)
    assert "LPSE Kabupaten Contoh" in text
    values = [c for row in _sheet_rows(admin) for c in row if c]
    assert any("LPSE Kabupaten Contoh" in str(v) for v in values)


def test_an_account_still_open_has_no_closing_time_on_the_form(app, people):
    # still within the period the Kasubag approved (one past it: the next test)
    _request(app, status="active", closed_at=None, close_kind=None,
             approved_until=datetime.now(UTC) + timedelta(days=30))
    admin = logged_in_client(app, "ani")
    rows = _sheet_rows(admin)
    header_at = next(i for i, row in enumerate(rows) if row and row[0] == "No.")
    record = dict(zip(COLUMNS, rows[header_at + 1]))
    assert record["Waktu Penutupan"] == "Belum ditutup"


def test_an_account_open_past_the_period_granted_says_so_on_every_copy_of_the_form(app, people):
    # SOP 2: the Kasubag grants access for a period and the Admin closes the account when the work is
    # done. One still open after the approved end (20 November 16.00 WIB) is what an auditor must see on
    # the printed form (h40w: it read "Belum ditutup" like one still within its period).
    _request(app, status="active", closed_at=None, close_kind=None)
    admin = logged_in_client(app, "ani")
    said = "Belum ditutup (melewati batas persetujuan 20 November 2026 16:00 WIB)"
    rows = _sheet_rows(admin)
    header_at = next(i for i, row in enumerate(rows) if row and row[0] == "No.")
    assert dict(zip(COLUMNS, rows[header_at + 1]))["Waktu Penutupan"] == said
    assert ["Belum ditutup dan melewati batas persetujuan: 1"] in [[c for c in row if c] for row in rows]
    (text,) = pdf_pages(admin.get("/admin/remote/form.pdf?kind=month&value=2026-11").data)
    assert said in text and "Belum ditutup dan melewati batas persetujuan: 1" in text
    page = admin.get("/admin/remote/form?kind=month&value=2026-11").get_data(as_text=True)
    assert said in page


def test_accounts_given_before_the_month_and_still_open_are_on_its_form_in_the_order_given(app, people):
    # Given in October and never closed: the November auditor still needs to see it.
    _request(app, requester_name="Teknisi Lama", username="lama01", status="active", closed_at=None, close_kind=None,
             granted_at=datetime(2026, 10, 20, 3, 0, tzinfo=UTC), decided_at=datetime(2026, 10, 19, 3, 0, tzinfo=UTC),
             recorded_at=datetime(2026, 10, 18, 3, 0, tzinfo=UTC), approved_until=datetime(2026, 12, 20, 3, 0, tzinfo=UTC))
    _request(app)
    admin = logged_in_client(app, "ani")
    rows = _sheet_rows(admin)
    header_at = next(i for i, row in enumerate(rows) if row and row[0] == "No.")
    names = [(row[0], row[1]) for row in rows[header_at + 1:header_at + 3]]
    assert names == [("1", "Teknisi Lama"), ("2", "Teknisi Satu")]


def _names_on_form(admin, month: str) -> list[str]:
    data = admin.get(f"/admin/remote/form.xlsx?kind=month&value={month}").data
    rows = [list(row) for row in openpyxl.load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True)]
    header_at = next(i for i, row in enumerate(rows) if row and row[0] == "No.")
    return [row[1] for row in rows[header_at + 1:] if row and str(row[0] or "").isdigit()]


def test_the_forms_months_are_wib_months_at_both_ends(app, people):
    # docs/remote.md: every time on these forms is WIB, and a row belongs to a period when the
    # account was open at some moment of it. An account given and closed in the small hours of
    # 1 November WIB (still 31 October in UTC) is November's only; one given and closed in the small
    # hours of 1 December WIB (still 30 November in UTC) is not November's (mu8 N4: the form's
    # month cut at UTC midnight passed every test).
    _request(app, requester_name="Teknisi Subuh", username="subuh01",
             recorded_at=datetime(2026, 10, 29, 2, 0, tzinfo=UTC), decided_at=datetime(2026, 10, 30, 2, 0, tzinfo=UTC),
             approved_until=datetime(2026, 11, 5, 9, 0, tzinfo=UTC),
             granted_at=datetime(2026, 10, 31, 18, 0, tzinfo=UTC),   # 1 November 01.00 WIB
             closed_at=datetime(2026, 10, 31, 23, 30, tzinfo=UTC))   # 1 November 06.30 WIB
    _request(app, requester_name="Teknisi Desember", username="des01",
             recorded_at=datetime(2026, 11, 28, 2, 0, tzinfo=UTC), decided_at=datetime(2026, 11, 29, 2, 0, tzinfo=UTC),
             granted_at=datetime(2026, 11, 30, 19, 0, tzinfo=UTC),   # 1 December 02.00 WIB
             closed_at=datetime(2026, 11, 30, 21, 0, tzinfo=UTC),    # 1 December 04.00 WIB
             approved_until=datetime(2026, 12, 5, 9, 0, tzinfo=UTC))
    admin = logged_in_client(app, "ani")
    assert _names_on_form(admin, "2026-11") == ["Teknisi Subuh"]
    assert _names_on_form(admin, "2026-10") == []
    assert _names_on_form(admin, "2026-12") == ["Teknisi Desember"]
