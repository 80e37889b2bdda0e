"""The guest book's summary line counts as approved every visit the Kasubag approved.

SOP 1: the Kasubag grants the request; the visitor then comes in, is checked out and the visit is
reported. docs/reports.md: "checked-out and reported visits were approved", and every guest-book
document carries "a summary line": its count of approved visits must not lose a visit because it
went further.
"""
from __future__ import annotations

from datetime import datetime, timezone

from lpsedesk.exports.dates import month_period
from lpsedesk.extensions import db
from lpsedesk.reports.guestbook import tally

from .. import factories

MORNING = datetime(2026, 11, 23, 3, 0, tzinfo=timezone.utc)  # Monday 10.00 WIB


def test_approved_counts_the_visits_that_went_on_to_check_out_and_report(app):
    with app.app_context():
        for status in ("approved", "checked_out", "reported", "denied", "expired", "pending"):
            factories.visit(status, submitted_at=MORNING)
        counted = tally(db.session, month_period(2026, 11))
        assert (counted.visits, counted.approved, counted.denied) == (6, 3, 1)
