"""A visit's step taken a second time by another member of staff (two PCs, two Kasubag): the 409 names
who recorded it first and when (admin/recorded_once.py), read from the visit as it now stands."""
from __future__ import annotations

from lpsedesk.errors import user_error
from lpsedesk.models import Visit
from lpsedesk.workflow import VisitStatus

from ..recorded_once import VISIT_APPROVED, VISIT_REFUSED, first_recorded


def already_done(visit: Visit, step: str):
    """The named 409 for `step` if `visit` already records it, else None (the caller's own error stands)."""
    named = first_recorded(visit, step)
    return user_error(409, named) if named else None


def already_decided(visit: Visit) -> str | None:
    """The Kasubag's decision someone else recorded first (another Kasubag, another PC), or None for a
    request no Kasubag decided (withdrawn, expired: said as before)."""
    if visit.status in (VisitStatus.CANCELLED, VisitStatus.EXPIRED, VisitStatus.PENDING):
        return None
    return first_recorded(visit, VISIT_REFUSED if visit.status == VisitStatus.DENIED else VISIT_APPROVED)
