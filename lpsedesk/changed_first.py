"""Who changed a record first when two staff act on it at once (h40p). Plain Python, no Flask.

The records two desks act on carry a version column (visits, remote-access requests, invitations):
of two requests that read the same version, the second one's UPDATE matches no row and its whole
change is rolled back (lpsedesk/transaction.py). The second member of staff was told only "changed by
someone else, reload"; SOP 1 and SOP 2 leave them at the desk with the visitor or the letter, and they
need to know who acted, when and what the record is now, as the other "already done" answers say
(admin/recorded_once.py). Each flush notes the records it writes and the versions they were read at
(`held`); after the rollback `changed_first` reads them again and finds the one another request moved on.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from .audit import object_type_of
from .models import AuditEvent, Invitation, RemoteAccessRequest, Visit

# The records with a version column (their models' version_id_col).
VERSIONED = (Visit, RemoteAccessRequest, Invitation)


@dataclass(frozen=True)
class Held:
    kind: type
    id: int
    version: int  # the version this request read


@dataclass(frozen=True)
class ChangedFirst:
    record: object   # as it is now, after the other request's change
    who: str         # the other request's actor (a staff member's name, a kiosk's label)
    at: datetime     # when (UTC)
    action: str      # its audit action ("visit.approved", ...)


_HELD = "lpsedesk.changed_first.held"


@event.listens_for(Session, "before_flush")
def _note_versions_read(session: Session, _context, _instances) -> None:
    """Each versioned record about to be written, with the version it was read at (the first flush's:
    this request's own earlier flush moved it on). A failed flush leaves the records expired, so what
    they held is noted here, before it."""
    for obj in session.dirty:
        if isinstance(obj, VERSIONED) and obj.version is not None:
            session.info.setdefault(_HELD, {}).setdefault((type(obj), obj.id), obj.version)


@event.listens_for(Session, "after_transaction_end")
def _forget_versions(session: Session, transaction) -> None:
    """Forgotten when the outermost transaction ends, committed or rolled back: a session that serves
    more than one transaction (a CLI command, a job) must not name in a later 409 a record only an
    earlier one wrote. Not on `after_soft_rollback`: a failed flush fires that itself (its inner
    transaction's rollback), before `errors.lost_race_response` has read what was held; the outermost
    transaction ends only at that function's own rollback. A savepoint's end (it has a parent) keeps them."""
    if transaction.parent is None:
        session.info.pop(_HELD, None)


def held(session: Session) -> list[Held]:
    """The versioned records `session` was writing in its current transaction, with the versions it
    read; forgotten once asked (the request that lost its race asks once, before its rollback)."""
    return [Held(kind, record_id, version)
            for (kind, record_id), version in session.info.pop(_HELD, {}).items()]


def changed_first(session: Session, records: list[Held]) -> ChangedFirst | None:
    """The first of `records` another request changed since it was read (its version is now higher:
    this request's own rolled-back writes leave it lower or equal), with that change's audit event; None
    when none is found (a record deleted, or changed with no audit event: the general answer stands)."""
    for record in records:
        now = session.get(record.kind, record.id, populate_existing=True)
        if now is None or now.version <= record.version:
            continue
        event = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.object_type == object_type_of(now), AuditEvent.object_id == record.id,
                   AuditEvent.action.not_like("%_viewed"))  # reading a KTP or a NIK changes nothing
            .order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(1)).first()
        if event is not None:
            return ChangedFirst(now, event.actor_label, event.at, event.action)
    return None
