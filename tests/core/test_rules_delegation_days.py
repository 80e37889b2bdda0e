"""A Plh./Plt. decides for the Kasubag only on the WIB days the Admin named (docs/staff.md, README).

Expectations from the SOP's words: the Kasubag (or whoever stands in for the Kasubag, named for a
range of dates, "a.n." the Kasubag) grants or refuses; outside the named days, after a revocation,
or once the Kasubag's own account is closed, the delegate is the helpdesk member they always were.
The office's days are WIB days: 17:00 UTC is already the next day's midnight in Jakarta.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from lpsedesk.auth import actor_for
from lpsedesk.extensions import db
from lpsedesk.models import Delegation, User
from lpsedesk.roles import Role

FIRST, LAST = date(2026, 12, 7), date(2026, 12, 9)  # Monday to Wednesday


def _wib(day: date, hour: int, minute: int = 0) -> datetime:
    """`hour:minute` WIB on `day`, as the aware UTC moment the server sees."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=timezone.utc) - timedelta(hours=7)


@pytest.fixture
def named(app):
    """Rina (helpdesk) named Plh. for Bambang (Kasubag) from FIRST to LAST; yields (rina, delegation)."""
    with app.app_context():
        rina = User(username="rina", full_name="Rina Helpdesk", password_hash="-")
        bambang = User(username="bambang", full_name="Bambang Kasubag", password_hash="-")
        rina.set_roles({Role.HELPDESK})
        bambang.set_roles({Role.KASUBAG})
        db.session.add_all([rina, bambang])
        db.session.flush()
        row = Delegation(delegate_id=rina.id, principal_id=bambang.id, title="Plh.", starts_on=FIRST, ends_on=LAST)
        db.session.add(row)
        db.session.commit()
        yield rina, row


def _decides(user: User, at: datetime) -> bool:
    return actor_for(db.session, user, at).has(Role.KASUBAG)


def test_a_delegate_decides_on_the_first_and_the_last_named_day_from_morning_to_night(named):
    rina, _ = named
    for day in (FIRST, LAST):
        for hour in (0, 8, 23):
            assert _decides(rina, _wib(day, hour)), (day, hour)
    actor = actor_for(db.session, rina, _wib(LAST, 16))
    assert actor.on_behalf_of_label == "Bambang Kasubag"
    assert actor.signature == "Rina Helpdesk a.n. Bambang Kasubag"


def test_a_delegate_cannot_decide_the_day_before_the_delegation_starts(named):
    rina, _ = named
    assert not _decides(rina, _wib(FIRST - timedelta(days=1), 10))
    assert not _decides(rina, _wib(FIRST - timedelta(days=1), 23, 59))


def test_a_delegate_cannot_decide_the_day_after_the_delegation_ends(named):
    rina, _ = named
    assert not _decides(rina, _wib(LAST + timedelta(days=1), 0, 1))
    assert not _decides(rina, _wib(LAST + timedelta(days=7), 10))


def test_the_named_days_are_wib_days_so_17_utc_is_already_the_next_day(named):
    rina, _ = named
    # 16:59 UTC on the day before FIRST is 23:59 WIB, still the day before; 17:00 UTC is FIRST 00:00 WIB.
    eve = FIRST - timedelta(days=1)
    assert not _decides(rina, datetime(eve.year, eve.month, eve.day, 16, 59, tzinfo=timezone.utc))
    assert _decides(rina, datetime(eve.year, eve.month, eve.day, 17, 0, tzinfo=timezone.utc))
    # And at the end: 17:00 UTC on LAST is the next WIB day, after the delegation.
    assert _decides(rina, datetime(LAST.year, LAST.month, LAST.day, 16, 59, tzinfo=timezone.utc))
    assert not _decides(rina, datetime(LAST.year, LAST.month, LAST.day, 17, 0, tzinfo=timezone.utc))


def test_a_revoked_delegate_no_longer_decides_even_within_the_named_days(named):
    rina, row = named
    row.revoked_at = _wib(FIRST, 9)
    db.session.commit()
    assert not _decides(rina, _wib(FIRST, 10))


def test_a_delegate_no_longer_decides_once_the_kasubag_they_stand_in_for_is_deactivated(named):
    rina, row = named
    row.principal.active = False
    db.session.commit()
    assert not _decides(rina, _wib(FIRST, 10))


def test_outside_the_named_days_the_delegate_keeps_only_the_helpdesk_role(named):
    rina, _ = named
    actor = actor_for(db.session, rina, _wib(LAST + timedelta(days=1), 10))
    assert actor.roles == frozenset({Role.HELPDESK})
    assert actor.on_behalf_of_id is None and actor.signature == "Rina Helpdesk"
