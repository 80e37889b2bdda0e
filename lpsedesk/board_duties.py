"""The helpdesk board's duties: who needs a follow-up (h25b). Plain Python, no Flask; the board's
view and template ask here.

SOP 1 ends with the helpdesk: check the visitor out, see the guest book complete and report the
finished visit to the Kasubag. Nobody is checked out automatically, so a visitor still inside when the
office is not open is for the helpdesk to find.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from . import office_hours, visit_stay
from .clock import wib_date
from .models import Visit

# Why visitors still inside need finding now. Before opening, and during office hours, only those
# let in on an earlier day do: the board said "after closing time" at 07:00 on a Saturday (h25b).
AFTER_CLOSING, DAY_OFF, EARLIER_DAY = "after_closing", "day_off", "earlier_day"


@dataclass(frozen=True)
class FollowUp:
    why: str                 # AFTER_CLOSING, DAY_OFF or EARLIER_DAY
    visits: list[Visit]


def follow_up(inside: list[Visit], hours: office_hours.OfficeHours, now: datetime) -> FollowUp | None:
    """Visitors still inside who must be found (nobody is checked out automatically), and why; None
    when there is nobody to find."""
    state = hours.state(now)
    if state in (office_hours.AFTER_CLOSING, office_hours.DAY_OFF):
        found, why = inside, (AFTER_CLOSING if state == office_hours.AFTER_CLOSING else DAY_OFF)
    else:
        today = wib_date(now)
        found = [v for v in inside if (start := visit_stay.began(v)) is not None and wib_date(start) < today]
        why = EARLIER_DAY
    return FollowUp(why, found) if found else None
