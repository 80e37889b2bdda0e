"""A participants' workbook built to hurt the server is refused with a message, before it is unpacked
(sec3's outside probe). An XLSX is a zip: a 400 KB file whose one cell unpacked to 400 MB of letters
took the served desk from 224 MB to 968 MB and 6 s of CPU before it answered (a 2 MB one, the most
the page takes, would unpack to about 2 GB); and a sheet whose XML is broken or expands entities
reached openpyxl's lazy reader outside any error handling: 500. Both must be a 400 that says what to
do, in the user's language, with nothing imported, and the desk must keep serving."""
from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from lpsedesk.extensions import db
from lpsedesk.invitations import batch
from lpsedesk.models import Invitation

from .test_invitations import import_form

HEADER = ["NAMA", "NIK", "TELEPON", "INSTANSI", "KATEGORI"]


def _workbook(rows: list[list[str]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _with_sheet(sheet_xml: bytes | None = None, *, cell_mb: int = 0) -> bytes:
    """The template's workbook with its sheet replaced, or one cell grown to `cell_mb` MB of letters."""
    template = zipfile.ZipFile(io.BytesIO(_workbook([HEADER, ["MARK", "", "081234567890", "CV Uji", "penyedia"]])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for member in template.infolist():
            data = template.read(member.filename)
            if member.filename != "xl/worksheets/sheet1.xml":
                archive.writestr(member, data)
            elif sheet_xml is not None:
                archive.writestr(member, sheet_xml)
            else:
                head, tail = data.split(b"MARK", 1)
                with archive.open(member.filename, "w", force_zip64=True) as f:
                    f.write(head)
                    block = b"A" * (1024 * 1024)
                    for _ in range(cell_mb):
                        f.write(block)
                    f.write(tail)
    return out.getvalue()


def _entities() -> bytes:
    """A sheet whose one name expands, entity by entity, to 100 million letters."""
    decl = '<!ENTITY a0 "aaaaaaaaaa">' + "".join(
        f'<!ENTITY a{i} "{("&a%d;" % (i - 1)) * 10}">' for i in range(1, 8))
    return (f'<?xml version="1.0"?><!DOCTYPE worksheet [{decl}]>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<dimension ref="A1:E2"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>NAMA</t></is></c></row>'
            '<row r="2"><c r="A2" t="inlineStr"><is><t>&a7;</t></is></c></row>'
            '</sheetData></worksheet>').encode()


# With its <dimension>, as Excel and the template write it, openpyxl reads the rows only when asked.
BROKEN_SHEET = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                b'<dimension ref="A1:E2"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>NAMA</t></is></c></row><row r="2"><c')


def test_a_workbook_that_unpacks_to_hundreds_of_megabytes_is_refused_unopened():
    data = _with_sheet(cell_mb=300)
    assert len(data) < batch.MAX_BYTES  # small enough to pass the upload limit
    with pytest.raises(batch.BatchFileError) as refused:
        batch.read_rows(data, "peserta.xlsx")
    assert refused.value.code == "unpacks_too_large"


@pytest.mark.parametrize("sheet", [BROKEN_SHEET, _entities()], ids=["cut-off-xml", "entity-expansion"])
def test_a_sheet_that_breaks_while_it_is_read_is_unreadable_not_a_crash(sheet):
    with pytest.raises(batch.BatchFileError) as refused:
        batch.read_rows(_with_sheet(sheet), "peserta.xlsx")
    assert refused.value.code == "unreadable"


def test_the_template_filled_with_500_participants_still_imports_its_rows():
    rows = [HEADER] + [[f"Peserta {i}", "", f"0812345{i:05d}", "CV Uji", "penyedia"] for i in range(500)]
    assert len(batch.read_rows(_workbook(rows), "peserta.xlsx")) == 501


@pytest.mark.parametrize("data,said", [
    (lambda: _with_sheet(cell_mb=300), "jauh lebih banyak data"),
    (lambda: _with_sheet(BROKEN_SHEET), "tidak dapat dibaca"),
    (lambda: _with_sheet(_entities()), "tidak dapat dibaca"),
], ids=["bomb", "cut-off-xml", "entity-expansion"])
def test_the_import_page_says_what_is_wrong_imports_nothing_and_keeps_serving(app, client, make_user, login,
                                                                               data, said):
    make_user("rina", "helpdesk")
    login("rina")
    response = import_form(client, data(), "peserta.xlsx")
    assert response.status_code == 400
    assert said in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Invitation)) == 0
    assert client.get("/admin/invitations/import").status_code == 200


# A CSV is read by Python's csv module, which stops at a field of 128 KB: a quote never closed (the
# rest of the file becomes one field) or one long cell was a 500. A NUL byte reached the database,
# which PostgreSQL refuses (500), and SQLite would have cut the name short.
UNCLOSED_QUOTE = b'NAMA,TELEPON,INSTANSI,KATEGORI\n"' + b"a" * 200_000 + b"\n"
LONG_CELL = b"NAMA,TELEPON,INSTANSI,KATEGORI\n" + b"A" * 200_000 + b",081234567890,CV Uji,penyedia\n"
NUL_IN_NAME = b"NAMA,TELEPON,INSTANSI,KATEGORI\nBudi\x00 Contoh,081234567890,CV Uji,penyedia\n"


@pytest.mark.parametrize("data", [UNCLOSED_QUOTE, LONG_CELL, NUL_IN_NAME], ids=["unclosed-quote", "long-cell", "nul"])
def test_a_csv_the_reader_cannot_take_is_unreadable(data):
    with pytest.raises(batch.BatchFileError) as refused:
        batch.read_rows(data, "peserta.csv")
    assert refused.value.code == "unreadable"


@pytest.mark.parametrize("data", [UNCLOSED_QUOTE, NUL_IN_NAME], ids=["unclosed-quote", "nul"])
def test_the_import_page_says_a_broken_csv_cannot_be_read(app, client, make_user, login, data):
    make_user("rina", "helpdesk")
    login("rina")
    response = import_form(client, data, "peserta.csv")
    assert response.status_code == 400
    assert "tidak dapat dibaca" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Invitation)) == 0
