"""SOP 2 operations on remote-access requests: record, decide, give, close, extend, answer a refusal.
No Flask here.

Each function changes the request, adds its audit event(s) to the same session and returns; the
view commits once. Bad input raises `RemoteInputError(code)` (a `WorkflowError`, so an uncaught one
still becomes a readable 4xx); the web layer maps codes to translated sentences.

Extensions: an extension is a *new* request whose `extends_id` points at an account that is still
open. It goes through the whole SOP again (letter, Kasubag decision by someone other than the
recorder, account given). When its account is given, the old one is closed in the same transaction
with `close_kind="superseded"` at the very moment the new one starts, so the register shows no gap
and no overlap. A refused extension changes nothing: the old account stays overdue until the Admin
closes it.

A refusal: the Admin received the letter, so the Admin answers it. A refused letter waits on the
Admin until the Admin records that the third party was told (when, who, how); that is no state of
the workflow (the letter stays `denied`), only the record of the answer, written once (h35r).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from . import audit
from .clock import wib_date, wib_day_bounds
from .models import AuditEvent, RemoteAccessRequest
from .office_hours import OfficeHours
from .roles import Actor, Role
from .workflow import REMOTE_TRANSITIONS, InvalidTransition, NotAllowed, RemoteStatus, WorkflowError, check_transition
from .written_once import flush_once

R = RemoteStatus
# Clock skew allowed when staff type "now" by hand into a time field.
FUTURE_SLACK = timedelta(minutes=10)
MAX_PERIOD = timedelta(days=366)
MAX_TOLD_NOTE = 200
# Who answers a refused letter: the Admin, who received it (SOP 2), as the Admin gives and closes accounts.
TELLS_REFUSAL = frozenset({Role.ADMIN})


class RemoteInputError(WorkflowError):
    """Input the SOP does not accept; `code` selects the translated message at the edge."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass
class RequestInput:
    requester_name: str
    instansi: str
    letter_number: str
    letter_date: date
    purpose: str
    rights_requested: str
    period_start: datetime
    period_end: datetime
    letter_key: str | None = None
    letter_content_type: str | None = None


def _require(actor: Actor, role: Role) -> None:
    if not actor.has(role):
        raise NotAllowed()


def open_extension(session: Session, req: RemoteAccessRequest) -> RemoteAccessRequest | None:
    """The extension of `req` still on its way (received or approved), if any."""
    return session.scalars(select(RemoteAccessRequest).where(
        RemoteAccessRequest.extends_id == req.id,
        RemoteAccessRequest.status.in_([R.RECEIVED, R.APPROVED]))).first()


def request_dates_problem(period_start: datetime, period_end: datetime, letter_date: date, *,
                          now: datetime) -> str | None:
    """What is wrong with a letter's dates (a RemoteInputError code), or None: asked by the form too,
    so it names the problem beside its field together with the form's other problems."""
    if period_end <= period_start:
        return "period_reversed"
    if period_end - period_start > MAX_PERIOD:
        return "period_too_long"
    # A period already over when the letter is recorded can never be served: the Kasubag may only
    # approve an end still to come (approve: "until_in_past") and the Admin gives the account after
    # that, so its Waktu Pemberian would lie past its Waktu Penutupan. No grace: the end is the
    # third party's own date, and a minute late is as over as a month.
    if period_end <= now:
        return "period_over"
    # A start already past is kept as the letter wrote it, not refused: letters arrive and are
    # recorded days after their date ("mulai 1 Desember" recorded on the 3rd), and the access
    # itself never starts before the account is given (give_account: not before the approval).
    # The form only says so beside the field (static/admin/period_check.js).
    # A letter dated after today in Jakarta (the office's day, WIB) lies in the future; the UTC date
    # plus one day took tomorrow's date for today from 07.00 to midnight WIB.
    if letter_date > wib_date(now + FUTURE_SLACK):
        return "letter_in_future"
    return None


