"""A visit's step taken a second time by another member of staff (two PCs, two Kasubag): the 409 names
who recorded it first and when (admin/recorded_once.py), read from the visit as it now stands."""
from __future__ import annotations

from lpsedesk.errors import user_error
from lpsedesk.models import Visit
from lpsedesk.workflow import VisitStatus

from ..recorded_once import (ACKNOWLEDGED, CHECKED_OUT, KTP_CHECKED, REPORTED, VISIT_APPROVED, VISIT_REFUSED,
                             already_recorded)
from .common import user_name


def _stamp(visit: Visit, step: str):
    """(who, when) of `step` on `visit`, or None while it is not recorded."""
    if step == KTP_CHECKED:
        return visit.ktp_checked_at and (user_name(visit.ktp_checked_by_id), visit.ktp_checked_at)
    if step == CHECKED_OUT:
        # a kiosk's check-out carries the kiosk's label, not a staff member's id
        return visit.checked_out_at and (user_name(visit.checked_out_by_id) or visit.checked_out_by_label or "",
                                         visit.checked_out_at)
    if step == REPORTED:
        return visit.reported_at and (user_name(visit.reported_by_id), visit.reported_at)
    if step == ACKNOWLEDGED:
        return visit.acknowledged_at and (user_name(visit.acknowledged_by_id), visit.acknowledged_at)
    return None


def already_done(visit: Visit, step: str):
    """The named 409 for `step` if `visit` already records it, else None (the caller's own error stands)."""
    stamp = _stamp(visit, step)
    return user_error(409, already_recorded(step, *stamp)) if stamp else None


def already_decided(visit: Visit) -> str | None:
    """The Kasubag's decision someone else recorded first (another Kasubag, another PC), or None for a
    request no Kasubag decided (withdrawn, expired: said as before)."""
    if visit.decided_at is None or visit.status in (VisitStatus.CANCELLED, VisitStatus.EXPIRED, VisitStatus.PENDING):
        return None
    step = VISIT_REFUSED if visit.status == VisitStatus.DENIED else VISIT_APPROVED
    return already_recorded(step, visit.decided_by_label or user_name(visit.decided_by_id), visit.decided_at)
