"""The guest book's "No." runs on across its pages, and a request that expired names no decider.

docs/reports.md: the guest book lists every visit of the period with "No., date, name, ..., decision
and by whom"; on screen it comes a page at a time, and page 2 continues the book (its first row is
the number after page 1's last, as in the PDF of the same period). A request nobody decided by
closing time expired (README, SOP 1): there is no "by whom", and an official book that names
"system" as the one who decided would name nobody of the office.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from lpsedesk import visit_ops
from lpsedesk.exports.dates import month_period
from lpsedesk.extensions import db
from lpsedesk.reports.guestbook import guestbook_page, guestbook_rows

from .. import factories

MORNING = datetime(2026, 11, 23, 3, 0, tzinfo=timezone.utc)  # Monday 10.00 WIB
NOVEMBER = month_period(2026, 11)


def test_the_second_page_of_the_guest_book_continues_its_numbers(app):
    with app.app_context():
        for minute in range(5):
            factories.visit(submitted_at=MORNING + timedelta(minutes=minute))
        page = guestbook_page(db.session, NOVEMBER, page=2, per_page=2)
        assert [row.number for row in page.rows] == [3, 4]
        assert [row.number for row in guestbook_rows(db.session, NOVEMBER)] == [1, 2, 3, 4, 5]


def test_a_request_that_expired_at_closing_time_names_nobody_as_its_decider(app):
    with app.app_context():
        visit = factories.visit(submitted_at=MORNING)
        expired = visit_ops.expire_pending(db.session, now=MORNING + timedelta(hours=12))
        assert expired == [visit]
        db.session.flush()
        row = guestbook_rows(db.session, NOVEMBER)[0]
        assert (row.decision, row.decided_by) == ("expired", "")
