"""A CSV export opened by Excel on an Indonesian Windows never holds a live formula (sec3's outside
probe). README: every text cell of every CSV export is written as text, never a formula. Excel opens
a .csv split at the computer's list separator, ";" in Indonesia (the participants' import reads such
files for that reason), whatever separator the file uses. A guest book cell `Budi;=1+1`, not quoted
in our comma file, opened there as `Budi` and the live formula `=1+1`; `=WEBSERVICE(CHAR(104)&...&B2)`
needs no comma or quote and would send a row away once editing is enabled."""
from __future__ import annotations

from datetime import datetime, timezone

from lpsedesk.exports import DocumentSpec, render_csv
from lpsedesk.extensions import db

from .. import factories
from ..conftest import logged_in_client
from .test_export_formulas import HOSTILE

DAY = datetime(2026, 11, 18, 2, 0, tzinfo=timezone.utc)
PERIOD = {"from": "2026-11-18", "to": "2026-11-18"}
EXFIL = "=WEBSERVICE(CHAR(104)&CHAR(116)&B2)"


def cells_as_an_indonesian_excel_opens_them(data: bytes) -> list[str]:
    """Split every line at ";" only, as Excel with the Indonesian list separator does (a field it
    finds quoted is kept whole, separators inside it too)."""
    text = data.decode("utf-8-sig")
    cells, field, quoted = [], "", False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif ch in ";\r\n" and not quoted:
            cells.append(field)
            field = ""
        else:
            field += ch
    return cells + [field]


def live_formulas(cells: list[str]) -> list[str]:
    return [c for c in cells if c.lstrip(" ").startswith(("=", "+", "@", "-")) and not c.strip("+- ").isdigit()]


def test_a_piece_after_a_semicolon_is_text_too_and_plain_text_is_left_alone():
    rows = [["1", f"Budi;{text}"] for text in HOSTILE] + [["2", f"Sari; {EXFIL}"], ["3", "Jl. Merdeka 5; RT 01"],
                                                         ["4", "Nilai;-5"]]
    data = render_csv(DocumentSpec(title="Uji", columns=["No.", "Nama"], rows=rows))
    assert live_formulas(cells_as_an_indonesian_excel_opens_them(data)) == []
    text = data.decode("utf-8-sig")
    assert "Jl. Merdeka 5; RT 01" in text and "Nilai;-5" in text  # nothing formula-like: unchanged


def test_the_guest_book_csv_opened_with_semicolons_holds_no_formula(app, make_user):
    make_user("rina", "helpdesk", name="Rina Meja")
    with app.app_context():
        factories.visit(visitor=factories.visitor(full_name="Budi;=1+1", institution=f"CV Uji;{EXFIL}"),
                        submitted_at=DAY, purpose_detail="rapat;@SUM(A1:A9)")
        db.session.commit()
    response = logged_in_client(app, "rina").get("/admin/reports/guestbook.csv", query_string=PERIOD)
    assert response.status_code == 200
    cells = cells_as_an_indonesian_excel_opens_them(response.data)
    assert any("Budi" in c for c in cells)
    assert live_formulas(cells) == []
