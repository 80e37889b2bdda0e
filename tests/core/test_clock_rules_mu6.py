"""clock: the rules mutation testing (mu6) showed untested; expectations from the documents.

README: times are stored in UTC and shown in WIB (Asia/Jakarta, UTC+7, no daylight saving); dates and
times are typed day first with a 24-hour WIB clock (`25/12/2026 14:30`), and every screen, slip and
document writes a time the way the staff type it (HH:MM, ux9). The office day is the WIB calendar day.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from lpsedesk import clock

UTC = timezone.utc


def test_a_time_is_written_on_the_24_hour_wib_clock_and_nothing_when_there_is_no_time():
    assert clock.clock_text(datetime(2026, 12, 2, 14, 1, tzinfo=UTC)) == "21:01"
    assert clock.clock_text(datetime(2026, 12, 2, 0, 5, 59, tzinfo=UTC)) == "07:05"
    assert clock.clock_text(None) == ""
    assert clock.clock_text(None, "-") == "-"


def test_the_office_day_turns_at_midnight_wib_which_is_17_00_utc():
    assert clock.wib_date(datetime(2026, 12, 1, 16, 59, 59, tzinfo=UTC)) == date(2026, 12, 1)
    assert clock.wib_date(datetime(2026, 12, 1, 17, 0, tzinfo=UTC)) == date(2026, 12, 2)
    assert clock.wib_today(datetime(2026, 12, 1, 17, 30, tzinfo=UTC)) == date(2026, 12, 2)
    # Without a moment, today is today's WIB day.
    assert clock.wib_today() == (datetime.now(UTC) + timedelta(hours=7)).date()
    assert clock.to_wib(datetime(2026, 12, 1, 17, 30, tzinfo=UTC)).replace(tzinfo=None) == datetime(2026, 12, 2, 0, 30)


def test_a_wib_day_runs_from_its_midnight_to_the_next_in_utc():
    start, end = clock.wib_day_bounds(date(2026, 12, 2))
    assert (start, end) == (datetime(2026, 12, 1, 17, 0, tzinfo=UTC), datetime(2026, 12, 2, 17, 0, tzinfo=UTC))
    assert clock.wib_at(date(2026, 12, 2), time(7, 30)) == datetime(2026, 12, 2, 0, 30, tzinfo=UTC)


def test_a_time_typed_in_wib_is_stored_in_utc_and_shown_back_to_the_minute():
    typed = datetime(2026, 12, 2, 7, 30)  # what a WIB wall clock shows, no zone given
    stored = clock.local_to_utc(typed)
    assert stored == datetime(2026, 12, 2, 0, 30, tzinfo=UTC) and stored.utcoffset() == timedelta(0)
    assert clock.local_to_utc(None) is None
    shown = clock.utc_to_local(datetime(2026, 12, 2, 0, 30, 42, 123456, tzinfo=UTC))
    assert shown == datetime(2026, 12, 2, 7, 30) and shown.tzinfo is None
    assert (shown.second, shown.microsecond) == (0, 0)
    assert clock.utc_to_local(None) is None


def test_a_stored_clock_time_is_hours_and_minutes_and_an_unreadable_one_falls_back():
    assert clock.parse_hhmm("07:30", "08:00") == time(7, 30)
    assert clock.parse_hhmm("16:05", "08:00") == time(16, 5)
    for unreadable in ("7", "", None, "07:30:00", "25:00", "ab:cd", 730):
        assert clock.parse_hhmm(unreadable, "16:00") == time(16, 0), unreadable


def test_a_typed_time_is_stored_in_utc_whatever_zone_the_server_is_set_to():
    """README: stored in UTC. A server set to WITA (UTC+8) must not store a WITA time."""
    import os
    import time as system_time

    old = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Makassar"
    system_time.tzset()
    try:
        stored = clock.local_to_utc(datetime(2026, 12, 2, 7, 30))
        assert stored.utcoffset() == timedelta(0) and stored == datetime(2026, 12, 2, 0, 30, tzinfo=UTC)
    finally:
        if old is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old
        system_time.tzset()
