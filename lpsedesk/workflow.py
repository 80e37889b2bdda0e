"""The two SOPs as state machines: transition tables, role guards and the audit event each step writes.

Plain Python with no Flask import: the web layer calls `transition()`, adds the returned audit event
to the session and commits once. Illegal moves raise `InvalidTransition` (HTTP 409 at the edge) and
moves by the wrong role raise `NotAllowed` (HTTP 403).
"""
from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable, Protocol

from .roles import Actor, Role


class VisitStatus(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    DENIED = "denied"
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    CHECKED_OUT = "checked_out"
    REPORTED = "reported"


class RemoteStatus(enum.StrEnum):
    RECEIVED = "received"
    APPROVED = "approved"
    DENIED = "denied"
    ACTIVE = "active"
    CLOSED = "closed"


class WorkflowError(Exception):
    """Base for errors the web layer turns into a readable 4xx.

    `code` names the rule that refused (the web layer translates it); the message is for logs.
    """

    code = "workflow"
    # The log's sentence when the raiser gives none: one per kind of refusal, written once here.
    default_message = "This change is not possible now."

    def __init__(self, message: str | None = None, *, code: str | None = None, **params: object) -> None:
        message = message or self.default_message
        super().__init__(message % params if params else message)
        self.message = message
        self.params = params
        if code:
            self.code = code


class InvalidTransition(WorkflowError):
    code = "invalid_transition"
    default_message = "Cannot go from %(current)s to %(target)s."


class NotAllowed(WorkflowError):
    code = "not_allowed"
    default_message = "Your role may not make this change."


class MissingReason(WorkflowError):
    code = "missing_reason"
    default_message = "A reason is required."


class InvalidInput(WorkflowError):
    """What was typed for a step breaks a rule (too long, say); `code` names the rule."""

    code = "invalid_input"


class Stateful(Protocol):
    id: int
    status: str


@dataclass(frozen=True)
class Step:
    roles: frozenset[Role]
    action: str  # audit action, e.g. "visit.approved"
    needs_reason: bool = False
    # Extra rule beyond roles; returns the refusing rule's code or None.
    guard: Callable[[object, Actor], str | None] | None = None
    # Writes the step's timestamp and actor onto the record.
    stamp: Callable[[object, Actor, datetime, str], None] | None = None
    # Something the actor must supply with the step (not who they are): checked when the step is
    # taken, not when offering it, so the screen still shows the step and asks for what is missing.
    needs: Callable[[object], str | None] | None = None


@dataclass(frozen=True)
class _Stamp:
    """What a step writes on the record: `<prefix>_at`, `<prefix>_by_id`, the label where the
    record keeps one, and the reason where the step has a column for it.

    A callable value rather than a closure made when the table is built, so the stamp's code runs
    at each transition (and a mutation of it is seen by the tests, docs/mutation.md)."""

    prefix: str
    reason_field: str | None = None

    def __call__(self, record: object, actor: Actor, now: datetime, reason: str) -> None:
        setattr(record, f"{self.prefix}_at", now)
        setattr(record, f"{self.prefix}_by_id", actor.user_id)
        if hasattr(record, f"{self.prefix}_by_label"):
            setattr(record, f"{self.prefix}_by_label", actor.label)
        if self.reason_field and reason:
            setattr(record, self.reason_field, reason)


def _decision_stamp(record: object, actor: Actor, now: datetime, reason: str) -> None:
    _Stamp("decided", reason_field="decision_reason")(record, actor, now, reason)
    record.decided_on_behalf_of_id = actor.on_behalf_of_id  # type: ignore[attr-defined]
    if hasattr(record, "decided_by_label"):
        record.decided_by_label = actor.signature[:120]


def _not_the_recorder(record: object, actor: Actor) -> str | None:
    # SOP 2 separation of duties: the Admin who recorded a letter never approves it too.
    if actor.user_id is not None and actor.user_id == getattr(record, "recorded_by_id", None):
        return "not_the_recorder"
    return None


def needs_escort(record: object) -> bool:
    """Issue 15: a visit to a restricted facility (the server room) is approved only with an escort."""
    return bool(getattr(record, "restricted", False))


def escort_missing(record: object) -> bool:
    """Whether approving `record` now waits for an escort to be named (the screens say so before the tap)."""
    return needs_escort(record) and not getattr(record, "escort_id", None)


def _escort_named(record: object) -> str | None:
    return "escort_required" if escort_missing(record) else None


V, R = VisitStatus, RemoteStatus
_KASUBAG = frozenset({Role.KASUBAG})
_DESK = frozenset({Role.HELPDESK})

VISIT_TRANSITIONS: dict[tuple[VisitStatus, VisitStatus], Step] = {
    (V.PENDING, V.APPROVED): Step(_KASUBAG, "visit.approved", stamp=_decision_stamp, needs=_escort_named),
    (V.PENDING, V.DENIED): Step(_KASUBAG, "visit.denied", needs_reason=True, stamp=_decision_stamp),
    (V.PENDING, V.CANCELLED): Step(frozenset({Role.KIOSK, Role.HELPDESK}), "visit.cancelled",
                                   stamp=_Stamp("decided", reason_field="decision_reason")),
    (V.PENDING, V.EXPIRED): Step(frozenset({Role.SYSTEM}), "visit.expired",
                                 stamp=_Stamp("decided", reason_field="decision_reason")),
    (V.APPROVED, V.CHECKED_OUT): Step(frozenset({Role.KIOSK, Role.HELPDESK}), "visit.checked_out",
                                      stamp=_Stamp("checked_out", reason_field="end_reason")),
    (V.CHECKED_OUT, V.REPORTED): Step(_DESK, "visit.reported", stamp=_Stamp("reported")),
}

REMOTE_TRANSITIONS: dict[tuple[RemoteStatus, RemoteStatus], Step] = {
    (R.RECEIVED, R.APPROVED): Step(_KASUBAG, "remote.approved", guard=_not_the_recorder,
                                   stamp=_decision_stamp),
    (R.RECEIVED, R.DENIED): Step(_KASUBAG, "remote.denied", needs_reason=True,
                                 guard=_not_the_recorder, stamp=_decision_stamp),
    (R.APPROVED, R.ACTIVE): Step(frozenset({Role.ADMIN}), "remote.account_given", stamp=_Stamp("granted")),
    (R.ACTIVE, R.CLOSED): Step(frozenset({Role.ADMIN}), "remote.closed", stamp=_Stamp("closed")),
}


def _machine_for(record: object) -> tuple[dict, type[enum.StrEnum], str]:
    kind = getattr(record, "__workflow__", None)
    if kind == "visit":
        return VISIT_TRANSITIONS, VisitStatus, "visit"
    if kind == "remote_access":
        return REMOTE_TRANSITIONS, RemoteStatus, "remote_access"
    raise TypeError(f"{type(record).__name__} has no workflow")


def allowed_targets(record: object, actor: Actor) -> list[str]:
    """The states `actor` may move `record` to now; used to show only the buttons that will work."""
    table, status_enum, _ = _machine_for(record)
    current = status_enum(record.status)  # type: ignore[attr-defined]
    return [
        to for (frm, to), step in table.items()
        if frm == current and actor.has(*step.roles) and not (step.guard and step.guard(record, actor))
    ]


@dataclass(frozen=True)
class TransitionEvent:
    """What the caller writes to the audit log, in the same transaction as the change."""

    action: str
    object_type: str
    object_id: int | None
    actor: Actor
    at: datetime
    details: dict


def check_transition(record: Stateful, to: str, actor: Actor, *, reason: str | None = None) -> Step:
    """Raise if `actor` may not move `record` to `to` now; change nothing. The reason is checked
    only when given (a caller may check the move before its form is read)."""
    table, status_enum, _ = _machine_for(record)
    current = status_enum(record.status)
    try:
        target = status_enum(to)
    except ValueError:
        raise InvalidTransition("Unknown state %(state)s.", state=to) from None
    step = table.get((current, target))
    if step is None:
        raise InvalidTransition(current=current.value, target=target.value)
    if not actor.has(*step.roles):
        raise NotAllowed()
    if step.guard and (problem := step.guard(record, actor)):
        raise NotAllowed("Refused by rule %(rule)s.", code=problem, rule=problem)
    if reason is not None and step.needs_reason and not reason.strip():
        raise MissingReason()
    if step.needs and (missing := step.needs(record)):
        raise InvalidInput("Missing for this step: %(what)s.", code=missing, what=missing)
    return step


def transition(record: Stateful, to: str, actor: Actor, *, reason: str = "",
               now: datetime | None = None) -> TransitionEvent:
    """Move `record` to `to` on behalf of `actor`, or raise. The caller records the event and commits."""
    _, status_enum, object_type = _machine_for(record)
    step = check_transition(record, to, actor, reason=reason)
    current, target = status_enum(record.status), status_enum(to)
    reason = reason.strip()
    now = now or datetime.now(timezone.utc)
    record.status = target.value
    if step.stamp:
        step.stamp(record, actor, now, reason)
    details: dict = {"from": current.value, "to": target.value}
    if reason:
        details["reason"] = reason
    if actor.on_behalf_of_id is not None:
        details["on_behalf_of"] = actor.on_behalf_of_label
    return TransitionEvent(step.action, object_type, record.id, actor, now, details)
