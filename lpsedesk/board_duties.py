"""The helpdesk board's duties: who needs a follow-up, and what calls for the helpdesk next (h25b).
Plain Python, no Flask; the board's view and template ask here.

SOP 1 ends with the helpdesk: check the visitor out, see the guest book complete and report the
finished visit to the Kasubag. On a phone the board's sections stack, and "to report" lay some
1,700 px down; the summary at its top names each duty with its count, in the order the helpdesk acts.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from . import decision_told, office_hours, visit_stay
from .clock import wib_date
from .models import Visit

# Why visitors still inside need finding now. Before opening, and during office hours, only those
# let in on an earlier day do: the board said "after closing time" at 07:00 on a Saturday (h25b).
AFTER_CLOSING, DAY_OFF, EARLIER_DAY = "after_closing", "day_off", "earlier_day"

# The board's sections in the order they call for the helpdesk: visitors to find first, then the
# Kasubag's decisions the desk has still to act on (h37c: the visitor stands at the desk for the answer;
# the band at the board's top, `to-tell`), then requests
# whose original KTP the desk has still to see (SOP 1 step 2: the visitor stands at the desk with it),
# then finished visits to report (the SOP's last step, and nobody else's), then requests waiting only
# for the Kasubag, then who is inside (to watch).
FOLLOW_UP, CHECK_KTP, TO_REPORT, PENDING, INSIDE = "follow-up", "check-ktp", "to-report", "pending", "inside"
TO_TELL = "to-tell"


@dataclass(frozen=True)
class FollowUp:
    why: str                 # AFTER_CLOSING, DAY_OFF or EARLIER_DAY
    visits: list[Visit]

    @property
    def never_let_in(self) -> bool:
        """Whether some of them were approved and never let in (h37c): then "still inside" alone is
        not true of the list (h38a)."""
        return any(decision_told.not_let_in(v) for v in self.visits)


@dataclass(frozen=True)
class Duty:
    key: str                 # also the id of the board's section it leads to
    count: int


def to_find(inside: list[Visit], to_tell: list[Visit]) -> list[Visit]:
    """Whom a follow-up may have to name: the visitors inside and the approved ones never let in (h37c:
    after closing the band still showed them, the follow-up did not; nobody knew whether they had gone
    home or were still in the building, and their visit stays open until checked out). A refusal still
    to tell is the band's alone: that visit is closed."""
    return inside + [v for v in to_tell if decision_told.not_let_in(v)]


def came(visit: Visit) -> datetime | None:
    """Since when a visitor to find has been here, as the follow-up shows it: the let-in for one inside
    (h38a: "since" is the desk's let-in, not the approval), the approval for one never let in."""
    return decision_told.let_in_at(visit) or visit_stay.began(visit)


def follow_up(inside: list[Visit], hours: office_hours.OfficeHours, now: datetime) -> FollowUp | None:
    """Visitors still inside (or approved and never let in: `to_find`) who must be found (nobody is
    checked out automatically), and why; None when there is nobody to find."""
    state = hours.state(now)
    if state in (office_hours.AFTER_CLOSING, office_hours.DAY_OFF):
        found, why = inside, (AFTER_CLOSING if state == office_hours.AFTER_CLOSING else DAY_OFF)
    else:
        today = wib_date(now)
        found = [v for v in inside if (start := came(v)) is not None and wib_date(start) < today]
        why = EARLIER_DAY
    return FollowUp(why, found) if found else None


def split_pending(pending: list[Visit]) -> tuple[list[Visit], list[Visit]]:
    """(requests whose original KTP the helpdesk has still to check, requests waiting only for the
    Kasubag). SOP 1: the visitor shows a valid KTP and the helpdesk then asks the Kasubag, so an
    unchecked request is the desk's to act on whatever the office's "KTP first" setting (h26u: the
    board counted it as "waiting for a decision", as if nothing were left to the desk)."""
    return [v for v in pending if v.ktp_checked_at is None], [v for v in pending if v.ktp_checked_at is not None]


def unchecked_inside(inside: list[Visit]) -> list[Visit]:
    """Visitors inside whose original KTP the desk has not checked: with "KTP first" off the Kasubag may
    grant a request before the desk has seen the card, and the check is still the desk's to make while
    the visitor is here (after the check-out it can no longer be made). The board counted only the
    waiting requests, so "0 KTP to check" stood above a visitor inside with an unchecked KTP."""
    return [v for v in inside if v.ktp_checked_at is None]


def unchecked_at_desk(to_tell: list[Visit]) -> list[Visit]:
    """Approved visitors still at the desk whose original KTP the desk has not checked (h38a): SOP 1 checks
    the KTP before the visitor goes in, and with "KTP first" off the Kasubag may grant before the desk
    saw the card. The summary counted those inside and the waiting requests, not them."""
    return [v for v in to_tell if decision_told.not_let_in(v) and v.ktp_checked_at is None]


def unchecked_granted(inside: list[Visit], to_tell: list[Visit]) -> list[Visit]:
    """The approved visitors whose KTP the desk has still to check, at the desk first (the check comes
    before their let-in), then inside; each visitor once (one at the desk is not let in, one inside is)."""
    return unchecked_at_desk(to_tell) + unchecked_inside(inside)


def duties(*, follow_up: FollowUp | None, check_ktp: list[Visit], to_report: list[Visit], waiting: list[Visit],
           inside: list[Visit], to_tell: list[Visit] = ()) -> list[Duty]:
    """The summary's items, most pressing first; a follow-up only when there is one, and the decisions
    to act on only when there are any (like the band they lead to, which is there only then: on a
    360 px phone the summary already takes two lines). "KTP to check" counts the waiting requests'
    unchecked KTPs and those of approved visitors, at the desk or already inside."""
    found = [Duty(FOLLOW_UP, len(follow_up.visits))] if follow_up else []
    found += [Duty(TO_TELL, len(to_tell))] if to_tell else []
    to_check = len(check_ktp) + len(unchecked_granted(inside, list(to_tell)))
    return found + [Duty(CHECK_KTP, to_check), Duty(TO_REPORT, len(to_report)), Duty(PENDING, len(waiting)),
                    Duty(INSIDE, len(inside))]
