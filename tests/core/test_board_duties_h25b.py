"""h25b: the helpdesk's next duties on the board, as SOP 1 gives them: visitors still inside to find
first, then finished visits to report to the Kasubag, then requests waiting, then who is inside. The
follow-up says why, at the hour it is read: after closing, on a day off, or since an earlier day."""
from __future__ import annotations

from datetime import date, datetime, time
from types import SimpleNamespace

from lpsedesk import board_duties, office_hours
from lpsedesk.clock import wib_at

HOURS = office_hours.OfficeHours(time(7, 30), time(16, 0))  # Monday to Friday
FRIDAY, SATURDAY, MONDAY = date(2026, 12, 4), date(2026, 12, 5), date(2026, 12, 7)


def let_in(at: datetime) -> SimpleNamespace:
    # the desk saw the KTP (h28k) and let the visitor in (h36d) when the Kasubag approved
    return SimpleNamespace(status="approved", decided_at=at, ktp_checked_at=at, decision_told_at=at)


def test_the_summary_puts_reporting_before_waiting_requests_and_who_is_inside():
    inside = [let_in(wib_at(MONDAY, time(9)))]
    duties = board_duties.duties(follow_up=None, check_ktp=[], to_report=[1, 2], waiting=[3, 4, 5], inside=inside)
    assert [(d.key, d.count) for d in duties] == [("check-ktp", 0), ("to-report", 2), ("pending", 3), ("inside", 1)]


def test_visitors_to_find_come_first_and_only_when_there_are_any():
    found = board_duties.FollowUp(board_duties.AFTER_CLOSING, [let_in(wib_at(MONDAY, time(15)))])
    duties = board_duties.duties(follow_up=found, check_ktp=[], to_report=[], waiting=[], inside=found.visits)
    assert [(d.key, d.count) for d in duties] == [("follow-up", 1), ("check-ktp", 0), ("to-report", 0), ("pending", 0),
                                                  ("inside", 1)]


def test_a_saturday_morning_is_a_day_off_not_after_closing():
    friday = let_in(wib_at(FRIDAY, time(14)))
    found = board_duties.follow_up([friday], HOURS, wib_at(SATURDAY, time(7)))
    assert found.why == board_duties.DAY_OFF and found.visits == [friday]


def test_before_opening_only_a_visitor_from_an_earlier_day_is_to_find():
    friday, early = let_in(wib_at(FRIDAY, time(15))), let_in(wib_at(MONDAY, time(6, 50)))
    found = board_duties.follow_up([friday, early], HOURS, wib_at(MONDAY, time(7)))
    assert found.why == board_duties.EARLIER_DAY and found.visits == [friday]
    assert board_duties.follow_up([early], HOURS, wib_at(MONDAY, time(7))) is None


def test_in_office_hours_nobody_let_in_today_is_to_find_and_after_closing_everyone_is():
    today = let_in(wib_at(MONDAY, time(9)))
    assert board_duties.follow_up([today], HOURS, wib_at(MONDAY, time(15, 59))) is None
    found = board_duties.follow_up([today], HOURS, wib_at(MONDAY, time(16)))
    assert found.why == board_duties.AFTER_CLOSING and found.visits == [today]
