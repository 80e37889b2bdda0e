"""A CSV export opened by Excel where ";" is the list separator (an Indonesian Windows) holds no live
formula after a line break either (probe sec15). Our comma file quotes a cell holding a line break;
but split at ";", that quote is in the middle of a field, where a spreadsheet reads a quote as a
plain character, so the line break ends the row there. A visitor's check-out comment or survey
suggestion `Terima kasih<line break>=1+1;` then opened as a new row whose first cell is the live
formula `=1+1`: the piece after a line break starts a cell just as the piece after a ";" does."""
from __future__ import annotations

import csv
import io
from datetime import datetime, timezone

import pytest

from lpsedesk.exports import DocumentSpec, render_csv
from lpsedesk.exports.cells import csv_text

from .. import factories
from ..conftest import logged_in_client
from .test_csv_formula_after_semicolon import EXFIL, live_formulas
from .test_export_formulas import HOSTILE

DAY = datetime(2026, 11, 18, 2, 0, tzinfo=timezone.utc)
PERIOD = {"from": "2026-11-18", "to": "2026-11-18"}


def cells_split_at_semicolons(data: bytes) -> list[str]:
    """Every cell of the file read with ";" as the separator and a quote special only where a field
    starts (RFC 4180 readers, Python's csv among them; a quote inside a field is a character)."""
    text = data.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text, newline=""), delimiter=";") for cell in row]


@pytest.mark.parametrize("line_break", ["\n", "\r\n", "\r"])
def test_a_line_after_a_line_break_is_text_too(line_break):
    rows = [[str(i), f"Terima kasih{line_break}{text};"] for i, text in enumerate(HOSTILE, start=1)]
    rows.append(["9", f"Rapat;{line_break} {EXFIL};"])
    cells = cells_split_at_semicolons(render_csv(DocumentSpec(title="Uji", columns=["No.", "Saran"], rows=rows)))
    assert live_formulas(cells) == []


@pytest.mark.parametrize("text", ["Jl. Merdeka 5\nRT 01", "Nilai\n-5;", "Baik\r\n+62;"])
def test_lines_that_are_no_formula_are_left_as_typed(text):
    assert csv_text(text) == text


def test_the_guest_book_csv_split_at_semicolons_holds_no_formula_after_a_line_break(app, make_user):
    """What the visitor typed as the purpose's detail at the kiosk, two lines long."""
    make_user("rina", "helpdesk", name="Rina Meja")
    with app.app_context():
        factories.visit(submitted_at=DAY, purpose_detail=f"rapat pagi\n{EXFIL};")
    cells = cells_split_at_semicolons(
        logged_in_client(app, "rina").get("/admin/reports/guestbook.csv", query_string=PERIOD).data)
    assert any(c.startswith("'=WEBSERVICE") for c in cells), "the detail's second line is in the file"
    assert live_formulas(cells) == []
