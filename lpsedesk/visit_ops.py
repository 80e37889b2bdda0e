"""SOP 1 at the desk: the Kasubag's decision, the helpdesk's steps 2, 5, 6 and 7, and the expiry job.

Plain Python over a SQLAlchemy session: each function changes the visit, writes its audit event in
the same session and leaves the single commit to the caller (the view, or the job runner).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import audit, decision_told, office_hours, restricted
from .invitations import use as invitation_use
from .clock import parse_hhmm  # noqa: F401 (parse_hhmm: tests ask it here)
from .models import Visit, VisitNote
from .roles import SYSTEM_ACTOR, Actor, Role
from .workflow import (
    InvalidInput, InvalidTransition, MissingReason, NotAllowed, VisitStatus, WorkflowError, allowed_targets,
)

NOTE_KINDS = ("note", "incident")
MAX_NOTE = 2000
DECISIONS = {"approve": VisitStatus.APPROVED, "deny": VisitStatus.DENIED}

# h43w: a request refused, withdrawn or lapsed was never let in: it has no check-out to record.
NEVER_IN = (VisitStatus.DENIED, VisitStatus.CANCELLED, VisitStatus.EXPIRED)

# SOP 1 step 6: the guest book is complete only when each of these holds a value. Keys only here;
# the staff screens give each one its label.
REQUIRED_FIELDS: dict[str, Callable[[Visit], object]] = {
    "full_name": lambda v: v.visitor.full_name,
    "nik": lambda v: v.visitor.nik,
    "phone": lambda v: v.visitor.phone,
    "institution": lambda v: v.visitor.institution,
    "category": lambda v: v.visitor.category,
    "purpose": lambda v: v.purpose,
    "facility": lambda v: v.facility,
    "signature": lambda v: v.signature_key,
    "checked_out_at": lambda v: True if v.status in NEVER_IN else v.checked_out_at,
    # Issue 15: a restricted visit is complete once its devices were checked and it left the area.
    "devices_checked": lambda v: None if restricted.devices_to_check(v) else True,
    "area_left": lambda v: None if v.area_entered_at is not None and v.area_left_at is None else True,
}


class KtpNotChecked(WorkflowError):
    code = "ktp_not_checked"


class AlreadyDone(WorkflowError):
    code = "already_done"


class GuestBookIncomplete(WorkflowError):
    code = "guest_book_incomplete"

    def __init__(self, missing: list[str]) -> None:
        super().__init__("The guest book is incomplete.")
        self.missing = missing


def _now(now: datetime | None) -> datetime:
    return now or datetime.now(timezone.utc)


def _require(actor: Actor, *roles: Role) -> None:
    if not actor.has(*roles):
        raise NotAllowed()


def decide(session: Session, record, decision: str, actor: Actor, *, reason: str = "",
           require_ktp_check: bool = False, escort_id: object = None, now: datetime | None = None):
    """The Kasubag's (or a delegate's) decision on a visit or a remote-access request.

    A restricted visit's approval names its escort (`escort_id`); without one the workflow refuses.
    """
    target = DECISIONS.get(decision)
    if target is None:
        raise InvalidTransition("Unknown state %(state)s.", state=decision)
    now = _now(now)
    if isinstance(record, Visit) and waits_for_ktp_check(record, ktp_first=require_ktp_check):
        raise KtpNotChecked("The helpdesk has not checked the original KTP yet.")
    if (isinstance(record, Visit) and record.restricted and target == VisitStatus.APPROVED
            and escort_id not in (None, "") and record.status == VisitStatus.PENDING):
        restricted.name_escort(session, record, actor, escort_id)
    event = audit.apply_transition(session, record, target.value, actor, reason=reason, now=now)
    if isinstance(record, Visit) and target == VisitStatus.APPROVED:
        record.approved_until = now + timedelta(minutes=record.planned_minutes)
    return event


def ktp_in_person_only(visit: Visit) -> bool:
    """h43n: no KTP photo was taken (the kiosk had no camera): the original KTP shown at the desk is
    the only check of who the visitor is."""
    return bool(visit.no_ktp_photo)


def ktp_check_first(visit: Visit, *, ktp_first: bool) -> bool:
    """Whether this visit reaches the Kasubag only after the helpdesk's KTP check: the office setting
    "KTP first", or always for a visit without a KTP photo (h43n: nothing else shows who it is)."""
    return ktp_first or ktp_in_person_only(visit)


def ktp_checked(visit: Visit) -> bool:
    """Whether the helpdesk has seen this visitor's original KTP (SOP 1), before or after the decision."""
    return visit.ktp_checked_at is not None


