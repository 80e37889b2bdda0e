"""The guest book a Kasubag prints and files: page, PDF, XLSX and CSV read back and checked
against the database for months of demo visits, plus the edge cases (empty period, non-ASCII)."""
from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from PIL import Image, ImageDraw
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from lpsedesk import audit
from lpsedesk.demo import make_demo_data
from lpsedesk.exports import range_period
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, User, Visit, Visitor
from lpsedesk.roles import Actor, Role

from .. import factories

WIB = ZoneInfo("Asia/Jakarta")
TODAY = date(2026, 11, 20)
START = TODAY - timedelta(weeks=12)
PERIOD = {"from": START.isoformat(), "to": TODAY.isoformat()}
# h44w: "KTP" (how it was seen) after the NIK
NAME, NIK, KTP, INSTITUTION, TIME_IN, TIME_OUT, DECISION, NOTE, SIGNATURE = 2, 3, 4, 5, 9, 10, 11, 12, 13


def masked(nik: str) -> str:
    return nik[:4] + "********" + nik[12:]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def seeded(app):
    with app.app_context():
        make_demo_data(db.session, weeks=12, seed=11, today=TODAY)
        db.session.commit()


@pytest.fixture
def staff(client, make_user, login):
    make_user("rina", "helpdesk", name="Rina Meja")
    make_user("sinta", "admin", name="Sinta Admin")

    def as_(username: str):
        client.get("/admin/logout")
        login(username)
        return client

    return as_


def expected_visits(app, start: date, end: date) -> list[Visit]:
    lo, hi = range_period(start, end).utc_bounds()
    with app.app_context():
        visits = db.session.scalars(select(Visit).where(Visit.submitted_at >= lo, Visit.submitted_at < hi)
                                    .order_by(Visit.submitted_at, Visit.id)).unique().all()
        for v in visits:  # load what the assertions read before the session closes
            _ = v.visitor.full_name
        db.session.expunge_all()
        return visits


def hhmm(value: datetime | None) -> str:
    return value.astimezone(WIB).strftime("%H:%M") if value else ""


def test_the_guest_book_csv_lists_every_visit_of_the_period_as_the_database_holds_it(app, seeded, staff):
    response = staff("rina").get("/admin/reports/guestbook.csv", query_string=PERIOD)
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.data.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM so Excel reads it right"
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert len(header) == 14 and header[0] == "No."
    visits = expected_visits(app, START, TODAY)
    assert len(visits) > 150, "twelve weeks of demo visits"
    assert len(body) == len(visits)
    for number, (row, visit) in enumerate(zip(body, visits), start=1):
        assert row[0] == str(number)
        assert row[1] == visit.submitted_at.astimezone(WIB).strftime("%d/%m/%Y")
        assert row[NAME] == visit.visitor.full_name and row[INSTITUTION] == visit.visitor.institution
        assert row[NIK] == masked(visit.visitor.nik) and visit.visitor.nik not in response.data.decode()
        assert row[TIME_IN] == hhmm(visit.submitted_at) and row[TIME_OUT] == hhmm(visit.checked_out_at)
        if visit.status == "denied":
            assert visit.decided_by_label in row[DECISION] and row[NOTE] == visit.decision_reason


def test_the_guest_book_xlsx_holds_the_same_rows_under_the_lpse_header_and_signatory(app, seeded, staff):
    response = staff("rina").get("/admin/reports/guestbook.xlsx", query_string=PERIOD)
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(response.data)).active
    values = [[c if c is not None else "" for c in row] for row in ws.iter_rows(values_only=True)]
    header = next(i for i, row in enumerate(values) if row[0] == "No.")
    assert any("Kota Salatiga" in str(row[0]) for row in values[:header])
    visits = expected_visits(app, START, TODAY)
    body = values[header + 1: header + 1 + len(visits)]
    for row, visit in zip(body, visits):
        assert (row[NAME], row[NIK], row[TIME_IN]) == (visit.visitor.full_name, masked(visit.visitor.nik),
                                                       hhmm(visit.submitted_at))
    flat = " ".join(str(c) for row in values[header + 1 + len(visits):] for c in row)
    assert "Kepala Sub Bagian Pengelolaan LPSE" in flat and "NIP." in flat


