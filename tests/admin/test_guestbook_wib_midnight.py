"""The guest book's days are WIB days (README: times shown in WIB; SOP 1's guest book per period).

A visit signed at 23.30 WIB on 30 November belongs to November even though it is 16.30 UTC; one
signed at 00.15 WIB on 1 November belongs to November although the server holds 31 October 17.15
UTC; one at 00.30 WIB on 1 December is December's. Every other guest-book test's visits fall in
office hours, where UTC and WIB agree on the day.
"""
from __future__ import annotations

import csv
import io
from datetime import datetime, timezone

from lpsedesk.extensions import db

from .. import factories
from .test_reports_guestbook import NAME, TIME_IN, TIME_OUT, staff  # noqa: F401 (fixture)

UTC = timezone.utc
FIRST_MINUTES = datetime(2026, 10, 31, 17, 15, tzinfo=UTC)   # 1 November 00.15 WIB
LAST_MINUTES = datetime(2026, 11, 30, 16, 30, tzinfo=UTC)    # 30 November 23.30 WIB
NEXT_MONTH = datetime(2026, 11, 30, 17, 30, tzinfo=UTC)      # 1 December 00.30 WIB
OUT = datetime(2026, 11, 30, 16, 55, tzinfo=UTC)             # 23.55 WIB


def _visits(app) -> None:
    with app.app_context():
        for name, at in (("AWAL BULAN", FIRST_MINUTES), ("AKHIR BULAN", LAST_MINUTES), ("BULAN DEPAN", NEXT_MONTH)):
            factories.visit("checked_out", visitor=factories.visitor(full_name=name), submitted_at=at,
                            decided_at=at, checked_out_at=OUT if name == "AKHIR BULAN" else at)
        db.session.commit()


def _rows(client, start: str, end: str) -> list[list[str]]:
    response = client.get("/admin/reports/guestbook.csv", query_string={"from": start, "to": end})
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))[1:]


def test_a_visit_at_the_wib_midnight_is_in_the_month_of_its_wib_day(app, staff):
    _visits(app)
    rows = _rows(staff("rina"), "2026-11-01", "2026-11-30")
    assert [r[NAME] for r in rows] == ["AWAL BULAN", "AKHIR BULAN"]
    december = _rows(staff("rina"), "2026-12-01", "2026-12-31")
    assert [r[NAME] for r in december] == ["BULAN DEPAN"]


def test_the_guest_book_shows_the_wib_day_and_the_wib_clock_of_a_late_visit(app, staff):
    _visits(app)
    first, last = _rows(staff("rina"), "2026-11-01", "2026-11-30")
    assert first[1] == "01/11/2026" and first[TIME_IN] == "00:15"
    assert last[1] == "30/11/2026" and last[TIME_IN] == "23:30" and last[TIME_OUT] == "23:55"


def test_a_visit_signed_at_the_stroke_of_the_wib_midnight_belongs_to_the_day_that_begins(app, staff):
    # A WIB day runs from 00.00 to before the next 00.00: 00.00 WIB on 1 December is December's
    # first moment, never November's last (mu8 N6: the period's end taken inclusive, `<= hi`, passed
    # every guest-book test, whose visits all fall minutes away from midnight).
    with app.app_context():
        for name, at in (("TEPAT AWAL NOVEMBER", datetime(2026, 10, 31, 17, 0, tzinfo=UTC)),
                         ("TEPAT AWAL DESEMBER", datetime(2026, 11, 30, 17, 0, tzinfo=UTC))):
            factories.visit("checked_out", visitor=factories.visitor(full_name=name), submitted_at=at,
                            decided_at=at, checked_out_at=at)
        db.session.commit()
    assert [r[NAME] for r in _rows(staff("rina"), "2026-11-01", "2026-11-30")] == ["TEPAT AWAL NOVEMBER"]
    assert [r[NAME] for r in _rows(staff("rina"), "2026-12-01", "2026-12-31")] == ["TEPAT AWAL DESEMBER"]
    assert [r[NAME] for r in _rows(staff("rina"), "2026-10-01", "2026-10-31")] == []
