"""A watch-list entry whose last day is already over in Jakarta is refused, even before 07.00 WIB.

docs/restricted.md: an entry has a last day (WIB, inclusive), and one "in the past" is refused.
The Admin's screen saves with the office's today, which at 01.30 WIB on 2 December is still
1 December in UTC: an entry ending on 1 December would already never match anyone, so it must be
refused then as it is at noon, and one ending on 2 December accepted.
"""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from lpsedesk import clock, watchlist
from lpsedesk.extensions import db
from lpsedesk.roles import Actor, Role

ADMIN = Actor("user", None, "Ani", frozenset({Role.ADMIN}))
NIGHT = datetime(2026, 12, 1, 18, 30, tzinfo=timezone.utc)  # 2 December 2026, 01.30 WIB


@pytest.fixture
def at_night(app, monkeypatch):
    for module in (clock, watchlist):
        monkeypatch.setattr(module, "utcnow", lambda: NIGHT)
    with app.app_context():
        yield


def _entry(last_day: date) -> watchlist.EntryInput:
    return watchlist.EntryInput(nik="3373024107900001", reason="Pernah merusak perangkat", expires_on=last_day)


def test_an_entry_that_ended_yesterday_in_wib_is_refused_after_midnight_wib(at_night):
    with pytest.raises(watchlist.WatchlistError) as refused:
        watchlist.add(db.session, ADMIN, _entry(date(2026, 12, 1)))
    assert refused.value.fields == {"expires_on": "in_the_past"}


def test_an_entry_ending_today_in_wib_is_accepted_after_midnight_wib(at_night):
    entry = watchlist.add(db.session, ADMIN, _entry(date(2026, 12, 2)))
    assert entry.expires_on == date(2026, 12, 2)
