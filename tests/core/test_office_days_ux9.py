"""Office days and holidays (ux9): Indonesian local government offices work Monday to Friday, and
not on libur nasional or cuti bersama. The kiosk takes a new visit only on an office day that is
not a holiday, within the hours; a request left from a day off expires. The clock is passed in."""
from __future__ import annotations

from datetime import date, datetime, time
from types import SimpleNamespace

import pytest

from lpsedesk import board_duties, office_hours, settings_rules, visit_ops
from lpsedesk import settings as office
from lpsedesk.clock import wib_at
from lpsedesk.extensions import db
from lpsedesk.settings_rules import SettingError
from tests import factories

HOURS = office_hours.OfficeHours(time(7, 30), time(16, 0))
CHRISTMAS = office_hours.Holiday(date(2026, 12, 25), "Hari Raya Natal")  # a Friday
WITH_CHRISTMAS = office_hours.OfficeHours(time(7, 30), time(16, 0), holidays=(CHRISTMAS,))


def wib(day: int, h: int, m: int = 0, month: int = 12) -> datetime:
    return wib_at(date(2026, month, day), time(h, m))


def test_a_saturday_at_ten_is_closed_and_a_monday_at_ten_is_open():
    assert HOURS.state(wib(5, 10)) == "day_off"       # Saturday 5 December 2026
    assert HOURS.state(wib(6, 10)) == "day_off"       # Sunday
    assert HOURS.state(wib(7, 10)) == "open"          # Monday
    assert HOURS.state(wib(4, 10)) == "open"          # Friday


def test_a_holiday_on_a_weekday_is_closed_all_day():
    assert WITH_CHRISTMAS.state(wib(25, 10)) == "day_off"
    assert WITH_CHRISTMAS.state(wib(25, 7)) == "day_off"
    assert WITH_CHRISTMAS.holiday(date(2026, 12, 25)) == CHRISTMAS
    assert WITH_CHRISTMAS.state(wib(24, 10)) == "open"


def test_the_next_opening_skips_the_weekend_and_holidays():
    assert HOURS.next_opening(wib(4, 16, 30)) == wib(7, 7, 30)   # Friday after closing -> Monday
    assert HOURS.next_opening(wib(5, 10)) == wib(7, 7, 30)       # Saturday -> Monday
    assert HOURS.next_opening(wib(7, 6)) == wib(7, 7, 30)        # Monday before opening -> today
    # Christmas Friday, then the weekend: Monday 28 December
    assert WITH_CHRISTMAS.next_opening(wib(24, 17)) == wib(28, 7, 30)


def test_an_office_with_no_office_day_never_opens():
    nowhere = office_hours.OfficeHours(time(7, 30), time(16), days=frozenset())
    assert nowhere.state(wib(7, 10)) == "day_off" and nowhere.next_opening(wib(7, 10)) is None


def test_on_a_day_off_the_start_screen_looks_again_at_midnight():
    assert HOURS.next_change(wib(5, 10)) == wib(6, 0)            # Saturday -> Sunday midnight
    assert HOURS.next_change(wib(6, 23)) == wib(7, 0)            # Sunday -> Monday midnight
    assert HOURS.next_change(wib(7, 0)) == wib(7, 7, 30)         # Monday midnight -> opening
    assert HOURS.next_change(wib(4, 16, 30)) == wib(5, 0)        # Friday after closing -> Saturday


def test_the_admins_days_make_a_saturday_an_office_day():
    six_days = office_hours.OfficeHours(time(7, 30), time(16), days=frozenset(range(6)))
    assert six_days.state(wib(5, 10)) == "open" and six_days.state(wib(6, 10)) == "day_off"


