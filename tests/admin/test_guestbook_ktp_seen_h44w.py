"""The guest book says, per visit, how the visitor's KTP was seen (h44w, SOP 1).

SOP 1: the visitor shows a KTP at the kiosk and the helpdesk checks the original. A kiosk without a
camera records the visit without a photo (h43n); then the original seen at the desk is the only
check. The guest book (page, PDF, XLSX) writes "Foto KTP" for a visit whose KTP was photographed,
"KTP asli diperiksa langsung" for one checked in person without a photo, and nothing while a visit
without a photo still waits for that check.
"""
from __future__ import annotations

import io
import re
from datetime import datetime, timedelta, timezone

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from lpsedesk import visit_ops
from lpsedesk.extensions import db
from lpsedesk.models import User
from lpsedesk.roles import Actor, Role
from sqlalchemy import select

from .. import factories

MORNING = datetime(2026, 11, 23, 3, 0, tzinfo=timezone.utc)  # Monday 10.00 WIB
PERIOD = {"from": "2026-11-23", "to": "2026-11-23"}
PHOTO, IN_PERSON = "Foto KTP", "KTP asli diperiksa langsung"
# name -> what its row says of the KTP
EXPECTED = {"Ani Berfoto": PHOTO, "Budi Diperiksa": IN_PERSON, "Citra Menunggu": ""}


@pytest.fixture
def book(app, make_user, login, client):
    make_user("rina", "helpdesk", name="Rina Meja")
    with app.app_context():
        desk = db.session.scalar(select(User).where(User.username == "rina"))
        factories.visit(visitor=factories.visitor(full_name="Ani Berfoto"), submitted_at=MORNING)
        checked = factories.visit(visitor=factories.visitor(full_name="Budi Diperiksa", nik="3373024107900002"),
                                  submitted_at=MORNING + timedelta(minutes=5), no_ktp_photo=True)
        factories.visit(visitor=factories.visitor(full_name="Citra Menunggu", nik="3373024107900003"),
                        submitted_at=MORNING + timedelta(minutes=10), no_ktp_photo=True)
        visit_ops.check_ktp(db.session, checked, Actor("user", desk.id, desk.full_name, frozenset({Role.HELPDESK})),
                            now=MORNING + timedelta(minutes=7))
        db.session.commit()
    login("rina")
    return client


def _cells_by_name(rows: list[list[str]], header: list[str]) -> dict[str, str]:
    name, ktp = header.index("Nama"), header.index("KTP")
    return {row[name]: row[ktp] for row in rows if row[name] in EXPECTED}


def test_the_guest_book_page_says_how_each_visitors_ktp_was_seen(book):
    html = book.get("/admin/reports/guestbook", query_string=PERIOD).get_data(as_text=True)
    header = [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<th>(.*?)</th>", html)]
    rows = [[re.sub(r"<[^>]+>|\s+", " ", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)]
            for tr in re.findall(r"<tr class=\"decision-[a-z]+\">(.*?)</tr>", html, re.S)]
    assert _cells_by_name(rows, header) == EXPECTED


def test_the_guest_book_xlsx_says_how_each_visitors_ktp_was_seen(book):
    sheet = load_workbook(io.BytesIO(book.get("/admin/reports/guestbook.xlsx", query_string=PERIOD).data)).active
    values = [[str(c) if c is not None else "" for c in row] for row in sheet.iter_rows(values_only=True)]
    at = next(i for i, row in enumerate(values) if row[0] == "No.")
    assert _cells_by_name(values[at + 1:], values[at]) == EXPECTED


def test_the_guest_book_pdf_says_how_each_visitors_ktp_was_seen(book):
    reader = PdfReader(io.BytesIO(book.get("/admin/reports/guestbook.pdf", query_string=PERIOD).data))
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))
    assert "KTP" in text
    ani, budi, citra = (text.index(name.replace(" ", "")) for name in EXPECTED)
    assert text.count(PHOTO.replace(" ", "")) == 1 and ani < text.index(PHOTO.replace(" ", "")) < budi
    assert text.count(IN_PERSON.replace(" ", "")) == 1 and budi < text.index(IN_PERSON.replace(" ", "")) < citra


# The visit report: visits the helpdesk reported finished (SOP 1 step 7) say the same of the KTP.
REPORTED = {"Dewi Berfoto": PHOTO, "Eko Diperiksa": IN_PERSON}


@pytest.fixture
def report(app, make_user, login, client):
    make_user("rina", "helpdesk", name="Rina Meja")
    with app.app_context():
        for minutes, (name, nik, no_photo) in enumerate([("Dewi Berfoto", "3373024107900004", False),
                                                         ("Eko Diperiksa", "3373024107900005", True)]):
            came = MORNING + timedelta(minutes=10 * minutes)
            factories.visit("reported", visitor=factories.visitor(full_name=name, nik=nik), submitted_at=came,
                            no_ktp_photo=no_photo, ktp_checked_at=came + timedelta(minutes=2),
                            decided_at=came + timedelta(minutes=3), checked_out_at=came + timedelta(hours=1),
                            reported_at=came + timedelta(hours=2))
    login("rina")
    return client


def test_the_visit_report_page_says_how_each_visitors_ktp_was_seen(report):
    html = report.get("/admin/reports/visits", query_string=PERIOD).get_data(as_text=True)
    sections = dict((name, html.split(name, 1)[1].split("</section>", 1)[0]) for name in REPORTED)
    for name, said in REPORTED.items():
        assert said in sections[name], (name, sections[name])
    assert IN_PERSON not in sections["Dewi Berfoto"] and PHOTO not in sections["Eko Diperiksa"]


def test_the_visit_report_xlsx_and_pdf_say_how_each_visitors_ktp_was_seen(report):
    sheet = load_workbook(io.BytesIO(report.get("/admin/reports/visits.xlsx", query_string=PERIOD).data)).active
    values = [[str(c) if c is not None else "" for c in row] for row in sheet.iter_rows(values_only=True)]
    at = next(i for i, row in enumerate(values) if row[0] == "No.")
    name, ktp = values[at].index("Nama"), values[at].index("KTP")
    assert {row[name]: row[ktp] for row in values[at + 1:] if row[name] in REPORTED} == REPORTED
    reader = PdfReader(io.BytesIO(report.get("/admin/reports/visits.pdf", query_string=PERIOD).data))
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))
    dewi, eko = (text.index(n.replace(" ", "")) for n in REPORTED)
    assert dewi < text.index(PHOTO.replace(" ", "")) < eko < text.index(IN_PERSON.replace(" ", ""))
