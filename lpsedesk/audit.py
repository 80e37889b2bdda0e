"""Writing audit events, always in the same session (and so transaction) as the change."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy.orm import Session

from .models import AuditEvent
from .roles import Actor
from .workflow import TransitionEvent, transition


def object_type_of(obj: object | None) -> str | None:
    """"visit", "remote_access", or the table name: the same words the workflow's events use."""
    if obj is None:
        return None
    return getattr(obj, "__workflow__", None) or getattr(obj, "__tablename__", None)


def record(session: Session, actor: Actor | None, action: str, obj: object | None = None,
           *, details: dict | None = None, at: datetime | None = None, kind: str | None = None) -> AuditEvent:
    """Add an audit event to `session`; the caller's single commit writes it with the change. `kind`
    names the kind of record a change to several at once touched (an import: no one object), so the
    live streams that carry that kind hear of it (live_rules)."""
    event = AuditEvent(
        at=at or datetime.now(timezone.utc),
        actor_type=actor.kind if actor else "anonymous",
        actor_id=actor.id if actor else None,
        actor_label=actor.label if actor else "-",
        action=action,
        object_type=object_type_of(obj) or kind,
        object_id=getattr(obj, "id", None) if obj is not None else None,
        details=details or {},
    )
    if actor and actor.on_behalf_of_label:
        event.details = {**event.details, "on_behalf_of": actor.on_behalf_of_label}
    session.add(event)
    return event


def record_transition(session: Session, event: TransitionEvent) -> AuditEvent:
    row = AuditEvent(
        at=event.at, actor_type=event.actor.kind, actor_id=event.actor.id,
        actor_label=event.actor.label, action=event.action,
        object_type=event.object_type, object_id=event.object_id, details=event.details,
    )
    session.add(row)
    return row


def apply_transition(session: Session, record_: object, to: str, actor: Actor, *, reason: str = "",
                     now: datetime | None = None) -> AuditEvent:
    """Run one workflow step and write its audit event; raises the workflow's errors unchanged."""
    return record_transition(session, transition(record_, to, actor, reason=reason, now=now))
