"""When a visit began and how long it lasted (SOP 1). Plain Python, no Flask.

SOP 1: the visitor fills the guest book at the kiosk, waits for the Kasubag's permission, and only
then uses the facility; the helpdesk reports the visit finished after the check-out. The visit itself
begins with the permission (the approval's `decided_at`: the Kasubag's decision, or the check-in of
an invitation approved in advance), not at the kiosk's submission, which is the visitor's arrival.
The visit report (21:34-21:36, 2 min), the statistics and the queue ask here; the board's "sejak" is
the desk's let-in since h38a (decision_told.let_in_at), not this. A visitor approved who left
without ever being let in (h40p: "Pergi tanpa masuk", or the kiosk's check-out of one still at the
desk) had no visit: no start and no stay, "tidak masuk" on the screens and in the exports.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from .clock import to_the_minute
from .decision_told import left_without_coming_in
from .models import Visit
from .workflow import VisitStatus

# The states of a visit that was let in (it may have left since).
LET_IN = (VisitStatus.APPROVED, VisitStatus.CHECKED_OUT, VisitStatus.REPORTED)


def began(visit: Visit) -> datetime | None:
    """When the visitor was let in: the approval. None for a visit never let in (waiting, refused,
    withdrawn, expired, or gone without being let in), whatever its `decided_at` says. An approved
    visitor still at the desk keeps the approval: the follow-up's "since" for one never let in."""
    if visit.status not in LET_IN or left_without_coming_in(visit):
        return None
    return visit.decided_at


def stay(visit: Visit) -> timedelta | None:
    """From the start to the check-out, reckoned from the two minutes as they are shown (clock.
    to_the_minute), so the time written beside the two times is their difference. None until both are
    known, and for a visitor who left without being let in (h40p: no visit took place)."""
    start = began(visit)
    if start is None or visit.checked_out_at is None:
        return None
    return max(timedelta(0), to_the_minute(visit.checked_out_at) - to_the_minute(start))
