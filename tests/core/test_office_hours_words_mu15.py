"""The kiosk's closed screen and the board's notice said in words (lpsedesk/office_hours_text.py, docs/kiosk.md:
the office's days and hours are WIB): on a day off early in the morning, before 07:00 WIB, the message names
today's weekday in WIB (the UTC date is still yesterday), and "opens again" gives the opening time."""
from __future__ import annotations

from datetime import datetime, time, timezone

from lpsedesk.office_hours import OfficeHours
from lpsedesk.office_hours_text import closed_message, next_opening_text, staff_notice

HOURS = OfficeHours(opens=time(7, 30), closes=time(16, 0))
# Saturday 5 December 2026, 06:00 WIB = Friday 4 December 2026, 23:00 UTC
SATURDAY_DAWN = datetime(2026, 12, 4, 23, 0, tzinfo=timezone.utc)


def test_a_day_off_before_seven_wib_is_named_by_its_wib_weekday(app):
    with app.test_request_context("/?lang=id"):
        message = closed_message(HOURS, "day_off", SATURDAY_DAWN)
        assert "Sabtu" in message and "Jumat" not in message
        assert "Sabtu" in staff_notice(HOURS, SATURDAY_DAWN)
    with app.test_request_context("/?lang=en"):
        assert "Saturday" in closed_message(HOURS, "day_off", SATURDAY_DAWN)


def test_opens_again_names_the_next_office_day_and_the_opening_time(app):
    with app.test_request_context("/?lang=en"):
        text = next_opening_text(HOURS, SATURDAY_DAWN)
        assert "Monday, 7 December 2026" in text and "07:30" in text and "16:00" not in text
