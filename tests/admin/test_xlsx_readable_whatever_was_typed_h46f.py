"""h46f: one visitor's text cannot break the workbook of every visitor in the period.

XML, inside which an XLSX keeps its cells, may not hold U+FFFE or U+FFFF. A probe's kiosk visitor from
"CV <U+FFFE> Uji" made the guest book's XLSX for that day a sheet that is not XML: Excel offers to
repair it and drops what it cannot read, and an XML reader stops there. The kiosk keeps such
characters out of what visitors type now (lpsedesk/seen_text.py), but rows stored before, and what
staff type, still reach the exports. The README: every text cell of every XLSX export is text.
"""
from __future__ import annotations

import io
import zipfile
from datetime import timedelta
from xml.dom import minidom

import pytest
from openpyxl import load_workbook

from lpsedesk.exports import DocumentSpec, render_xlsx
from lpsedesk.seen_text import seen_text

from .. import factories
from ..conftest import logged_in_client
from .test_export_formulas import DAY, PERIOD

NOT_XML = ["\ufffe", "\uffff", "\ufffe\uffff"]


def _sheets_are_xml(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        for name in book.namelist():
            if name.endswith(".xml"):
                minidom.parseString(book.read(name))  # raises on what no XML reader takes


def test_the_export_library_writes_a_workbook_any_reader_opens_whatever_the_text():
    spec = DocumentSpec(title="Uji", columns=["No.", "Instansi"],
                        rows=[[str(i), f"CV {text} Uji"] for i, text in enumerate(NOT_XML, start=1)])
    data = render_xlsx(spec)
    _sheets_are_xml(data)
    texts = {c.value for row in load_workbook(io.BytesIO(data)).active.iter_rows() for c in row}
    assert "CV  Uji" in texts  # the rest of the text kept


@pytest.mark.parametrize("path", ["/admin/reports/guestbook", "/admin/reports/visits"])
def test_a_visit_stored_with_such_a_character_leaves_the_periods_workbook_readable(app, make_user, path):
    helper = make_user("rina", "helpdesk", name="Rina Meja")
    # reported visits: the visit report holds only those, the guest book every visit
    done = dict(status="reported", submitted_at=DAY, decided_at=DAY, checked_out_at=DAY + timedelta(hours=1),
                reported_at=DAY + timedelta(hours=2), reported_by_id=helper)
    with app.app_context():
        factories.visit(visitor=factories.visitor(full_name="SARI \uffff", institution="CV \ufffe Uji"), **done)
        factories.visit(visitor=factories.visitor(full_name="BUDI SANTOSA", nik="3373021203850002"), **done)
    response = logged_in_client(app, "rina").get(path + ".xlsx", query_string=PERIOD)
    assert response.status_code == 200
    _sheets_are_xml(response.data)
    texts = {c.value for ws in load_workbook(io.BytesIO(response.data)).worksheets
             for row in ws.iter_rows() for c in row}
    assert "BUDI SANTOSA" in texts, "every other visitor's row is there"


def test_a_visitor_types_no_character_xml_cannot_hold():
    assert seen_text("CV \ufffe Uji\uffff") == "CV  Uji"
