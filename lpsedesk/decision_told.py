"""SOP 1 after the Kasubag's decision: the helpdesk lets the visitor in, or tells the refusal. Plain
Python, no Flask; the board, the dashboard and the evacuation list ask here.

SOP 1: "the Kasubag grants or refuses; the helpdesk lets the visitor in within what was permitted,
or tells the refusal". The decision is the Kasubag's (often from a phone); the visitor still stands
at the desk until the helpdesk acts on it. So a visitor is *inside* from the moment the helpdesk
lets them in, not from the approval (h36d: the board listed an approved visitor "Sedang di dalam"
from the approval on, and a refused one dropped to "Selesai hari ini" with nobody told). That step
is no state of the workflow (the visit stays `approved` or `denied`), only its record, written once:
when, by whom. The stay is still reckoned from the permission (visit_stay, h23k/h24s): the reports'
and statistics' figures keep their meaning; a visitor who left without ever being let in has no stay
at all (h40p, `left_without_coming_in`).
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, and_, text
from sqlalchemy.orm import Session

from . import audit
from .models import AuditEvent, Visit
from .models.visits import DECISIONS_TO_TELL
from .roles import Actor, Role
from .workflow import InvalidTransition, NotAllowed, VisitStatus, WorkflowError
from .written_once import flush_once

# The decisions the helpdesk acts on at the desk.
TOLD = (VisitStatus.APPROVED, VisitStatus.DENIED)


class AlreadyTold(WorkflowError):
    """Another helpdesk PC already recorded that this visitor was let in or told; it is recorded once."""

    code = "visit_already_told"
    default_message = "The visitor was already let in or told of the refusal."


class NotLetIn(WorkflowError):
    """A step of the visit itself (the restricted area, ending it early) asked for before the
    helpdesk let the visitor in."""

    code = "visit_not_let_in"
    default_message = "The helpdesk has not let the visitor in yet."


# The states of a visit the Kasubag approved (it may have been checked out since).
GRANTED = (VisitStatus.APPROVED, VisitStatus.CHECKED_OUT, VisitStatus.REPORTED)


def awaits_telling(visit: Visit) -> bool:
    """A decision the helpdesk has still to act on: an approved visitor not yet let in, or a refused
    one not yet told why."""
    return visit.status in TOLD and visit.decision_told_at is None


def is_inside(visit: Visit) -> bool:
    """The visitor is inside now: approved and let in by the helpdesk, not yet checked out."""
    return visit.status == VisitStatus.APPROVED and visit.decision_told_at is not None


def not_let_in(visit: Visit) -> bool:
    """Approved and never let in by the helpdesk (h37c): while approved, a visitor still at the desk;
    once checked out, one who left without coming in. SOP 1: the helpdesk lets the visitor in, then
    makes sure they stay within what was permitted: before the let-in there is no visit under way, so
    no entry into the restricted area, no early end and no devices to check on the way out; the
    check-out stays (a visitor who goes home after all must not stay "approved" for ever)."""
    return visit.status in GRANTED and visit.decision_told_at is None


def left_without_coming_in(visit: Visit) -> bool:
    """Approved, never let in, and gone (h40p): the desk's "Pergi tanpa masuk" or the kiosk's check-out
    of a visitor still at the desk. SOP 1's visit never took place, so it has no stay: the screens and
    exports say "tidak masuk" and the stay figures leave it out (visit_stay.stay, reports/day_figures).
    Visits decided before 0027h were filled as let in at the decision, so none of them is such a visit."""
    return visit.status in (VisitStatus.CHECKED_OUT, VisitStatus.REPORTED) and visit.decision_told_at is None


def let_in_at(visit: Visit) -> datetime | None:
    """When the helpdesk let the visitor in: what "since" means for a visitor inside (the board's tile, the
    follow-up, the check-out's question page). None for one never let in, or refused. Not the stay's
    start: the stay and the statistics still run from the approval (visit_stay.began, docs/reports.md);
    h38a: the screens said "sejak <approval>" of a visitor who came in later."""
    return visit.decision_told_at if visit.status in GRANTED else None


def check_out_details(visit: Visit) -> dict[str, bool]:
    """What a check-out's audit event adds for a visitor never let in (h37c: "left without coming in"),
    whoever records it: the desk's "Pergi tanpa masuk" and the kiosk's check-out (h38a: the kiosk's said
    nothing). The same before and after the check-out."""
    return {"not_let_in": True} if not_let_in(visit) else {}


def to_tell() -> ColumnElement[bool]:
    """In SQL: the decisions awaiting the helpdesk (awaits_telling), word for word the partial index
    ix_visits_decisions_to_tell's condition (SQLite uses a partial index only for a query that holds it
    as written): a handful of rows, however long the history."""
    return text(DECISIONS_TO_TELL)


def was_let_in() -> ColumnElement[bool]:
    """In SQL: the helpdesk let the visitor in at some time (the stay figures' condition, with the approval:
    `left_without_coming_in` is an approved visit without it)."""
    return Visit.decision_told_at.is_not(None)


def let_in() -> ColumnElement[bool]:
    """In SQL: the visitors inside now (is_inside)."""
    return and_(Visit.status == VisitStatus.APPROVED, Visit.decision_told_at.is_not(None))


def telling_refused(visit: Visit, actor: Actor) -> WorkflowError | None:
    """Why `actor` may not record now that the visitor was let in or told, or None: asked by the
    board to offer the step and by the step itself."""
    if not actor.has(Role.HELPDESK):
        return NotAllowed()
    if visit.status not in TOLD:
        return InvalidTransition(current=visit.status, target="told")
    if visit.decision_told_at is not None:
        return AlreadyTold()
    return None


def record_told(session: Session, visit: Visit, actor: Actor, *, now: datetime) -> AuditEvent:
    """The helpdesk let the approved visitor in, or told the refused one the reason: stamped with
    who and when, audited ("visit.let_in" or "visit.refusal_told"). The caller commits."""
    if problem := telling_refused(visit, actor):
        raise problem
    visit.decision_told_at, visit.decision_told_by_id = now, actor.user_id
    action = "visit.let_in" if visit.status == VisitStatus.APPROVED else "visit.refusal_told"
    event = audit.record(session, actor, action, visit, at=now)
    # Two helpdesk PCs pressing at the same instant both read the decision untold (written_once).
    flush_once(session, lambda: visit.decision_told_at is not None, AlreadyTold())
    return event
