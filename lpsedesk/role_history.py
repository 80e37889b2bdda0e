"""Who gave which roles to an account, and when: read from the audit log for the Admin's user page.

The office decides whether an Admin may give themselves the Kasubag role (h45s); whatever it
decides, such a change must be plain to read, not a JSON detail in the audit table (h45v)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import AuditEvent, User

ROLE_EVENTS = ("user.created", "user.roles_set")


@dataclass(frozen=True)
class RoleChange:
    at: datetime  # UTC; shown in WIB
    by: str  # the actor's label as audited (a.n. included when acting for another)
    own_account: bool  # the actor gave the roles to themselves
    created: bool  # the account was made with these roles
    given: list[str]
    taken: list[str]
    now: list[str]


def role_changes(session: Session, user: User) -> list[RoleChange]:
    """The account's creation and each change of its roles, newest first."""
    events = session.scalars(select(AuditEvent).where(AuditEvent.object_type == User.__tablename__,
                                                      AuditEvent.object_id == user.id,
                                                      AuditEvent.action.in_(ROLE_EVENTS))
                             .order_by(AuditEvent.at, AuditEvent.id)).all()
    changes: list[RoleChange] = []
    known: list[str] | None = None  # the roles before each event, where the log tells them
    for event in events:
        details = event.details or {}
        now = sorted(details.get("roles") or [])
        # Changes audited before h45v carry no "before": the previous event's roles stand for it.
        before = details.get("before", known)
        created = event.action == "user.created"
        if created or before is None:
            given, taken = now, []
        else:
            given, taken = sorted(set(now) - set(before)), sorted(set(before) - set(now))
        changes.append(RoleChange(at=event.at, by=event.actor_label,
                                  own_account=event.actor_type == "user" and event.actor_id == user.id,
                                  created=created, given=given, taken=taken, now=now))
        known = now
    return changes[::-1]