# How the visitor's KTP was seen (h44w), as the guest book and its exports write it per visit.
KTP_SEEN_PHOTO = "photo"  # the kiosk's camera took the KTP photo
KTP_SEEN_IN_PERSON = "in_person"  # no photo: the helpdesk checked the original KTP at the desk


def ktp_seen(visit: Visit) -> str | None:
    """How this visitor's KTP was seen (SOP 1): its photo at the kiosk, or, for a visit without one
    (h43n), the original checked in person; None while a visit without a photo still waits for that
    check, since nothing has shown who the visitor is yet."""
    if not ktp_in_person_only(visit):
        return KTP_SEEN_PHOTO
    return KTP_SEEN_IN_PERSON if ktp_checked(visit) else None


def waits_for_ktp_check(visit: Visit, *, ktp_first: bool) -> bool:
    """A pending request that reaches the Kasubag only once the desk has checked the original KTP."""
    return (visit.status == VisitStatus.PENDING and not ktp_checked(visit)
            and ktp_check_first(visit, ktp_first=ktp_first))


def _ktp_check_refusal(visit: Visit, actor: Actor) -> WorkflowError | None:
    if not actor.has(Role.HELPDESK):
        return NotAllowed()
    if visit.status not in (VisitStatus.PENDING, VisitStatus.APPROVED):
        return InvalidTransition(current=visit.status, target="ktp_checked")
    if visit.ktp_checked_at is not None:
        return AlreadyDone("The KTP was already checked.")
    return None


def _note_refusal(visit: Visit, actor: Actor) -> WorkflowError | None:
    if not actor.has(Role.HELPDESK):
        return NotAllowed()
    if visit.status not in (VisitStatus.PENDING, VisitStatus.APPROVED, VisitStatus.CHECKED_OUT):
        return InvalidTransition(current=visit.status, target="note")
    return None


def _acknowledge_refusal(visit: Visit, actor: Actor) -> WorkflowError | None:
    if not actor.has(Role.KASUBAG):
        return NotAllowed()
    if visit.status != VisitStatus.REPORTED:
        return InvalidTransition(current=visit.status, target="acknowledged")
    if visit.acknowledged_at is not None:
        return AlreadyDone("This report was already acknowledged.")
    return None


def available_actions(visit: Visit, actor: Actor, *, ktp_first: bool) -> frozenset[str]:
    """What `actor` may do with `visit` now; the staff screens show exactly these buttons.

    "decide" (grant or refuse), "await_ktp_check" (the Kasubag could decide once the desk has
    checked the KTP), "check_out" (at the desk, or end early), "report", "acknowledge",
    "check_ktp", "add_note", "withdraw" (a waiting request withdrawn for the visitor); for a
    restricted facility also "enter_area", "leave_area", "check_devices" and "let_in_to_area"
    (lpsedesk.restricted). Each follows the same rule as the step it names. An approved visitor not
    yet let in (decision_told.not_let_in) is offered the let-in, the KTP check, a note and the
    check-out of one who left without coming in, not the area nor an early end (h37c); the let-in
    itself is decision_told's (telling_refused).
    """
    moves = allowed_targets(visit, actor)
    actions = set()
    if VisitStatus.APPROVED in moves:
        actions.add("await_ktp_check" if waits_for_ktp_check(visit, ktp_first=ktp_first) else "decide")
    # A restricted visit's devices are checked before the desk checks it out (issue 15).
    if VisitStatus.CHECKED_OUT in moves and actor.has(Role.HELPDESK) and not restricted.devices_to_check(visit):
        actions.add("check_out")
    if VisitStatus.REPORTED in moves:
        actions.add("report")
    if may_withdraw(visit, actor):
        actions.add("withdraw")
    for name, refusal in (("acknowledge", _acknowledge_refusal), ("check_ktp", _ktp_check_refusal),
                          ("add_note", _note_refusal)):
        if refusal(visit, actor) is None:
            actions.add(name)
    actions |= restricted.actions(visit, actor)
    return frozenset(actions)


