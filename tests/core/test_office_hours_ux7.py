"""Office hours (ux7): the kiosk takes a new request from opening until closing time, WIB; before
opening it is closed just as after closing. The clock is always passed in."""
from __future__ import annotations

from datetime import date, datetime, time, timezone

import pytest

from lpsedesk import office_hours
from lpsedesk import settings as office
from lpsedesk.clock import wib_at
from lpsedesk.extensions import db

DAY = date(2026, 12, 2)  # a Wednesday
HOURS = office_hours.OfficeHours(time(7, 30), time(16, 0))


def wib(h: int, m: int = 0, s: int = 0) -> datetime:
    return wib_at(DAY, time(h, m, s))


@pytest.mark.parametrize("h, m, s, state", [
    (0, 30, 0, "before_opening"),   # just after midnight WIB, 17:30 UTC the day before
    (7, 29, 59, "before_opening"),
    (7, 30, 0, "open"),
    (12, 0, 0, "open"),
    (15, 59, 59, "open"),
    (16, 0, 0, "after_closing"),    # the visitor of the issue: the guest book filled after 16:00
    (16, 1, 0, "after_closing"),
    (23, 59, 0, "after_closing"),
])
def test_the_office_takes_new_visits_from_opening_until_closing_time_in_wib(h, m, s, state):
    assert HOURS.state(wib(h, m, s)) == state
    assert HOURS.is_open(wib(h, m, s)) == (state == "open")


def test_the_hours_are_read_in_wib_not_in_utc():
    # 09:30 UTC is 16:30 WIB: closed, although 09:30 on a UTC clock is mid-morning.
    assert HOURS.state(datetime(2026, 12, 2, 9, 30, tzinfo=timezone.utc)) == "after_closing"
    # 01:00 UTC is 08:00 WIB: open.
    assert HOURS.is_open(datetime(2026, 12, 2, 1, 0, tzinfo=timezone.utc))


def test_the_start_screen_changes_at_the_next_opening_or_closing():
    assert HOURS.next_change(wib(6)) == wib(7, 30)
    assert HOURS.next_change(wib(10)) == wib(16)
    # ux9: after closing the screen looks again at midnight, when "closed at 16:00" becomes "not open yet"
    assert HOURS.next_change(wib(16)) == wib_at(date(2026, 12, 3), time(0))
    assert HOURS.next_change(wib(23, 59)) == wib_at(date(2026, 12, 3), time(0))
    assert HOURS.next_change(wib_at(date(2026, 12, 3), time(0))) == wib_at(date(2026, 12, 3), time(7, 30))


def test_a_new_visit_after_closing_time_is_refused_naming_the_hours(app):
    with app.app_context():
        with pytest.raises(office_hours.OfficeClosed) as refused:
            office_hours.check_new_visit(db.session, wib(16, 1))
        assert refused.value.state == "after_closing" and refused.value.code == "office_closed"
        assert refused.value.hours.text() == "07:30\u201316:00"
        assert office_hours.check_new_visit(db.session, wib(9)) == HOURS


def test_the_hours_the_admin_set_are_the_ones_asked(app):
    with app.app_context():
        office.put(db.session, "office_open", "08:00")
        office.put(db.session, "office_close", "15:00")
        db.session.commit()
        assert office_hours.from_settings(db.session) == office_hours.OfficeHours(time(8), time(15))
        with pytest.raises(office_hours.OfficeClosed) as refused:
            office_hours.check_new_visit(db.session, wib(7, 45))
        assert refused.value.state == "before_opening"
        with pytest.raises(office_hours.OfficeClosed):
            office_hours.check_new_visit(db.session, wib(15, 30))
        office_hours.check_new_visit(db.session, wib(14, 59))


def test_the_last_half_hour_is_closing_soon_and_a_closed_office_is_not():
    from datetime import timedelta

    half = timedelta(minutes=30)
    assert not HOURS.closes_soon(wib(15, 29), half)
    assert HOURS.closes_soon(wib(15, 30), half) and HOURS.closes_soon(wib(15, 59), half)
    assert not HOURS.closes_soon(wib(16, 0), half) and not HOURS.closes_soon(wib(7), half)
