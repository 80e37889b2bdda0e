"""Statistics figures at the edges docs/reports.md ("Statistics") states (hand-planted mutants, mu13):
"remote-access requests recorded in the period by status, and the accounts open now (status
active, whatever the period)"."""
from __future__ import annotations

from datetime import date, datetime, timezone

from lpsedesk.exports import range_period
from lpsedesk.extensions import db
from lpsedesk.reports.statistics import compute, merged_spellings

from .. import factories


def test_an_account_open_now_counts_whatever_the_period_the_request_was_recorded_in(app):
    with app.app_context():
        factories.remote_request("active", recorded_at=datetime(2026, 9, 1, 3, 0, tzinfo=timezone.utc))
        factories.remote_request("received", recorded_at=datetime(2026, 11, 10, 3, 0, tzinfo=timezone.utc))
        figures = compute(db.session, range_period(date(2026, 11, 1), date(2026, 11, 30)))
        assert figures.remote_requests == 1 and figures.remote_by_status == [("received", 1)]
        assert figures.remote_accounts_open == 1


def test_institutions_beyond_the_top_ten_are_all_summed_as_others():
    # "institution (top 10 counted case-insensitively and in their most common spelling, the rest as
    # "Others")": twelve institutions, the two smallest both in Others.
    counts = [(f"Dinas {chr(65 + i)}", 20 - i) for i in range(12)] + [("dinas  a", 1)]
    ranked = merged_spellings(counts)
    assert ranked[0] == ("Dinas A", 21)
    assert [name for name, _n in ranked[:10]] == [f"Dinas {chr(65 + i)}" for i in range(10)]
    assert ranked[10:] == [("", 10 + 9)]
    assert sum(n for _name, n in ranked) == sum(n for _name, n in counts)
