"""Creating invitations, deciding them in advance, cancelling them, and when one may be used.

Errors are machine codes per field ({"phone": "phone_format"}) like the kiosk's guest book, so the
screens say them in the user's language and a batch import names each row's problems.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import audit
from ..checkin import PHONE, clean_phone
from ..field_problems import FieldProblems
from ..models import Invitation, InvitationStatus, VisitorCategory
from ..nik import parse_nik
from ..roles import Actor, Role
from ..seen_text import seen_text
from ..workflow import InvalidTransition, MissingReason, NotAllowed, WorkflowError
from . import codes

S = InvitationStatus
# A window longer than a working week is a mistake in the form, not a training.
MAX_WINDOW = timedelta(days=7)
MAX_REASON = 500


class InvitationError(FieldProblems):
    """The invitation as given has problems; `.fields` maps field name to an error code."""


@dataclass
class InvitationDraft:
    """One expected visitor, as typed on the form or read from a row of the participants' file."""

    full_name: str = ""
    phone: str = ""
    institution: str = ""
    category: str = ""
    purpose: str = ""
    facility: str = ""
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    nik: str = ""
    purpose_detail: str = ""
    event_name: str = ""


def _squash(text: str) -> str:
    """One line as people read it: a participants' file pasted from a letter brings zero-width and
    control characters the kiosk's own guest book no longer keeps (h46f)."""
    return " ".join(seen_text(text or "").split())


def validate(draft: InvitationDraft, *, purposes: list[dict], facilities: list[dict],
             now: datetime | None = None) -> dict[str, str]:
    """Every problem at once (a batch row lists all of its problems, not the first)."""
    errors: dict[str, str] = {}
    name = _squash(draft.full_name)
    if len(name) < 2:
        errors["full_name"] = "required"
    elif len(name) > 120:
        errors["full_name"] = "too_long"
    phone = clean_phone(draft.phone)
    if not phone:
        errors["phone"] = "required"
    elif not PHONE.match(phone):
        errors["phone"] = "phone_format"
    institution = _squash(draft.institution)
    if not institution:
        errors["institution"] = "required"
    elif len(institution) > 160:
        errors["institution"] = "too_long"
    if draft.category not in {c.value for c in VisitorCategory}:
        errors["category"] = "choose"
    if draft.purpose not in {p.get("key") for p in purposes}:
        errors["purpose"] = "choose"
    elif draft.purpose == "other" and not draft.purpose_detail.strip():
        errors["purpose_detail"] = "required"
    if len(draft.purpose_detail or "") > 500:
        errors["purpose_detail"] = "too_long"
    if draft.facility not in {f.get("key") for f in facilities}:
        errors["facility"] = "choose"
    if draft.nik.strip():
        info = parse_nik(draft.nik)
        if not info.valid:
            errors["nik"] = f"nik_{info.error}"
    if len(_squash(draft.event_name)) > 120:
        errors["event_name"] = "too_long"
    now = now or datetime.now(timezone.utc)
    if draft.starts_at is None or draft.ends_at is None:
        errors["window"] = "required"
    elif draft.ends_at <= draft.starts_at:
        errors["window"] = "window_order"
    elif draft.ends_at - draft.starts_at > MAX_WINDOW:
        errors["window"] = "window_too_long"
    elif draft.ends_at <= now:
        errors["window"] = "window_past"
    return errors


def build(draft: InvitationDraft, created_by: Actor | None) -> Invitation:
    """A new open invitation from a validated draft (not yet added to a session)."""
    selector, verifier = codes.new_parts()
    return Invitation(
        selector=selector, verifier=verifier, full_name=_squash(draft.full_name).upper(),
        nik=parse_nik(draft.nik).nik if draft.nik.strip() else None, phone=clean_phone(draft.phone),
        institution=_squash(draft.institution), category=draft.category, purpose=draft.purpose,
        purpose_detail=draft.purpose_detail.strip() or None, facility=draft.facility,
        starts_at=draft.starts_at, ends_at=draft.ends_at, event_name=_squash(draft.event_name) or None,
        status=S.OPEN.value, created_by_id=created_by.user_id if created_by else None)