def record_request(session: Session, actor: Actor, data: RequestInput, *, now: datetime,
                   extends: RemoteAccessRequest | None = None) -> RemoteAccessRequest:
    """Step 1: the Admin records a third party's letter. The request waits for the Kasubag."""
    _require(actor, Role.ADMIN)
    problem = request_dates_problem(data.period_start, data.period_end, data.letter_date, now=now)
    if problem:
        raise RemoteInputError(problem)
    if extends is not None:
        if extends.status != R.ACTIVE:
            raise RemoteInputError("extend_not_active")
        if open_extension(session, extends) is not None:
            raise RemoteInputError("extension_pending")
    req = RemoteAccessRequest(
        requester_name=data.requester_name, instansi=data.instansi, letter_number=data.letter_number,
        letter_date=data.letter_date, letter_key=data.letter_key,
        letter_content_type=data.letter_content_type, purpose=data.purpose,
        rights_requested=data.rights_requested, period_start=data.period_start,
        period_end=data.period_end, extends_id=extends.id if extends else None,
        status=R.RECEIVED.value, recorded_at=now, recorded_by_id=actor.user_id)
    session.add(req)
    session.flush()  # the audit event needs the id
    details: dict = {"letter_number": data.letter_number, "period_end": data.period_end.isoformat()}
    if extends is not None:
        details["extends"] = extends.id
    audit.record(session, actor, "remote.received", req, details=details, at=now)
    if extends is not None:
        # The old request's own timeline says an extension is on its way.
        audit.record(session, actor, "remote.extension_recorded", extends, details={"extension": req.id}, at=now)
    return req


def _until_problem(until: datetime, now: datetime) -> str | None:
    if until <= now:
        return "until_in_past"
    if until - now > MAX_PERIOD:
        return "period_too_long"
    return None


def approvable_as_asked(req: RemoteAccessRequest, now: datetime) -> bool:
    """Whether approving with the letter's own end would be accepted now. A letter can wait past the
    end it asked for; then the Kasubag must type a new end on its page (or refuse), so the queue's
    one-tap Setujui, which grants the asked end, is not offered."""
    return _until_problem(req.period_end, now) is None


def approve(session: Session, req: RemoteAccessRequest, actor: Actor, *, approved_until: datetime | None,
            now: datetime) -> AuditEvent:
    """Step 2: the Kasubag approves, always time-boxed (default: the end the letter asked for)."""
    until = approved_until or req.period_end
    # The workflow's guards (role, not the recorder) run first, so a forbidden actor hears that;
    # every check runs before anything changes, so a refusal leaves the record as it was.
    check_transition(req, R.APPROVED.value, actor)
    problem = _until_problem(until, now)
    if problem:
        raise RemoteInputError(problem)
    event = audit.apply_transition(session, req, R.APPROVED.value, actor, now=now)
    req.approved_until = until
    event.details = {**event.details, "approved_until": until.isoformat()}
    return event


def deny(session: Session, req: RemoteAccessRequest, actor: Actor, *, reason: str, now: datetime) -> AuditEvent:
    return audit.apply_transition(session, req, R.DENIED.value, actor, reason=reason, now=now)


def give_account(session: Session, req: RemoteAccessRequest, actor: Actor, *, username: str,
                 rights_granted: str, granted_at: datetime, now: datetime) -> AuditEvent:
    """Step 3: the Admin records the account given. An extension closes the account it extends."""
    check_transition(req, R.ACTIVE.value, actor)
    if granted_at > now + FUTURE_SLACK:
        raise RemoteInputError("time_in_future")
    if req.decided_at and granted_at < req.decided_at - FUTURE_SLACK:
        raise RemoteInputError("given_before_approval")
    if req.approved_until and granted_at >= req.approved_until:
        raise RemoteInputError("approval_lapsed")
    # Two open accounts under one name would make "close it" ambiguous; an extension keeps its name.
    clashes = session.scalars(select(RemoteAccessRequest.id).where(
        RemoteAccessRequest.status == R.ACTIVE, RemoteAccessRequest.username == username,
        RemoteAccessRequest.id != req.id)).all()
    if any(other != req.extends_id for other in clashes):
        raise RemoteInputError("username_in_use")
    old = req.extends  # read before any change: its load would flush a give half made
    # No flush until both are made: the one-open-account-per-name index must see the old account
    # closed when its name passes to the extension (rows are updated in id order, the old one first).
    with session.no_autoflush:
        event = audit.apply_transition(session, req, R.ACTIVE.value, actor, now=now)
        req.username, req.rights_granted, req.granted_at = username, rights_granted, granted_at
        event.details = {**event.details, "username": username, "rights": rights_granted,
                         "granted_at": granted_at.isoformat()}
        if old is not None and old.status == R.ACTIVE:
            closing = audit.apply_transition(session, old, R.CLOSED.value, actor, now=now)
            old.closed_at, old.close_kind = granted_at, "superseded"
            old.close_note = f"#{req.id}"
            closing.details = {**closing.details, "kind": "superseded", "superseded_by": req.id,
                               "closed_at": granted_at.isoformat()}
            event.details["supersedes"] = old.id
    try:
        # The read above cannot see a give of the same name at the same instant; the database's
        # one-open-account-per-name index can (probe sec16). Asked now, so the loser hears why.
        session.flush()
    except IntegrityError as exc:
        if "username" not in str(exc.orig):
            raise
        session.rollback()
        raise RemoteInputError("username_in_use") from None
    return event


