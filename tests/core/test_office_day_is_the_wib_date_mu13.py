"""Which day it is for the office is the WIB date, not the UTC one (hand-planted mutants, mu13).

README: the kiosk takes new visits in office hours, WIB (UTC+7), "whatever the machine's own time
zone", on office days (Monday to Friday by default) that are not holidays. From 00:00 to 07:00 WIB
the UTC date is still the day before: a Monday morning is Sunday in UTC, a Saturday morning Friday.
"""
from __future__ import annotations

from datetime import date, time

from lpsedesk.clock import wib_at
from lpsedesk.office_hours import BEFORE_OPENING, DAY_OFF, Holiday, OfficeHours

HOURS = OfficeHours(time(7, 30), time(16, 0), holidays=(Holiday(date(2026, 12, 25), "Hari Raya Natal"),))


def test_early_on_a_monday_the_office_is_not_yet_open_though_it_is_still_sunday_in_utc():
    monday_six = wib_at(date(2026, 12, 7), time(6, 0))  # Sunday 23:00 UTC
    assert HOURS.state(monday_six) == BEFORE_OPENING


def test_early_on_a_saturday_or_a_holiday_the_office_is_off_though_utc_says_the_day_before():
    assert HOURS.state(wib_at(date(2026, 12, 5), time(6, 0))) == DAY_OFF  # Saturday; Friday 23:00 UTC
    assert HOURS.state(wib_at(date(2026, 12, 25), time(5, 0))) == DAY_OFF  # Christmas; the 24th in UTC
