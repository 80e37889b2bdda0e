"""The staff lists' order, as the staff read it (hand-planted mutants, mu11; docs/mutation.md).

docs/staff.md: the Kasubag's queue lists waiting requests "oldest first" (a visitor who came first is
decided first); the helpdesk board's "Inside now" holds the visitors let in, and the one let in
earliest (inside longest, the nearest to the end of what was permitted) leads it. The rows are made
in neither time order nor its reverse: a list sorted by the row's id, either way, fails here.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from lpsedesk import visit_queries
from lpsedesk.extensions import db

from .. import factories

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=timezone.utc)  # Monday 10.00 WIB


def _made(status: str, name: str, **times):
    return factories.visit(status, visitor=factories.visitor(full_name=name), **times)


def test_the_queue_lists_the_request_that_came_first_first(app):
    with app.app_context():
        for name, minutes in (("DATANG KEDUA", 20), ("DATANG PERTAMA", 30), ("DATANG KETIGA", 5)):
            _made("pending", name, submitted_at=NOW - timedelta(minutes=minutes))
        assert [v.visitor.full_name for v in visit_queries.pending(db.session)] == [
            "DATANG PERTAMA", "DATANG KEDUA", "DATANG KETIGA"]


def test_inside_now_leads_with_the_visitor_let_in_earliest(app):
    with app.app_context():
        # submitted in the other order: the stay begins with the permission, not at the kiosk
        for name, minutes in (("MASUK KEDUA", 30), ("MASUK PERTAMA", 50), ("MASUK KETIGA", 10)):
            _made("approved", name, submitted_at=NOW - timedelta(hours=2, minutes=-minutes),
                  decided_at=NOW - timedelta(minutes=minutes))
        assert [v.visitor.full_name for v in visit_queries.inside_now(db.session)] == [
            "MASUK PERTAMA", "MASUK KEDUA", "MASUK KETIGA"]
