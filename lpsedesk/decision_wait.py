"""How long today's requests waited for the Kasubag's decision, for the kiosk's waiting screen (h44k).

A visitor waiting for permission (SOP 1) was told only to wait. Where the office's own day allows
it, the waiting screen adds "Biasanya diputuskan dalam sekitar N menit": N is the median, in whole
minutes, from the kiosk's request to the decision, over today's requests the Kasubag decided
(approved or refused; later states of an approval count as the approval). Fewer than
`ENOUGH_DECISIONS` such decisions today say nothing: two quick ones in the morning are no promise.
A withdrawal or an expiry is no decision, and an invitation approved in advance was decided before
the visitor asked, so neither counts. Plain Python and one query; no Flask.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from statistics import median

from sqlalchemy import select
from sqlalchemy.orm import Session

from .clock import wib_date, wib_day_bounds
from .models import Invitation, Visit
from .workflow import VisitStatus

ENOUGH_DECISIONS = 3
V = VisitStatus
# the states a decision leaves a visit in, now or after the visit goes on (approved -> checked out)
DECIDED = (V.APPROVED.value, V.DENIED.value, V.CHECKED_OUT.value, V.REPORTED.value)


def typical_minutes(waits: list[timedelta], *, enough: int = ENOUGH_DECISIONS) -> int | None:
    """The median wait in whole minutes (at least 1), or None below `enough` waits."""
    if len(waits) < enough:
        return None
    middle = median(w.total_seconds() for w in waits)
    return max(1, round(middle / 60))


def todays_waits(session: Session, now: datetime) -> list[timedelta]:
    """From request to decision, for each request decided today (WIB) by the Kasubag."""
    start, end = wib_day_bounds(wib_date(now))
    # an invitation approved in advance approves its visit at the kiosk, in the same moment it is used
    in_advance = select(Invitation.id).where(Invitation.visit_id == Visit.id,
                                             Invitation.used_at == Visit.decided_at).exists()
    rows = session.execute(select(Visit.submitted_at, Visit.decided_at).where(
        Visit.decided_at >= start, Visit.decided_at < end, Visit.status.in_(DECIDED), ~in_advance))
    return [decided - submitted for submitted, decided in rows if decided >= submitted]


def typical_wait(session: Session, now: datetime) -> int | None:
    """The minutes the waiting screen may name today, or None."""
    return typical_minutes(todays_waits(session, now))