def check_ktp(session: Session, visit: Visit, actor: Actor, *, now: datetime | None = None) -> None:
    """SOP step 2: the visitor showed the original KTP at the desk and it matches the capture."""
    if problem := _ktp_check_refusal(visit, actor):
        raise problem
    visit.ktp_checked_at = _now(now)
    visit.ktp_checked_by_id = actor.user_id
    audit.record(session, actor, "visit.ktp_checked", visit, at=visit.ktp_checked_at)


def add_note(session: Session, visit: Visit, actor: Actor, body: str, kind: str = "note",
             *, now: datetime | None = None) -> VisitNote:
    """SOP step 5: what the helpdesk saw during the visit; an incident is flagged as such."""
    if problem := _note_refusal(visit, actor):
        raise problem
    body = (body or "").strip()
    if not body:
        raise MissingReason("A note needs some text.", code="note_empty")
    if len(body) > MAX_NOTE:
        raise InvalidInput("A note may hold at most %(n)d characters.", code="note_too_long", n=MAX_NOTE)
    if kind not in NOTE_KINDS:
        kind = "note"
    note = VisitNote(visit=visit, author_id=actor.user_id, kind=kind, body=body, created_at=_now(now))
    session.add(note)
    session.flush()  # the audit event names the note
    audit.record(session, actor, f"visit.{kind}_added", visit, details={"note_id": note.id}, at=note.created_at)
    return note


def check_out(session: Session, visit: Visit, actor: Actor, *, reason: str = "", early: bool = False,
              now: datetime | None = None):
    """SOP step 6 at the desk (the visitor forgot), or step 5's early end, which needs a reason."""
    if early and not (reason or "").strip():
        raise MissingReason()
    if early and decision_told.not_let_in(visit):  # h37c: a visit never begun does not end early; it is left without coming in
        raise decision_told.NotLetIn()
    if restricted.devices_to_check(visit):
        raise restricted.DevicesNotChecked("Check the devices first.")
    event = audit.apply_transition(session, visit, VisitStatus.CHECKED_OUT.value, actor, reason=reason,
                                   now=_now(now))
    event.details = {**event.details, "at_desk": True, **({"early": True} if early else {}),
                     **decision_told.check_out_details(visit)}
    return event


def may_withdraw(visit: Visit, actor: Actor) -> bool:
    """Whether `actor` may withdraw `visit` now: a request still waiting for the Kasubag, withdrawn
    by the visitor at a kiosk or by the helpdesk for them. The Kasubag refuses instead."""
    return VisitStatus.CANCELLED in allowed_targets(visit, actor)


def withdraw(session: Session, visit: Visit, actor: Actor, *, now: datetime | None = None):
    """The visitor no longer waits for the decision (went home, changed plans): pending -> cancelled,
    stamped with who withdrew it and when. Raises the workflow's errors for any other visit.
    An invitation it was made from is freed (ux13): the visitor may change their mind and come back."""
    now = _now(now)  # one moment for the withdrawal and the invitation it frees
    event = audit.apply_transition(session, visit, VisitStatus.CANCELLED.value, actor, now=now)
    invitation_use.release(session, visit, actor, now=now)
    return event


def missing_fields(visit: Visit) -> list[str]:
    """The guest-book fields still empty, in form order; empty when the visit may be reported."""
    return [key for key, read in REQUIRED_FIELDS.items() if read(visit) in (None, "")]


# What a finished visit's report may lack without being held back (h26u). SOP 1: the visitor shows a
# valid KTP, the helpdesk checks the original, and at the end "makes sure the guest book is complete and
# reports to the Kasubag that the visit is finished". The report's condition is the guest book; the
# KTP check is a step of its own, which after check-out can no longer be made (the visitor and the card
# are gone): holding the report back would leave the visit unreportable for good. So the report goes,
# and the helpdesk and the Kasubag read plainly what it lacks.
KTP_UNCHECKED = "ktp_unchecked"


def report_gaps(visit: Visit) -> list[str]:
    """What the visit's report lacks that does not stop it: KTP_UNCHECKED when the helpdesk never
    checked the original KTP. Empty when nothing is missing."""
    return [KTP_UNCHECKED] if visit.ktp_checked_at is None else []


