"""Office hours and days as the Admin stores them, and what a refusal carries (mu5: rules that a
deliberate bug in lpsedesk/office_hours.py left untested). Expectations from the settings page's
words: office days are weekdays Monday..Sunday, any of them; holidays are dates; unset or
unreadable values fall back to 07:30-16:00, Monday to Friday, no holidays."""
from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from lpsedesk import office_hours
from lpsedesk import settings as office
from lpsedesk.clock import wib_at
from lpsedesk.extensions import db

WEDNESDAY = date(2026, 12, 2)
MON_FRI = {0, 1, 2, 3, 4}


def test_an_office_open_every_day_of_the_week_is_kept_as_set():
    assert office_hours.office_days([0, 1, 2, 3, 4, 5, 6]) == {0, 1, 2, 3, 4, 5, 6}
    assert office_hours.office_days([5, 6]) == {5, 6}


@pytest.mark.parametrize("stored", [[7], [0, 1, 7], [-1], ["x"], None, [], "senin"])
def test_days_that_are_no_weekday_fall_back_to_monday_to_friday(stored):
    assert office_hours.office_days(stored) == MON_FRI


def test_an_unreadable_holiday_does_not_hide_the_ones_after_it():
    stored = [{"date": "2026-12-24", "name": "Cuti bersama"}, {"date": "25/12/2026"}, {"name": "no date"},
              "2026-12-26", {"date": "2026-12-31", "name": "Cuti bersama"}, {"date": "2026-12-25", "name": "Natal"}]
    assert [h.day for h in office_hours.holidays(stored)] == [date(2026, 12, 24), date(2026, 12, 25), date(2026, 12, 31)]


@pytest.mark.parametrize("stored", [None, "2026-12-25", {"date": "2026-12-25"}, 20261225])
def test_holidays_not_stored_as_a_list_mean_none(stored):
    assert office_hours.holidays(stored) == ()


def test_unreadable_stored_hours_fall_back_to_half_past_seven_until_four(app):
    with app.app_context():
        office.put(db.session, "office_open", "jam delapan")
        office.put(db.session, "office_close", "25:99")
        db.session.commit()
        hours = office_hours.from_settings(db.session)
        assert (hours.opens, hours.closes) == (time(7, 30), time(16, 0))


def test_a_refusal_carries_the_moment_it_was_asked_for_the_kiosk_to_name_the_next_opening(app):
    asked = wib_at(WEDNESDAY, time(16, 5))
    with app.app_context():
        with pytest.raises(office_hours.OfficeClosed) as refused:
            office_hours.check_new_visit(db.session, asked)
    assert refused.value.now == asked
    assert refused.value.hours.next_opening(refused.value.now) == wib_at(WEDNESDAY + timedelta(days=1), time(7, 30))


def test_at_the_moment_of_opening_the_next_opening_is_the_next_office_day():
    hours = office_hours.OfficeHours(time(7, 30), time(16, 0))
    opening = wib_at(WEDNESDAY, time(7, 30))
    assert hours.next_opening(opening) == wib_at(WEDNESDAY + timedelta(days=1), time(7, 30))
    # A second before, it is this morning's.
    assert hours.next_opening(opening - timedelta(seconds=1)) == opening