def close_account(session: Session, req: RemoteAccessRequest, actor: Actor, *, closed_at: datetime,
                  note: str, now: datetime) -> AuditEvent:
    """Step 4: the Admin closes the account (work finished, or the planned end passed)."""
    check_transition(req, R.CLOSED.value, actor)
    if closed_at > now + FUTURE_SLACK:
        raise RemoteInputError("time_in_future")
    if req.granted_at and closed_at < req.granted_at:
        raise RemoteInputError("closed_before_given")
    event = audit.apply_transition(session, req, R.CLOSED.value, actor, now=now)
    kind = "expired" if req.approved_until and closed_at > req.approved_until else "finished"
    req.closed_at, req.close_kind, req.close_note = closed_at, kind, note or None
    event.details = {**event.details, "kind": kind, "closed_at": closed_at.isoformat()}
    if note:
        event.details["note"] = note
    return event


class AlreadyTold(WorkflowError):
    """The third party of this refused letter was already told; the answer is recorded once."""

    code = "already_told"
    default_message = "The third party was already told of this refusal."


def awaits_telling(req: RemoteAccessRequest) -> bool:
    """A refused letter whose third party has not yet been told: the Admin still owes the answer."""
    return req.status == R.DENIED and req.refusal_told_at is None


def telling_refused(req: RemoteAccessRequest, actor: Actor) -> WorkflowError | None:
    """Why `actor` may not record now that the third party was told, or None: asked by the page to
    offer the step and by the step itself."""
    if not actor.has(*TELLS_REFUSAL):
        return NotAllowed()
    if req.status != R.DENIED:
        return InvalidTransition(current=req.status, target="refusal_told")
    if req.refusal_told_at is not None:
        return AlreadyTold()
    return None


def record_refusal_told(session: Session, req: RemoteAccessRequest, actor: Actor, *, told_at: datetime,
                        note: str, now: datetime) -> AuditEvent:
    """The Admin records that the third party was told of the refusal: when (typed, WIB on the
    screen), by whom (the actor) and how (an optional note, "surat balasan no. ...")."""
    if problem := telling_refused(req, actor):
        raise problem
    note = " ".join(note.split())
    if len(note) > MAX_TOLD_NOTE:
        raise RemoteInputError("told_note_too_long")
    if told_at > now + FUTURE_SLACK:
        raise RemoteInputError("time_in_future")
    if req.decided_at and told_at < req.decided_at - FUTURE_SLACK:
        raise RemoteInputError("told_before_refusal")
    req.refusal_told_at, req.refusal_told_by_id, req.refusal_told_note = told_at, actor.user_id, note or None
    details: dict = {"told_at": told_at.isoformat()}
    if note:
        details["note"] = note
    event = audit.record(session, actor, "remote.refusal_told", req, details=details, at=now)
    # Two Admins answering one letter at the same instant both read it untold (written_once).
    flush_once(session, lambda: req.refusal_told_at is not None, AlreadyTold())
    return event


def is_overdue(req: RemoteAccessRequest, now: datetime) -> bool:
    """An account still open after the end the Kasubag approved."""
    return req.status == R.ACTIVE and req.approved_until is not None and req.approved_until < now


def overdue_accounts(session: Session, now: datetime) -> list[RemoteAccessRequest]:
    return list(session.scalars(select(RemoteAccessRequest).where(
        RemoteAccessRequest.status == R.ACTIVE, RemoteAccessRequest.approved_until < now)
        .order_by(RemoteAccessRequest.approved_until)))


