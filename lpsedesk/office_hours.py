"""Office hours: when the kiosk takes a new request to use a facility. Plain Python; the caller
passes the clock.

The office is open on its office days (Monday to Friday unless the Admin sets others) that are not
holidays (libur nasional, cuti bersama: dates the Admin enters), from opening time (inclusive) to
closing time (exclusive), WIB. Before opening it is closed just as after closing and all day on a
day off: nobody is there to approve, and a request left undecided by closing time of its day is
expired by the expiry job (visit_ops.expire_pending). Checking out is not bound to hours: a visitor
still inside leaves at any hour (SOP step 6).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from . import settings as office
from .clock import parse_hhmm, to_wib, wib_at, wib_date
from .workflow import WorkflowError

OPEN, BEFORE_OPENING, AFTER_CLOSING, DAY_OFF = "open", "before_opening", "after_closing", "day_off"
MONDAY_TO_FRIDAY = frozenset(range(5))  # date.weekday(): Monday is 0
# How far ahead the next opening is looked for: a year of holidays cannot hide every office day.
LOOK_AHEAD_DAYS = 400


class OfficeClosed(WorkflowError):
    """A new visit outside office hours; `state` says before opening, after closing or a day off."""

    code = "office_closed"

    def __init__(self, hours: "OfficeHours", state: str, now: datetime) -> None:
        super().__init__("The office is closed.")
        self.hours, self.state, self.now = hours, state, now


@dataclass(frozen=True)
class Holiday:
    """A date the office is closed although it is an office day (libur nasional, cuti bersama)."""

    day: date
    name: str = ""


@dataclass(frozen=True)
class OfficeHours:
    opens: time
    closes: time
    days: frozenset[int] = MONDAY_TO_FRIDAY
    holidays: tuple[Holiday, ...] = ()

    def holiday(self, day: date) -> Holiday | None:
        return next((h for h in self.holidays if h.day == day), None)

    def is_office_day(self, day: date) -> bool:
        return day.weekday() in self.days and self.holiday(day) is None

    def state(self, now: datetime) -> str:
        if not self.is_office_day(wib_date(now)):
            return DAY_OFF
        at = to_wib(now).time()
        if at < self.opens:
            return BEFORE_OPENING
        return OPEN if at < self.closes else AFTER_CLOSING

    def is_open(self, now: datetime) -> bool:
        return self.state(now) == OPEN

    def closing_time(self, day: date) -> datetime | None:
        """Closing time (UTC) of `day`, a WIB date; None on a day off."""
        return wib_at(day, self.closes) if self.is_office_day(day) else None

    def decision_deadline(self, submitted_at: datetime) -> datetime:
        """Until when a request sent at `submitted_at` can be decided: closing time of its day. On a
        day off nobody is there to decide, so at once."""
        return self.closing_time(wib_date(submitted_at)) or submitted_at

    def next_opening(self, now: datetime) -> datetime | None:
        """The next moment (UTC) the office opens after `now`; None if no office day comes within
        LOOK_AHEAD_DAYS (no office day set, or all of them holidays)."""
        today = wib_date(now)
        for n in range(LOOK_AHEAD_DAYS):
            day = today + timedelta(days=n)
            if self.is_office_day(day) and (moment := wib_at(day, self.opens)) > now:
                return moment
        return None

    def last_office_day_before(self, day: date) -> date | None:
        """The office day before `day` (Friday for a Monday, the day before a holiday for the day after
        it); None if none came within LOOK_AHEAD_DAYS."""
        earlier = (day - timedelta(days=n) for n in range(1, LOOK_AHEAD_DAYS + 1))
        return next((d for d in earlier if self.is_office_day(d)), None)

    def next_change(self, now: datetime) -> datetime:
        """When the kiosk's start screen next changes (UTC): opening, closing, or the next midnight (a
        new date: after closing becomes before opening, or a day off), whichever comes first."""
        today = wib_date(now)
        moments = [wib_at(today + timedelta(days=1), time(0))]
        moments += [m for m in (self.next_opening(now), self.closing_time(today)) if m is not None and m > now]
        return min(moments)

    def closes_soon(self, now: datetime, within: timedelta) -> bool:
        """Open, and closing within `within`: a guest book begun now may not be sent in time."""
        closing = self.closing_time(wib_date(now))
        return self.is_open(now) and closing is not None and closing - now <= within

    def text(self) -> str:
        return f"{self.opens:%H:%M}\u2013{self.closes:%H:%M}"


def office_days(value: object) -> frozenset[int]:
    """The stored office days (weekday numbers, Monday 0); Monday to Friday when unset or unreadable."""
    try:
        days = frozenset(int(d) for d in value)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return MONDAY_TO_FRIDAY
    return days if days and days <= set(range(7)) else MONDAY_TO_FRIDAY


def holidays(value: object) -> tuple[Holiday, ...]:
    """The stored holidays ([{"date": "2026-12-25", "name": "..."}]), sorted; unreadable rows skipped."""
    found = []
    for row in value if isinstance(value, list) else []:
        try:
            found.append(Holiday(date.fromisoformat(str(row["date"])), str(row.get("name") or "")))
        except (TypeError, ValueError, KeyError, AttributeError):
            continue
    return tuple(sorted(found, key=lambda h: h.day))


def from_settings(session: Session) -> OfficeHours:
    """The Admin's office hours, days and holidays (Settings > Office); 07:30-16:00, Monday to Friday,
    no holidays when unset or unreadable."""
    opens = parse_hhmm(office.get(session, "office_open"), str(office.DEFAULTS["office_open"]))
    closes = parse_hhmm(office.get(session, "office_close"), str(office.DEFAULTS["office_close"]))
    return OfficeHours(opens, closes, office_days(office.get(session, "office_days")),
                       holidays(office.get(session, "holidays")))


def check_new_visit(session: Session, now: datetime) -> OfficeHours:
    """Raise OfficeClosed unless a new visit may be requested at `now`; the hours otherwise."""
    hours = from_settings(session)
    state = hours.state(now)
    if state != OPEN:
        raise OfficeClosed(hours, state, now)
    return hours
