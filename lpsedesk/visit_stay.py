"""When a visit began and how long it lasted (SOP 1). Plain Python, no Flask.

SOP 1: the visitor fills the guest book at the kiosk, waits for the Kasubag's permission, and only
then uses the facility; the helpdesk reports the visit finished after the check-out. The visit itself
begins with the permission (the approval's `decided_at`: the Kasubag's decision, or the check-in of
an invitation approved in advance), not at the kiosk's submission, which is the visitor's arrival.
The visit report (21:34-21:36, 2 min), the statistics and the queue ask here; the board's "sejak" is
the desk's let-in since h38a (decision_told.let_in_at), not this.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from .clock import to_the_minute
from .models import Visit
from .workflow import VisitStatus

# The states of a visit that was let in (it may have left since).
LET_IN = (VisitStatus.APPROVED, VisitStatus.CHECKED_OUT, VisitStatus.REPORTED)


def began(visit: Visit) -> datetime | None:
    """When the visitor was let in: the approval. None for a visit never let in (waiting, refused,
    withdrawn, expired), whatever its `decided_at` says."""
    return visit.decided_at if visit.status in LET_IN else None


def stay(visit: Visit) -> timedelta | None:
    """From the start to the check-out, reckoned from the two minutes as they are shown (clock.
    to_the_minute), so the time written beside the two times is their difference. None until both are known."""
    start = began(visit)
    if start is None or visit.checked_out_at is None:
        return None
    return max(timedelta(0), to_the_minute(visit.checked_out_at) - to_the_minute(start))
