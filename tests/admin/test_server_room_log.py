"""Issue 15: the visit's record, the guest book and the server room access log (page, PDF, XLSX)
show the escort, the devices and the times of the restricted area."""
from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone

from openpyxl import load_workbook
from pypdf import PdfReader

from lpsedesk.extensions import db
from lpsedesk.models import VisitDevice, VisitNote

from .. import factories
from ..conftest import logged_in_client

NOW = datetime.now(timezone.utc).replace(microsecond=0)


def _finished_server_room_visit(app, make_user) -> int:
    escort = make_user("eko", "helpdesk", name="Eko Pendamping")
    with app.app_context():
        visit = factories.visit(status="checked_out", facility="server_room", restricted=True, devices_none=False,
                                escort_id=escort, submitted_at=NOW - timedelta(hours=2),
                                decided_at=NOW - timedelta(minutes=110), decided_by_label="Bambang",
                                area_entered_at=NOW - timedelta(minutes=100), area_left_at=NOW - timedelta(minutes=40),
                                devices_checked_at=NOW - timedelta(minutes=35), devices_checked_by_id=escort,
                                checked_out_at=NOW - timedelta(minutes=30))
        visit.devices = [VisitDevice(position=0, kind="Laptop", brand="Lenovo", serial="PF-12345", left_with_visitor=True),
                         VisitDevice(position=1, kind="Flashdisk", brand="Sandisk", serial="SD-998",
                                     left_with_visitor=False)]
        db.session.add(VisitNote(visit=visit, kind="incident", body="Perangkat tidak keluar: SD-998",
                                 created_at=NOW - timedelta(minutes=35)))
        db.session.commit()
        return visit.id


def _wib(minutes_ago: int) -> str:
    return (NOW - timedelta(minutes=minutes_ago)).astimezone(timezone(timedelta(hours=7))).strftime("%H:%M")


def test_the_server_room_access_log_shows_escort_times_devices_and_incidents_on_page_pdf_and_xlsx(app, make_user):
    _finished_server_room_visit(app, make_user)
    with app.app_context():
        factories.visit(visitor=factories.visitor(nik="3373024107900002", full_name="Biasa Saja"))  # not restricted
    make_user("hana", "helpdesk")
    desk = logged_in_client(app, "hana")
    page = desk.get("/admin/reports/server-room").get_data(as_text=True)
    for expected in ("Eko Pendamping", "PF-12345", "SD-998", _wib(100), _wib(40), "Perangkat tidak keluar"):
        assert expected in page, expected
    assert "Biasa Saja" not in page
    pdf = desk.get("/admin/reports/server-room.pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages).split())
    for expected in ("Eko Pendamping", "PF-12345", _wib(100), _wib(40)):
        assert expected in text, expected
    xlsx = desk.get("/admin/reports/server-room.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.data)).active
    cells = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None)
    for expected in ("Eko Pendamping", "PF-12345", "SD-998", _wib(100), _wib(40)):
        assert expected in cells, expected


def test_the_guest_book_and_the_visit_record_show_the_escort_the_devices_and_the_area_times(app, make_user):
    visit_id = _finished_server_room_visit(app, make_user)
    make_user("bambang", "kasubag")
    boss = logged_in_client(app, "bambang")
    # The visit's own WIB day: two hours ago may be yesterday just after midnight WIB.
    day = (NOW - timedelta(hours=2)).astimezone(timezone(timedelta(hours=7))).date().isoformat()
    period = f"?from={day}&to={day}"
    page = boss.get(f"/admin/reports/guestbook{period}").get_data(as_text=True)
    for expected in ("Eko Pendamping", "PF-12345", _wib(100), _wib(40)):
        assert expected in page, expected
    xlsx = boss.get(f"/admin/reports/guestbook.xlsx{period}")
    cells = " ".join(str(c.value) for row in load_workbook(io.BytesIO(xlsx.data)).active.iter_rows()
                     for c in row if c.value is not None)
    assert "Eko Pendamping" in cells and "PF-12345" in cells and _wib(100) in cells
    pdf = boss.get(f"/admin/reports/guestbook.pdf{period}")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages).split())
    assert "Eko Pendamping" in text and "PF-12345" in text
    record = boss.get(f"/admin/visits/{visit_id}").get_data(as_text=True)
    for expected in ("Eko Pendamping", "PF-12345", "SD-998"):
        assert expected in record, expected
