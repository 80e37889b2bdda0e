"""h38b: the morning's digest of SOP 2 lists the answers given since the one printed before it. It is
printed on office days (Monday to Friday unless the Admin sets others, not on holidays), and looked back
only to the start of yesterday: Monday's print missed what was told on Friday and Saturday. It looks
back to the start (00.00 WIB) of the last office day before today."""
from __future__ import annotations

from datetime import date, datetime, time, timezone

from lpsedesk.clock import WIB
from lpsedesk.office_hours import Holiday, OfficeHours
from lpsedesk.remote_ops import digest_since

MONDAY_TO_FRIDAY = OfficeHours(time(7, 30), time(16, 0))


def wib(*args: int) -> datetime:
    return datetime(*args, tzinfo=WIB).astimezone(timezone.utc)


def test_monday_mornings_digest_looks_back_to_friday_morning():
    # Monday 7 December 2026, 08.00 WIB: Friday 4 December began at 00.00 WIB
    assert digest_since(MONDAY_TO_FRIDAY, wib(2026, 12, 7, 8, 0)) == wib(2026, 12, 4, 0, 0)


def test_a_digest_printed_just_after_midnight_on_monday_still_reaches_friday():
    assert digest_since(MONDAY_TO_FRIDAY, wib(2026, 12, 7, 0, 5)) == wib(2026, 12, 4, 0, 0)


def test_tuesdays_digest_looks_back_to_monday_morning():
    assert digest_since(MONDAY_TO_FRIDAY, wib(2026, 12, 8, 8, 0)) == wib(2026, 12, 7, 0, 0)


def test_the_day_after_a_holiday_looks_back_past_it_and_the_weekend():
    # Friday 25 December 2026 is Christmas: Monday 28 December looks back to Thursday 24 December
    hours = OfficeHours(time(7, 30), time(16, 0), holidays=(Holiday(date(2026, 12, 25), "Hari Raya Natal"),))
    assert digest_since(hours, wib(2026, 12, 28, 8, 0)) == wib(2026, 12, 24, 0, 0)


def test_an_office_open_on_saturdays_looks_back_to_saturday_on_monday():
    hours = OfficeHours(time(7, 30), time(16, 0), days=frozenset(range(6)))
    assert digest_since(hours, wib(2026, 12, 7, 8, 0)) == wib(2026, 12, 5, 0, 0)


def test_a_digest_printed_on_a_sunday_looks_back_to_friday():
    assert digest_since(MONDAY_TO_FRIDAY, wib(2026, 12, 6, 9, 0)) == wib(2026, 12, 4, 0, 0)


def test_with_no_office_day_at_all_it_looks_back_to_yesterday():
    hours = OfficeHours(time(7, 30), time(16, 0), days=frozenset())
    assert digest_since(hours, wib(2026, 12, 7, 8, 0)) == wib(2026, 12, 6, 0, 0)