def test_the_guest_book_pdf_prints_every_visitor_in_order_with_header_and_signatory(app, seeded, staff):
    response = staff("rina").get("/admin/reports/guestbook.pdf", query_string=PERIOD)
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(response.data))
    text = squash("".join(page.extract_text() for page in reader.pages))
    assert squash("Kota Salatiga") in text and squash("Kepala Sub Bagian Pengelolaan LPSE") in text
    position = 0
    for visit in expected_visits(app, START, TODAY):
        found = text.find(squash(visit.visitor.full_name + masked(visit.visitor.nik)), position)
        assert found >= 0, f"{visit.visitor.full_name} missing or out of order"
        position = found


def test_a_period_without_visits_gives_empty_exports_that_say_so(app, staff):
    c = staff("rina")
    empty = {"from": "2026-01-01", "to": "2026-01-01"}
    rows = list(csv.reader(io.StringIO(c.get("/admin/reports/guestbook.csv", query_string=empty).data.decode("utf-8-sig"))))
    assert len(rows) == 1
    pdf = PdfReader(io.BytesIO(c.get("/admin/reports/guestbook.pdf", query_string=empty).data))
    assert len(pdf.pages) == 1 and "No." in pdf.pages[0].extract_text()
    ws = load_workbook(io.BytesIO(c.get("/admin/reports/guestbook.xlsx", query_string=empty).data)).active
    assert ws.max_row > 4
    page = c.get("/admin/reports/guestbook", query_string=empty)
    assert page.status_code == 200 and 'class="empty"' in page.get_data(as_text=True)


def _signature_png() -> bytes:
    image = Image.new("L", (600, 200), 255)
    ImageDraw.Draw(image).line([(40, 150), (200, 40), (330, 160), (560, 50)], fill=0, width=8)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def unusual_visits(app, make_user):
    """Non-ASCII names, a formula-looking institution, a signature and a delegate's decision."""
    boss_id = make_user("bambang", "kasubag", name="Bambang Kasubag")
    deputy_id = make_user("dewi", "helpdesk", name="Dewi Plh")
    day = datetime(2026, 11, 18, 2, 0, tzinfo=timezone.utc)  # 09.00 WIB
    with app.app_context():
        key = app.extensions["storage"].save(_signature_png(), kind="signature")
        first = factories.visit(visitor=factories.visitor(full_name="Bùi Thị Ánh Nguyễn", institution="=1+2 CV Ñandú"),
                                submitted_at=day, signature_key=key)
        second = factories.visit(visitor=factories.visitor(full_name="Śmigły Ørsted", nik="3373021203850002"),
                                 submitted_at=day + timedelta(minutes=5))
        deputy = Actor(kind="user", id=deputy_id, label="Dewi Plh", roles=frozenset({Role.KASUBAG}),
                       on_behalf_of_id=boss_id, on_behalf_of_label="Bambang Kasubag")
        audit.apply_transition(db.session, second, "approved", deputy, now=day + timedelta(minutes=9))
        db.session.commit()
    return {"from": "2026-11-18", "to": "2026-11-18"}


def test_non_ascii_names_a_signature_and_a_delegates_decision_survive_every_format(app, staff, unusual_visits):
    c = staff("rina")
    rows = list(csv.reader(io.StringIO(
        c.get("/admin/reports/guestbook.csv", query_string=unusual_visits).data.decode("utf-8-sig"))))
    assert [r[NAME] for r in rows[1:]] == ["Bùi Thị Ánh Nguyễn", "Śmigły Ørsted"]
    assert rows[1][INSTITUTION] == "'=1+2 CV Ñandú", "a formula is written as text"
    assert "Dewi Plh a.n. Bambang Kasubag" in rows[2][DECISION]
    assert rows[2][DECISION].count("a.n.") == 1, "the principal is named once"
    pdf = PdfReader(io.BytesIO(c.get("/admin/reports/guestbook.pdf", query_string=unusual_visits).data))
    text = squash(pdf.pages[0].extract_text())
    assert squash("Bùi Thị Ánh Nguyễn") in text and squash("Śmigły Ørsted") in text
    assert squash("Dewi Plh a.n. Bambang Kasubag") in text
    assert len(pdf.pages[0].images) == 1, "the signature thumbnail is in the table"
    ws = load_workbook(io.BytesIO(c.get("/admin/reports/guestbook.xlsx", query_string=unusual_visits).data)).active
    assert len(ws._images) == 1
    page = c.get("/admin/reports/guestbook", query_string=unusual_visits).get_data(as_text=True)
    thumb = re.search(r'src="(/admin/reports/signatures/\d+\.png)"', page).group(1)
    image = c.get(thumb)
    assert image.mimetype == "image/png" and Image.open(io.BytesIO(image.data)).size[0] <= 240


