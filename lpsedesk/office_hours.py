"""Office hours: when the kiosk takes a new request to use a facility. Plain Python; the caller
passes the clock.

The office is open from opening time (inclusive) to closing time (exclusive), WIB. Before opening
it is closed just as after closing: nobody is there to approve, and a request submitted after
closing time would be expired by the expiry job (visit_ops.expire_pending) within a minute.
Checking out is not bound to hours: a visitor still inside leaves at any hour (SOP step 6).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy.orm import Session

from . import settings as office
from .clock import to_wib, wib_at, wib_date
from .visit_ops import parse_hhmm
from .workflow import WorkflowError

OPEN, BEFORE_OPENING, AFTER_CLOSING = "open", "before_opening", "after_closing"


class OfficeClosed(WorkflowError):
    """A new visit outside office hours; `state` says before opening or after closing."""

    code = "office_closed"

    def __init__(self, hours: "OfficeHours", state: str) -> None:
        super().__init__("The office is closed.")
        self.hours, self.state = hours, state


@dataclass(frozen=True)
class OfficeHours:
    opens: time
    closes: time

    def state(self, now: datetime) -> str:
        at = to_wib(now).time()
        if at < self.opens:
            return BEFORE_OPENING
        return OPEN if at < self.closes else AFTER_CLOSING

    def is_open(self, now: datetime) -> bool:
        return self.state(now) == OPEN

    def next_change(self, now: datetime) -> datetime:
        """When the office next opens or closes (UTC): the kiosk's start screen changes then."""
        day = wib_date(now)
        for moment in (wib_at(day, self.opens), wib_at(day, self.closes),
                       wib_at(day + timedelta(days=1), self.opens)):
            if moment > now:
                return moment
        raise AssertionError("opening time tomorrow is always later")  # pragma: no cover

    def closes_soon(self, now: datetime, within: timedelta) -> bool:
        """Open, and closing within `within`: a guest book begun now may not be sent in time."""
        return self.is_open(now) and wib_at(wib_date(now), self.closes) - now <= within

    def text(self) -> str:
        return f"{self.opens:%H:%M}\u2013{self.closes:%H:%M}"


def from_settings(session: Session) -> OfficeHours:
    """The Admin's office hours (Settings > Office), 07:30-16:00 when unset or unreadable."""
    opens = parse_hhmm(office.get(session, "office_open"), str(office.DEFAULTS["office_open"]))
    closes = parse_hhmm(office.get(session, "office_close"), str(office.DEFAULTS["office_close"]))
    return OfficeHours(opens, closes)


def check_new_visit(session: Session, now: datetime) -> OfficeHours:
    """Raise OfficeClosed unless a new visit may be requested at `now`; the hours otherwise."""
    hours = from_settings(session)
    state = hours.state(now)
    if state != OPEN:
        raise OfficeClosed(hours, state)
    return hours
