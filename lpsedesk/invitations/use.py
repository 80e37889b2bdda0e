"""An invitation used at the kiosk: it becomes the visit, once; approved in advance, the visit starts
approved (SOP 1 step 4 was taken by the Kasubag before the visit, and the audit log says so)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import audit
from ..checkin import PLANNED_MINUTES
from ..models import Invitation, InvitationStatus, Visit
from ..roles import Actor, Role
from ..workflow import InvalidInput, InvalidTransition, VisitStatus, check_transition, transition
from .rules import identity_problem, use_problem


class InvitationNotUsable(Exception):
    """The invitation cannot be used now; `code` says why (used, too_late, nik_mismatch, ...)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def planned_minutes(invitation: Invitation, now: datetime | None = None) -> int:
    """The kiosk's "how long" choice that covers the rest of the window (the longest if none does)."""
    now = now or datetime.now(timezone.utc)
    left = (invitation.ends_at - now).total_seconds() / 60
    return next((m for m in PLANNED_MINUTES if m >= left), PLANNED_MINUTES[-1])


def check(invitation: Invitation, *, nik: str, full_name: str, now: datetime | None = None) -> None:
    """Raise InvitationNotUsable unless this person may use this invitation now."""
    problem = use_problem(invitation, now) or identity_problem(invitation, nik=nik, full_name=full_name)
    if problem:
        raise InvitationNotUsable(problem)


def _approver(invitation: Invitation) -> Actor:
    # The Kasubag (or the Plh./Plt. signing for them) who approved in advance is the visit's decider.
    return Actor(kind="user", id=invitation.decided_by_id, label=invitation.decided_by_label or "-",
                 roles=frozenset({Role.KASUBAG}))


def held_for_kasubag(visit: Visit, approver: Actor) -> str | None:
    """Why an advance approval cannot stand at check-in, so the Kasubag decides the visit again.

    A watch-list match must reach the Kasubag flagged (issue 15: a match never decides by itself,
    and an approval given before the match was known is no decision on it); a restricted facility
    is approved only with an escort, which an invitation does not name.
    """
    if visit.watch_entry_id is not None:
        return "watch_list"
    try:
        check_transition(visit, VisitStatus.APPROVED.value, approver)
    except InvalidInput as exc:
        return exc.code
    return None


def attach(session: Session, invitation: Invitation, visit: Visit, actor: Actor, *,
           now: datetime | None = None) -> None:
    """Mark the invitation used by `visit` (just submitted, pending) and, if the Kasubag approved it
    in advance, approve the visit now on that decision. The caller has run `check` and commits."""
    now = now or datetime.now(timezone.utc)
    if use_problem(invitation, now) or visit.status != VisitStatus.PENDING:
        raise InvalidTransition(current=invitation.status,
                                target=InvitationStatus.USED.value)
    approved_in_advance = invitation.status == InvitationStatus.APPROVED
    approver = _approver(invitation)
    held = held_for_kasubag(visit, approver) if approved_in_advance else None
    invitation.status = InvitationStatus.USED.value
    invitation.used_at = now
    invitation.visit_id = visit.id
    audit.record(session, actor, "invitation.used", invitation, at=now,
                 details={"visit": visit.id, "ticket": visit.ticket_code, "approved_in_advance": approved_in_advance,
                          "held_for_kasubag": held})
    if not approved_in_advance or held:
        return
    event = transition(visit, VisitStatus.APPROVED.value, approver, now=now)
    visit.approved_until = now + timedelta(minutes=visit.planned_minutes)
    event.details.update({
        "via": "invitation", "invitation": invitation.id, "approver": invitation.decided_by_label,
        "approved_in_advance_at": invitation.decided_at.isoformat() if invitation.decided_at else None,
    })
    audit.record_transition(session, event)


def release(session: Session, visit: Visit, actor: Actor, *, now: datetime | None = None) -> Invitation | None:
    """The visit an invitation became was withdrawn before any decision: the invitation is free again,
    as it was before its use (approved in advance stays approved), so the visitor can come back with
    the same code. None when the visit came from no invitation. The caller commits."""
    invitation = session.scalars(select(Invitation).where(Invitation.visit_id == visit.id)).first()
    if invitation is None:
        return None
    # Only an open invitation is ever decided, and a refused one is never used: a decision on a used
    # invitation was an approval in advance.
    invitation.status = (InvitationStatus.APPROVED if invitation.decided_at else InvitationStatus.OPEN).value
    invitation.used_at = None
    invitation.visit_id = None
    audit.record(session, actor, "invitation.released", invitation, at=now,
                 details={"visit": visit.id, "ticket": visit.ticket_code, "status": invitation.status})
    return invitation
