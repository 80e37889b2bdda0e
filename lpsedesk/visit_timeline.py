"""A visit's whole history in order: each SOP step with who and when, the notes, and the audit log.

Steps come from the visit's own stamps (they survive even if an audit row were missing); audit events
that only repeat a step are folded into it, every other event (e.g. each viewing of the KTP image)
is listed as it is.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import AuditEvent, KioskDevice, User, Visit

# Audit actions already shown as a step or a note.
FOLDED = {"visit.submitted", "visit.created", "visit.ktp_checked", "visit.approved", "visit.denied",
          "visit.cancelled", "visit.expired", "visit.checked_out", "visit.reported", "visit.acknowledged",
          "visit.note_added", "visit.incident_added"}
# Sorting ties (same second): the SOP order.
ORDER = {"submitted": 0, "ktp_checked": 1, "approved": 2, "denied": 2, "cancelled": 2, "expired": 2,
         "note": 3, "incident": 3, "checked_out": 4, "reported": 5, "acknowledged": 6, "audit": 7}


@dataclass
class Entry:
    at: datetime
    kind: str  # a step name, "note", "incident" or "audit"
    actor: str
    text: str = ""  # a reason, a note's body, or the audit action
    details: dict = field(default_factory=dict)


def _names(session: Session, ids: set[int | None]) -> dict[int, str]:
    ids = {i for i in ids if i}
    if not ids:
        return {}
    return dict(session.execute(select(User.id, User.full_name).where(User.id.in_(ids))).all())


def build(session: Session, visit: Visit) -> list[Entry]:
    events = session.scalars(select(AuditEvent).where(AuditEvent.object_type == "visit",
                                                      AuditEvent.object_id == visit.id)
                             .order_by(AuditEvent.at, AuditEvent.id)).all()
    names = _names(session, {visit.submitted_by_id, visit.ktp_checked_by_id, visit.reported_by_id,
                             visit.acknowledged_by_id, *(n.author_id for n in visit.notes)})
    by_action = {e.action: e for e in events}

    def who(user_id: int | None, action: str, fallback: str = "-") -> str:
        if user_id and user_id in names:
            return names[user_id]
        event = by_action.get(action)
        return event.actor_label if event else fallback

    entries: list[Entry] = []
    submitter = names.get(visit.submitted_by_id or 0)
    if submitter is None and visit.submitted_via_kiosk_id:
        kiosk = session.get(KioskDevice, visit.submitted_via_kiosk_id)
        submitter = kiosk.name if kiosk else None
    entries.append(Entry(visit.submitted_at, "submitted", submitter or who(None, "visit.submitted")))
    if visit.ktp_checked_at:
        entries.append(Entry(visit.ktp_checked_at, "ktp_checked", who(visit.ktp_checked_by_id, "visit.ktp_checked")))
    if visit.decided_at and visit.status != "pending":
        kind = next((s for s in ("approved", "denied", "cancelled", "expired") if f"visit.{s}" in by_action),
                    visit.status if visit.status in ("approved", "denied", "cancelled", "expired") else "approved")
        entries.append(Entry(visit.decided_at, kind, visit.decided_by_label or who(None, f"visit.{kind}"),
                             visit.decision_reason or ""))
    for note in visit.notes:
        entries.append(Entry(note.created_at, note.kind if note.kind in ("note", "incident") else "note",
                             names.get(note.author_id or 0, "-"), note.body))
    if visit.checked_out_at:
        event = by_action.get("visit.checked_out")
        entries.append(Entry(visit.checked_out_at, "checked_out", visit.checked_out_by_label or who(None, "visit.checked_out"),
                             visit.end_reason or "", dict(event.details) if event else {}))
    if visit.reported_at:
        entries.append(Entry(visit.reported_at, "reported", who(visit.reported_by_id, "visit.reported")))
    if visit.acknowledged_at:
        entries.append(Entry(visit.acknowledged_at, "acknowledged", who(visit.acknowledged_by_id, "visit.acknowledged")))
    for event in events:
        if event.action not in FOLDED:
            entries.append(Entry(event.at, "audit", event.actor_label, event.action, dict(event.details or {})))
    entries.sort(key=lambda e: (e.at, ORDER.get(e.kind, 9)))
    return entries
