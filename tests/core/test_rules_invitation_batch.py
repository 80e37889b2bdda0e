"""A training's participants from a file (lpsedesk/invitations/batch.py): all or nothing, every bad
row reported with its line number and reason."""
from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from lpsedesk import settings
from lpsedesk.extensions import db
from lpsedesk.invitations import batch, rules
from lpsedesk.models import Invitation
from lpsedesk.roles import Actor, Role

PURPOSES = settings.DEFAULTS["purposes"]
FACILITIES = settings.DEFAULTS["facilities"]
NOW = datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)
DESK = Actor("user", None, "Rina", frozenset({Role.HELPDESK}))
COMMON = rules.InvitationDraft(purpose="training", facility="training_room", starts_at=NOW,
                               ends_at=NOW + timedelta(hours=8), event_name="Pelatihan SPSE")


def csv_bytes(lines: list[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode()


def run(data: bytes, name: str = "peserta.csv"):
    return batch.import_file(db.session, DESK, data, name, COMMON, purposes=PURPOSES, facilities=FACILITIES, now=NOW)


def count() -> int:
    return db.session.scalar(select(func.count()).select_from(Invitation))


def test_a_clean_file_creates_one_invitation_per_participant(app):
    with app.app_context():
        result = run(csv_bytes(["NAMA,NIK,TELEPON,INSTANSI,KATEGORI",
                                "Budi Contoh,,081234567890,CV Satu,penyedia",
                                "Sari Uji,3373024107900001,081234567891,Dinas PU,OPD"]))
        assert result.problems == [] and count() == 2
        assert {i.category for i in result.invitations} == {"penyedia", "opd"}
        assert {i.event_name for i in result.invitations} == {"Pelatihan SPSE"}


def test_one_bad_row_imports_nothing_and_every_bad_row_is_named_with_its_line(app):
    with app.app_context():
        result = run(csv_bytes(["nama;nik;telepon;instansi;kategori",
                                "Budi Contoh;;081234567890;CV Satu;penyedia",
                                ";;12345;CV Dua;penyedia",
                                "",
                                "Dewi;3373024107900001;081234567892;;alien"]))
        assert count() == 0 and result.invitations == []
        assert [(p.line, p.fields) for p in result.problems] == [
            (3, {"full_name": "required", "phone": "phone_format"}),
            (5, {"institution": "required", "category": "choose"}),
        ]


def test_the_same_nik_twice_in_one_file_is_reported(app):
    with app.app_context():
        result = run(csv_bytes(["NAMA,NIK,TELEPON,INSTANSI,KATEGORI",
                                "Budi,3373024107900001,081234567890,CV Satu,penyedia",
                                "Budi Lagi,3373024107900001,081234567890,CV Satu,penyedia"]))
        assert [(p.line, p.fields) for p in result.problems] == [(3, {"nik": "duplicate"})]


def test_an_xlsx_with_numbers_in_cells_reads_like_text(app):
    book = Workbook()
    sheet = book.active
    sheet.append(["NAMA", "NIK", "TELEPON", "INSTANSI", "KATEGORI"])
    sheet.append(["Budi Contoh", None, "081234567890", "CV Satu", "Penyedia"])
    out = io.BytesIO()
    book.save(out)
    with app.app_context():
        result = run(out.getvalue(), "peserta.xlsx")
        assert result.problems == [] and count() == 1


@pytest.mark.parametrize("data,name,code", [
    (b"", "a.csv", "empty"),
    (b"hello", "a.pdf", "file_type"),
    (b"not a zip", "a.xlsx", "unreadable"),
    (b"foo,bar\n1,2\n", "a.csv", "columns"),
    (b"NAMA,TELEPON,INSTANSI,KATEGORI\n", "a.csv", "empty"),
])
def test_a_file_that_cannot_be_read_says_why(app, data, name, code):
    with app.app_context(), pytest.raises(batch.BatchFileError) as refused:
        run(data, name)
    assert refused.value.code == code
