"""docs/restricted.md: a watch-list entry applies up to its last day (WIB, inclusive); from the next
day on it no longer matches. The kiosk's test of an expired entry used one two days old, so an entry
dropped a day early, or a day counted in UTC, passed it."""
from __future__ import annotations

from datetime import date, datetime, timezone

from lpsedesk import watchlist
from lpsedesk.extensions import db
from lpsedesk.roles import SYSTEM_ACTOR, Actor, Role

from .. import factories

NIK = "3373024107900001"  # the factories' visitor
LAST_DAY = date(2026, 12, 10)
ADMIN = Actor("user", None, "Ani", frozenset({Role.ADMIN}))


def _entry() -> None:
    watchlist.add(db.session, ADMIN, watchlist.EntryInput(nik=NIK, reason="Pernah merusak perangkat",
                                                          expires_on=LAST_DAY), today=date(2026, 12, 1))
    db.session.commit()


def test_an_entry_still_matches_on_its_last_day(app):
    with app.app_context():
        _entry()
        assert len(watchlist.matches(db.session, NIK, "", "", today=LAST_DAY)) == 1
        assert watchlist.matches(db.session, NIK, "", "", today=date(2026, 12, 11)) == []


def test_a_visitor_flagged_late_on_the_last_wib_day_and_not_just_after_its_midnight(app):
    with app.app_context():
        _entry()
        # 23.50 WIB on the last day is 16.50 UTC: still flagged.
        late = factories.visit(submitted_at=datetime(2026, 12, 10, 16, 50, tzinfo=timezone.utc))
        assert watchlist.screen(db.session, late, SYSTEM_ACTOR, now=late.submitted_at)
        assert late.watch_reason == "Pernah merusak perangkat"
        # 00.10 WIB the next day is still 10 December in UTC: no longer flagged.
        next_day = factories.visit(submitted_at=datetime(2026, 12, 10, 17, 10, tzinfo=timezone.utc))
        assert watchlist.screen(db.session, next_day, SYSTEM_ACTOR, now=next_day.submitted_at) == []
        assert next_day.watch_entry_id is None