def create(session: Session, actor: Actor, draft: InvitationDraft, *, purposes: list[dict],
           facilities: list[dict], now: datetime | None = None) -> Invitation:
    """Helpdesk or Admin invites one visitor. Raises InvitationError with every field problem."""
    _require_desk(actor)
    errors = validate(draft, purposes=purposes, facilities=facilities, now=now)
    if errors:
        raise InvitationError(errors)
    invitation = build(draft, actor)
    session.add(invitation)
    session.flush()
    audit.record(session, actor, "invitation.created", invitation, at=now,
                 details={"event": invitation.event_name, "facility": invitation.facility})
    return invitation


def _require_desk(actor: Actor) -> None:
    # SOP: the helpdesk and the Admin LPSE register expected visitors.
    if not actor.has(Role.HELPDESK, Role.ADMIN):
        raise NotAllowed()


def decide(session: Session, invitation: Invitation, decision: str, actor: Actor, *, reason: str = "",
           now: datetime | None = None) -> None:
    """The Kasubag approves or refuses in advance (SOP 1 step 4, taken before the visit)."""
    if not actor.has(Role.KASUBAG):
        raise NotAllowed()
    target = {"approve": S.APPROVED, "deny": S.REFUSED}.get(decision)
    if target is None:
        raise InvalidTransition("Unknown state %(state)s.", state=decision)
    now = now or datetime.now(timezone.utc)
    if invitation.status != S.OPEN or invitation.ends_at <= now:
        raise InvalidTransition(current=invitation.status, target=target.value)
    reason = (reason or "").strip()
    if target == S.REFUSED and not reason:
        raise MissingReason()
    if len(reason) > MAX_REASON:
        raise WorkflowError("The reason is too long.", code="too_long")
    invitation.status = target.value
    invitation.decided_at = now
    invitation.decided_by_id = actor.user_id
    invitation.decided_by_label = actor.signature[:120]
    invitation.decision_reason = reason or None
    details: dict = {"to": target.value}
    if reason:
        details["reason"] = reason
    audit.record(session, actor, f"invitation.{target.value}", invitation, at=now, details=details)


def cancel(session: Session, invitation: Invitation, actor: Actor, *, now: datetime | None = None) -> None:
    """The desk withdraws an invitation that has not been used."""
    _require_desk(actor)
    if invitation.status in (S.USED, S.CANCELLED):
        raise InvalidTransition(current=invitation.status, target=S.CANCELLED.value)
    now = now or datetime.now(timezone.utc)
    invitation.status = S.CANCELLED.value
    invitation.cancelled_at = now
    audit.record(session, actor, "invitation.cancelled", invitation, at=now)


def find_by_code(session: Session, raw: str) -> Invitation | None:
    """The invitation a scanned, typed or linked code names, or None (a wrong verifier is None too)."""
    parts = codes.parse(raw)
    if parts is None:
        return None
    selector, verifier = parts
    invitation = session.scalars(select(Invitation).where(Invitation.selector == selector)).first()
    if invitation is None or not codes.verifier_matches(invitation.verifier, verifier):
        return None
    return invitation


def code(invitation: Invitation) -> str:
    return codes.code_of(invitation.selector, invitation.verifier)


def use_problem(invitation: Invitation, now: datetime | None = None) -> str | None:
    """Why this invitation cannot be used at the kiosk now, or None.

    "used", "cancelled", "refused", "too_early", "too_late": each has its own message at the kiosk,
    and the visitor then fills the guest book the normal way.
    """
    now = now or datetime.now(timezone.utc)
    if invitation.status == S.USED or invitation.visit_id is not None:
        return "used"
    if invitation.status == S.CANCELLED:
        return "cancelled"
    if invitation.status == S.REFUSED:
        return "refused"
    if now < invitation.starts_at:
        return "too_early"
    if now >= invitation.ends_at:
        return "too_late"
    return None


def _letters(name: str) -> str:
    return re.sub(r"[^A-Z]", "", (name or "").upper())


def identity_problem(invitation: Invitation, *, nik: str, full_name: str) -> str | None:
    """Whether the person at the kiosk is the one invited: the NIK must be the invitation's when it
    was given, else the name must be (case, spaces and punctuation aside). None when it matches."""
    if invitation.nik:
        return None if parse_nik(nik).nik == invitation.nik else "nik_mismatch"
    return None if _letters(full_name) == _letters(invitation.full_name) else "name_mismatch"
