"""SOP 1's last step: the helpdesk reports the finished visit to the Kasubag, who reads it once
(hand-planted mutants, mu9; docs/mutation.md).

docs/staff.md: the Kasubag's queue lists "reports from the helpdesk ... (acknowledge one, or all
those on screen at once)"; `visit_ops.shown_status`: an acknowledged report is finished, "no longer
waiting as reported". So the reports waiting for the Kasubag are those reported and not yet read:
not a visit still to be reported, not a report already acknowledged.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from lpsedesk import visit_ops, visit_queries
from lpsedesk.extensions import db
from lpsedesk.roles import Actor, Role

from .. import factories
from .test_rules_visit_ops import staff_user

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=timezone.utc)  # Monday 10.00 WIB


@pytest.fixture
def kasubag(app):
    with app.app_context():
        yield Actor("user", staff_user("bambang"), "Bambang", frozenset({Role.KASUBAG}))


def test_an_acknowledged_report_no_longer_waits_for_the_kasubag(kasubag):
    first = factories.visit("reported", reported_at=NOW - timedelta(hours=2))
    second = factories.visit("reported", reported_at=NOW - timedelta(hours=1))
    assert visit_queries.reported_unacknowledged(db.session) == [first, second]
    visit_ops.acknowledge(db.session, first, kasubag, now=NOW)
    db.session.flush()
    assert visit_queries.reported_unacknowledged(db.session) == [second]
    assert visit_ops.shown_status(first) == "acknowledged" and visit_ops.shown_status(second) == "reported"


def test_a_visit_not_yet_reported_is_not_among_the_reports(kasubag):
    factories.visit("checked_out", checked_out_at=NOW)
    factories.visit("approved")
    assert visit_queries.reported_unacknowledged(db.session) == []


def test_a_reported_visit_is_no_longer_among_the_visits_to_report(kasubag):
    # docs/staff.md, the board: "visits to report with what the guest book still lacks". A visit the
    # helpdesk reported is not one to report again; one checked out yesterday and not reported still is.
    yesterday = factories.visit("checked_out", checked_out_at=NOW - timedelta(days=1))
    today = factories.visit("checked_out", checked_out_at=NOW - timedelta(hours=1))
    factories.visit("reported", checked_out_at=NOW - timedelta(hours=3), reported_at=NOW - timedelta(hours=2))
    factories.visit("approved")
    assert visit_queries.to_report(db.session) == [yesterday, today]
