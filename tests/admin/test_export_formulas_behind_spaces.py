"""A formula hidden behind what a spreadsheet skips stays text in every export: leading spaces,
tabs, line breaks or control characters before = + - @, the full-width ＝ ＋ － ＠, and a cell that
starts with a tab. Ordinary text stays as typed: a name with a hyphen inside, a plain phone number
with its country code (+6281234567890). A phone number written with spaces or dashes after a "+"
is no plain number and gets the text mark (Excel would evaluate it; it shows it as typed)."""
from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta, timezone

from openpyxl import load_workbook

from lpsedesk.exports import DocumentSpec, render_csv, render_xlsx
from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest

from .. import factories
from ..conftest import logged_in_client

HIDDEN = ["  =1+1", " \t=1+1", "\n=1+1", "\r\n@SUM(A1)", "\x01=1+1", "\x1f+1+1", "\u200b=1+1", "\u00a0-1-1",
          "\uff1d1+1", "\uff0bcmd", "\uff0d2+3", "\uff20SUM(A1)", "\u3000\uff1d1+1", "\tBudi"]
ORDINARY = ["Siti Nur-Aini", "+6281234567890", "-5", "CV Maju-Jaya @ Salatiga", " Budi Santoso"]
DAY = datetime(2026, 11, 18, 2, 0, tzinfo=timezone.utc)  # 09.00 WIB
PERIOD = {"from": "2026-11-18", "to": "2026-11-18"}
SIGNS = tuple("=+-@\uff1d\uff0b\uff0d\uff20")


def _csv_cells(data: bytes) -> list[str]:
    return [c for row in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")) for c in row]


def _xlsx_cells(data: bytes) -> list:
    ws = load_workbook(io.BytesIO(data)).active
    return [c for row in ws.iter_rows() for c in row if c.value is not None]


def _neutral_in_csv(cell: str) -> bool:
    """What a spreadsheet would read: the text after what it skips must not start a formula."""
    body = cell.lstrip("".join(chr(c) for c in range(33)) + "\u00a0\u200b\u3000")
    return cell.startswith("'") or not body.startswith(SIGNS) or body.lstrip("+-").isdigit()


def test_hidden_formulas_get_the_text_mark_and_ordinary_text_stays_as_typed():
    spec = DocumentSpec(title="Uji", columns=["No.", "Isi"],
                        rows=[[str(i), t] for i, t in enumerate(HIDDEN + ORDINARY, start=1)])
    cells = _csv_cells(render_csv(spec))
    for text in HIDDEN:  # marked at its start (and after a line break inside, as since sec15)
        assert any(c.startswith("'") and c.replace("'", "") == text for c in cells), repr(text)
    for text in ORDINARY:
        assert text in cells, f"{text!r} changed"
    assert all(_neutral_in_csv(c) for c in cells)

    marks = {c.value: (c.data_type, c.quotePrefix) for c in _xlsx_cells(render_xlsx(spec))}
    for text in HIDDEN:
        kept = text.replace("\r", "").replace("\x01", "").replace("\x1f", "")  # XML keeps no CR or C0 controls
        assert marks[kept] == ("s", True), repr(text)
    for text in ORDINARY:
        assert marks[text] == ("s", False), repr(text)


def test_the_guest_book_export_marks_a_visitor_named_behind_spaces(app, make_user):
    make_user("rina", "helpdesk", name="Rina Meja")
    with app.app_context():
        factories.visit(visitor=factories.visitor(full_name="  =HYPERLINK(\"http://x.example\")",
                                                  institution="\uff1dWEBSERVICE(A1)"),
                        submitted_at=DAY, purpose_detail="\t@SUM(A1)")
        factories.visit(visitor=factories.visitor(full_name="Siti Nur-Aini", nik="3373021203850002",
                                                  phone="+6281234567890"), submitted_at=DAY)
        db.session.commit()
    c = logged_in_client(app, "rina")
    csv_data = c.get("/admin/reports/guestbook.csv", query_string=PERIOD)
    assert csv_data.status_code == 200
    cells = _csv_cells(csv_data.data)
    assert all(_neutral_in_csv(cell) for cell in cells)
    assert "'  =HYPERLINK(\"http://x.example\")" in cells and "'\uff1dWEBSERVICE(A1)" in cells
    assert "Siti Nur-Aini" in cells
    xlsx = c.get("/admin/reports/guestbook.xlsx", query_string=PERIOD)
    assert xlsx.status_code == 200
    by_text = {cell.value: cell for cell in _xlsx_cells(xlsx.data)}
    assert by_text["  =HYPERLINK(\"http://x.example\")"].quotePrefix
    assert by_text["\uff1dWEBSERVICE(A1)"].quotePrefix
    assert not by_text["Siti Nur-Aini"].quotePrefix
    assert not any(cell.data_type == "f" for cell in by_text.values())


def test_the_remote_access_form_marks_formulas_behind_spaces(app, make_user):
    make_user("sinta", "admin", name="Sinta Admin")
    with app.app_context():
        db.session.add(RemoteAccessRequest(
            requester_name=" \t=1+1", instansi="\uff0bcmd", letter_number="001/UJI", letter_date=DAY.date(),
            purpose="Pembaruan", rights_requested="Hanya baca", period_start=DAY, period_end=DAY + timedelta(days=1),
            status="closed", decided_at=DAY, approved_until=DAY + timedelta(days=1), username="teknisi-uji",
            rights_granted="Hanya baca", granted_at=DAY, closed_at=DAY + timedelta(hours=5)))
        db.session.commit()
    c = logged_in_client(app, "sinta")
    cells = _csv_cells(c.get("/admin/remote/form.csv?kind=month&value=2026-11").data)
    assert "' \t=1+1" in cells and "'\uff0bcmd" in cells and "teknisi-uji" in cells
    assert all(_neutral_in_csv(cell) for cell in cells)
    xlsx = _xlsx_cells(c.get("/admin/remote/form.xlsx?kind=month&value=2026-11").data)
    assert {cell.value for cell in xlsx if cell.quotePrefix} >= {" \t=1+1", "\uff0bcmd"}