def incidents(visit: Visit) -> list[VisitNote]:
    """The incidents on a visit (written by the helpdesk, or a device that did not leave with the
    visitor): what the Kasubag reads in the report before acknowledging it (h35k: counted among the
    "notes" they read as nothing out of the ordinary)."""
    return [note for note in visit.notes if note.kind == "incident"]


def acknowledged_together(reports: list[Visit]) -> list[Visit]:
    """The reports the Kasubag may acknowledge in one tap: those with no incident. A report is what
    the Kasubag reads that a visit finished within what was permitted (SOP 1); one with an incident
    says it did not, and is acknowledged on its own, after reading it (h35k: "acknowledge all" took
    them with the rest, unread)."""
    return [visit for visit in reports if not incidents(visit)]


# h45y: how many reports the queue lists before it folds the rest, and how many of the newest it keeps out
REPORTS_FOLDED_OVER = 5
REPORTS_NEWEST_SHOWN = 3


def reports_in_sight(reports: list[Visit]) -> tuple[list[Visit], list[Visit]]:
    """The reports the queue lists open and those it folds behind one "show" control, each in `reports`'
    order. A Kasubag's phone after a week away listed 187 of them, some 38,000 px of page: what she must
    read (every report with an incident, acknowledged only on its own) and the few newest stay open; the
    other, older ones are what "acknowledge all" takes, named by their count and listed on request."""
    if len(reports) <= REPORTS_FOLDED_OVER:
        return list(reports), []
    newest = {id(visit) for visit in acknowledged_together(reports)[-REPORTS_NEWEST_SHOWN:]}
    shown = [visit for visit in reports if id(visit) in newest or incidents(visit)]
    return shown, [visit for visit in reports if not (id(visit) in newest or incidents(visit))]


def report(session: Session, visit: Visit, actor: Actor, *, now: datetime | None = None):
    """SOP step 7: hand a finished, complete visit to the Kasubag."""
    _require(actor, Role.HELPDESK)
    if visit.status == VisitStatus.CHECKED_OUT and (missing := missing_fields(visit)):
        raise GuestBookIncomplete(missing)
    return audit.apply_transition(session, visit, VisitStatus.REPORTED.value, actor, now=_now(now))


@dataclass
class BatchResult:
    reported: list[Visit]
    skipped: list[tuple[Visit, list[str]]]


def report_batch(session: Session, visits: list[Visit], actor: Actor, *, now: datetime | None = None) -> BatchResult:
    """The end-of-day report: every complete checked-out visit; incomplete ones stay and are listed."""
    result = BatchResult([], [])
    for visit in visits:
        if visit.status != VisitStatus.CHECKED_OUT:
            continue
        if missing := missing_fields(visit):
            result.skipped.append((visit, missing))
            continue
        report(session, visit, actor, now=now)
        result.reported.append(visit)
    return result


def acknowledge(session: Session, visit: Visit, actor: Actor, *, now: datetime | None = None) -> None:
    """The Kasubag has read the helpdesk's report of a finished visit."""
    if problem := _acknowledge_refusal(visit, actor):
        raise problem
    visit.acknowledged_at = _now(now)
    visit.acknowledged_by_id = actor.user_id
    audit.record(session, actor, "visit.acknowledged", visit, at=visit.acknowledged_at)


ACKNOWLEDGED = "acknowledged"


def shown_status(visit: Visit) -> str:
    """The visit's status as the staff screens show it: a reported visit whose report the Kasubag
    acknowledged (SOP 1, the last step) is finished, "acknowledged", no longer waiting as "reported".
    The stored status stays "reported"; acknowledged_at records the last step."""
    if visit.status == VisitStatus.REPORTED and visit.acknowledged_at is not None:
        return ACKNOWLEDGED
    return visit.status


def expire_pending(session: Session, now: datetime | None = None) -> list[Visit]:
    """Move requests nobody decided by closing time of their day to "expired" (SYSTEM actor); one
    sent on a day off (a holiday the Admin entered after it came in) expires at once."""
    now = _now(now)
    hours = office_hours.from_settings(session)
    expired = []
    for visit in session.scalars(select(Visit).where(Visit.status == VisitStatus.PENDING)):
        if now >= hours.decision_deadline(visit.submitted_at):
            audit.apply_transition(session, visit, VisitStatus.EXPIRED.value, SYSTEM_ACTOR, now=now)
            expired.append(visit)
    return expired