def test_the_board_follow_up_counts_a_day_off_as_past_closing():
    # Nobody is checked out automatically: on a Saturday, and on a Monday from closing time, whoever
    # is still inside is to be found; on a Monday morning a visitor let in that morning is not.
    def inside(day: int, h: int):
        return SimpleNamespace(status="approved", decided_at=wib(day, h), decision_told_at=wib(day, h))  # let in (h36d)

    saturday, monday = inside(5, 9), inside(7, 9)
    assert board_duties.follow_up([saturday], HOURS, wib(5, 10)).visits == [saturday]
    assert board_duties.follow_up([monday], HOURS, wib(7, 10)) is None
    assert board_duties.follow_up([monday], HOURS, wib(7, 16)).visits == [monday]


def test_a_request_from_a_day_off_expires_and_one_from_an_office_day_waits_for_closing(app):
    with app.app_context():
        office.put(db.session, "holidays", [{"date": "2026-12-24", "name": "Cuti bersama"}])
        on_holiday = factories.visit(submitted_at=wib(24, 9))   # came in before the Admin entered the holiday
        monday = factories.visit(submitted_at=wib(28, 9))
        assert visit_ops.expire_pending(db.session, now=wib(24, 9, 1)) == [on_holiday]
        assert visit_ops.expire_pending(db.session, now=wib(28, 15, 59)) == []
        assert visit_ops.expire_pending(db.session, now=wib(28, 16)) == [monday]


def test_the_settings_give_monday_to_friday_and_no_holidays_until_the_admin_sets_them(app):
    with app.app_context():
        hours = office_hours.from_settings(db.session)
        assert hours.days == frozenset({0, 1, 2, 3, 4}) and hours.holidays == ()
        office.put(db.session, "office_days", [0, 1, 2, 3, 4, 5])
        office.put(db.session, "holidays", [{"date": "2026-12-25", "name": "Hari Raya Natal"}, {"date": "bogus"}])
        hours = office_hours.from_settings(db.session)
        assert hours.days == frozenset(range(6)) and hours.holidays == (CHRISTMAS,)
        with pytest.raises(office_hours.OfficeClosed) as refused:
            office_hours.check_new_visit(db.session, wib(25, 10))
        assert refused.value.state == "day_off"
        assert office_hours.check_new_visit(db.session, wib(26, 10))  # a Saturday, now an office day


def test_unreadable_office_days_fall_back_to_monday_to_friday():
    for stored in (None, "weekdays", [], [9], ["x"]):
        assert office_hours.office_days(stored) == frozenset(range(5))


def test_the_admin_types_holidays_day_first_with_an_optional_name():
    typed = "25/12/2026 Hari Raya Natal\n\n 24-12-2026   Cuti  bersama \n01/01/2027"
    assert settings_rules.clean_holidays(typed) == [
        {"date": "2026-12-24", "name": "Cuti bersama"}, {"date": "2026-12-25", "name": "Hari Raya Natal"},
        {"date": "2027-01-01", "name": ""}]
    assert settings_rules.holidays_text(settings_rules.clean_holidays(typed)) == (
        "24/12/2026 Cuti bersama\n25/12/2026 Hari Raya Natal\n01/01/2027")


@pytest.mark.parametrize("typed, code", [
    ("Natal 25/12/2026", "bad_holiday"), ("31/02/2026 Tidak ada", "bad_holiday"),
    ("25/12/2026 Natal\n25-12-2026 Natal lagi", "duplicate_holiday"), ("25/12/2026 " + "x" * 81, "label_too_long"),
])
def test_a_holiday_that_cannot_be_read_is_refused_with_its_line(typed, code):
    with pytest.raises(SettingError) as refused:
        settings_rules.clean_holidays(typed)
    assert refused.value.code == code and refused.value.key == "holidays"


def test_at_least_one_office_day_is_kept():
    assert settings_rules.clean_office_days(["4", "0", "2"]) == [0, 2, 4]
    with pytest.raises(SettingError) as refused:
        settings_rules.clean_office_days(["7", "x"])
    assert refused.value.code == "no_office_day"
