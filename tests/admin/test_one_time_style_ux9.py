"""ux9: a time reads the same on every screen and every paper: the guest book (page, CSV, PDF) and the
visit's own page write 21:01 WIB, as the slip, the kiosk and every staff time field (HH:MM) do; the
printed guest book no longer writes 21.01 for the same moment."""
from __future__ import annotations

import csv
import io
from datetime import datetime, timezone

from lpsedesk.extensions import db

from .. import factories
from .test_remote_documents import pdf_pages
from .test_reports_guestbook import NAME, TIME_IN, TIME_OUT, staff  # noqa: F401 (fixture)

SIGNED = datetime(2026, 11, 18, 14, 1, tzinfo=timezone.utc)   # 18 November 2026, 21:01 WIB
LEFT = datetime(2026, 11, 18, 14, 47, tzinfo=timezone.utc)    # 21:47 WIB
NOVEMBER = {"from": "2026-11-01", "to": "2026-11-30"}


def _visit(app) -> int:
    with app.app_context():
        visit = factories.visit("checked_out", visitor=factories.visitor(full_name="Tamu Malam"),
                                submitted_at=SIGNED, decided_at=SIGNED, checked_out_at=LEFT)
        db.session.commit()
        return visit.id


def test_the_guest_book_and_the_visit_page_write_the_same_time_the_same_way(app, staff):
    visit_id = _visit(app)
    rina = staff("rina")
    (row,) = list(csv.reader(io.StringIO(rina.get("/admin/reports/guestbook.csv", query_string=NOVEMBER)
                                         .data.decode("utf-8-sig"))))[1:]
    assert row[NAME] == "Tamu Malam" and (row[TIME_IN], row[TIME_OUT]) == ("21:01", "21:47")
    page = rina.get("/admin/reports/guestbook", query_string=NOVEMBER).get_data(as_text=True)
    assert "21:01" in page and "21.01" not in page
    (pdf,) = pdf_pages(rina.get("/admin/reports/guestbook.pdf", query_string=NOVEMBER).data)
    assert "21:01" in pdf and "21.01" not in pdf
    visit_page = rina.get(f"/admin/visits/{visit_id}").get_data(as_text=True)
    assert "21:01" in visit_page and "21.01" not in visit_page
