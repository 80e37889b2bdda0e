"""SOP 1 step 3 to 4: what waits for the Kasubag's decision (hand-planted mutants, mu9;
docs/mutation.md).

docs/staff.md, "Every waiting visit reaches the queue": "the queue reads visits by status `pending`
alone, no day limit ... A pending visit leaves the queue only by a decision or by the expiry". So
a request of any day still waiting is there, oldest first, and one decided, withdrawn, expired or
finished is not.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from lpsedesk import visit_queries
from lpsedesk.extensions import db

from .. import factories

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=timezone.utc)  # Monday 10.00 WIB


def test_the_queue_holds_every_waiting_request_and_nothing_decided(app):
    with app.app_context():
        last_week = factories.visit("pending", submitted_at=NOW - timedelta(days=7))
        this_morning = factories.visit("pending", submitted_at=NOW - timedelta(hours=1))
        for status in ("approved", "denied", "cancelled", "expired", "checked_out", "reported"):
            factories.visit(status, submitted_at=NOW - timedelta(hours=2), decided_at=NOW - timedelta(hours=1))
        assert visit_queries.pending(db.session) == [last_week, this_morning]