def decided_today(session: Session, now: datetime, limit: int = 10) -> list[RemoteAccessRequest]:
    """Letters decided since 00.00 WIB today, the latest first: the Kasubag's "Decided today" listed only
    visits and said "No decision yet today" to one who had just approved a letter (h40w)."""
    start, _end = wib_day_bounds(wib_date(now))
    return list(session.scalars(select(RemoteAccessRequest).where(RemoteAccessRequest.decided_at >= start)
                                .order_by(RemoteAccessRequest.decided_at.desc()).limit(limit)))


def by_status(session: Session, status: RemoteStatus) -> list[RemoteAccessRequest]:
    return list(session.scalars(select(RemoteAccessRequest).where(RemoteAccessRequest.status == status)
                                .order_by(RemoteAccessRequest.recorded_at, RemoteAccessRequest.id)))


def unfinished() -> ColumnElement[bool]:
    """Where SOP 2 is not over for a request: waiting, approved, account open, or refused and its
    third party not yet told. The register shows these by default."""
    return or_(RemoteAccessRequest.status.in_([R.RECEIVED, R.APPROVED, R.ACTIVE]), untold())


def untold() -> ColumnElement[bool]:
    """Refused letters whose third party the Admin has not yet told."""
    return and_(RemoteAccessRequest.status == R.DENIED, RemoteAccessRequest.refusal_told_at.is_(None))


def digest_since(hours: OfficeHours, now: datetime) -> datetime:
    """From when the morning's digest lists the answers given (h38b): the start (WIB) of the last office
    day before today, so Monday's print shows Friday's, Saturday's and Sunday's, and the day after a
    holiday the day before it; yesterday's start when no office day is set. (Nothing records a digest
    as printed: it is a page the Admin prints, so the last office day stands for the last print.)"""
    today = wib_date(now)
    day = hours.last_office_day_before(today) or today - timedelta(days=1)
    return wib_day_bounds(day)[0]


def refusals_for_the_digest(session: Session, now: datetime, since: datetime) -> list[RemoteAccessRequest]:
    """The refused letters the morning's digest lists (h36e): every one whose third party is still to be
    told, however old, and those told since `since` (digest_since), so each morning's print shows
    every answer given since the one before."""
    return list(session.scalars(select(RemoteAccessRequest).where(
        RemoteAccessRequest.status == R.DENIED,
        or_(RemoteAccessRequest.refusal_told_at.is_(None), RemoteAccessRequest.refusal_told_at >= since))
        .order_by(RemoteAccessRequest.decided_at, RemoteAccessRequest.id)))


def waiting_on(session: Session, actor: Actor) -> dict[RemoteStatus, list[RemoteAccessRequest]]:
    """The requests whose next SOP step is `actor`'s, by state (those from which the workflow lets the
    actor's roles move them): for the Admin, accounts to give and accounts to close when the third
    party is done, and refused letters whose third party is still to be told (h35r: a refused letter
    dropped off the Admin's home at once). The Admin's home counted only letters waiting for the
    Kasubag (h34a)."""
    states = dict.fromkeys(frm for (frm, _), step in REMOTE_TRANSITIONS.items() if actor.has(*step.roles))
    waiting = {status: by_status(session, status) for status in states}
    if actor.has(*TELLS_REFUSAL):
        waiting[R.DENIED] = list(session.scalars(select(RemoteAccessRequest).where(untold())
                                                 .order_by(RemoteAccessRequest.decided_at, RemoteAccessRequest.id)))
    return waiting


def timeline(session: Session, req_id: int) -> list[AuditEvent]:
    return list(session.scalars(select(AuditEvent).where(
        AuditEvent.object_type == "remote_access", AuditEvent.object_id == req_id)
        .order_by(AuditEvent.at, AuditEvent.id)))


def register_rows(session: Session, start: datetime, end: datetime) -> list[RemoteAccessRequest]:
    """Accounts that were open at some moment in [start, end): given before `end`, not closed before `start`.

    That is the question an auditor asks of the form ("who had access in November?"); an account
    given in October and closed in November appears in both months.
    """
    return list(session.scalars(select(RemoteAccessRequest).where(
        RemoteAccessRequest.granted_at.is_not(None), RemoteAccessRequest.granted_at < end,
        or_(RemoteAccessRequest.closed_at.is_(None), RemoteAccessRequest.closed_at >= start))
        .order_by(RemoteAccessRequest.granted_at, RemoteAccessRequest.id)))