def test_only_an_admin_may_export_full_niks_and_the_export_is_audited(app, staff, unusual_visits):
    refused = staff("rina").get("/admin/reports/guestbook.csv", query_string={**unusual_visits, "full_nik": "1"})
    assert refused.status_code == 403
    full = staff("sinta").get("/admin/reports/guestbook.csv", query_string={**unusual_visits, "full_nik": "1"})
    assert full.status_code == 200 and "3373021203850002" in full.data.decode("utf-8-sig")
    with app.app_context():
        events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "report.guestbook_exported")
                                    .order_by(AuditEvent.id)).all()
        assert [e.details["full_nik"] for e in events] == [True]
        assert events[0].actor_label == "Sinta Admin" and events[0].details["rows"] == 2


def test_the_printable_guest_book_masks_niks_and_carries_the_lpse_header(app, staff, unusual_visits):
    page = staff("sinta").get("/admin/reports/guestbook", query_string=unusual_visits).get_data(as_text=True)
    assert "3373021203850002" not in page and "3373********0002" in page
    assert "Kota Salatiga" in page and "Kepala Sub Bagian Pengelolaan LPSE" in page
    assert "full_nik=1" in page, "the Admin sees the audited full-NIK export"
    assert "full_nik=1" not in staff("rina").get("/admin/reports/guestbook", query_string=unusual_visits).get_data(as_text=True)


def test_bad_dates_get_a_clear_400_and_an_unknown_format_a_404(staff):
    c = staff("rina")
    assert c.get("/admin/reports/guestbook", query_string={"from": "kemarin"}).status_code == 400
    assert c.get("/admin/reports/guestbook", query_string={"from": "2026-11-20", "to": "2026-11-01"}).status_code == 400
    assert c.get("/admin/reports/guestbook.docx").status_code == 404


def test_reports_need_a_staff_login(client):
    assert client.get("/admin/reports/").status_code == 302
    assert client.get("/admin/reports/guestbook.csv").status_code == 302


def test_a_busy_months_row_number_and_date_stay_on_one_line_in_the_pdf(app):
    # A province-wide desk numbers tens of thousands of visits a month: "No." and the date must not
    # break over two lines of the printed guest book.
    from admin.reports.documents import guestbook_spec
    from admin.reports.guestbook_files import guestbook_pdf
    from lpsedesk.reports.guestbook import GuestBookRow, Tally

    day = date(2026, 11, 2)
    at = datetime(2026, 11, 2, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    rows = [GuestBookRow(number=n, visit_id=n, day=day, name="SARI UJI COBA", nik="3373**********01",
                         institution="CV Contoh", category="penyedia", purpose="verification", purpose_detail="",
                         facility="verification_desk", time_in=at, time_out=at, status="reported",
                         decision="approved", decided_by="Bambang", decision_reason="", signature_key=None)
            for n in (7, 987, 9876, 19876, 98765)]
    with app.test_request_context("/"):
        period = range_period(day, day)
        pdf = guestbook_pdf(rows, lambda r: guestbook_spec(r, period, Tally(5, 5, 0)), storage=None)
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    for number in (7, 987, 9876, 19876, 98765):
        assert re.search(rf"(^|\n){number}\n02/11/2026\n", text), f"row {number} broken over lines"
