"""SOP 1: a facility-use request (visit), with a timestamp and actor for every step, and its notes."""
from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, JSON, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship


from ..workflow import VisitStatus
from .base import Base, UTCDateTime, utcnow
from .decision import DecisionColumns
from .visitors import Visitor

# No 0/O, 1/I/L: a ticket is read aloud and typed on a touch keyboard.
TICKET_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_ticket_code() -> str:
    # 8 symbols of 31: about 2^39, unguessable at kiosk request rates.
    return "".join(secrets.choice(TICKET_ALPHABET) for _ in range(8))


class Visit(DecisionColumns, Base):
    __tablename__ = "visits"
    __workflow__ = "visit"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_code: Mapped[str] = mapped_column(String(12), unique=True, default=new_ticket_code)
    visitor_id: Mapped[int] = mapped_column(ForeignKey("visitors.id"))
    purpose: Mapped[str] = mapped_column(String(32))
    purpose_detail: Mapped[str | None] = mapped_column(Text)
    facility: Mapped[str] = mapped_column(String(64))
    planned_minutes: Mapped[int] = mapped_column(Integer)
    id_capture_key: Mapped[str | None] = mapped_column(String(128))
    id_barcodes: Mapped[list | None] = mapped_column(JSON)
    signature_key: Mapped[str | None] = mapped_column(String(128))
    rules_accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    locale: Mapped[str | None] = mapped_column(String(8))

    status: Mapped[str] = mapped_column(String(16), default=VisitStatus.PENDING.value, index=True)
    # Optimistic lock: two staff deciding at once, exactly one UPDATE matches.
    version: Mapped[int] = mapped_column(Integer, default=1)

    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    submitted_via_kiosk_id: Mapped[int | None] = mapped_column(ForeignKey("kiosk_devices.id"))
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    ktp_checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ktp_checked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    # decided_at, decided_by_id, decided_by_label, decided_on_behalf_of_id, decision_reason,
    # approved_until: from DecisionColumns

    checked_out_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    checked_out_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    checked_out_by_label: Mapped[str | None] = mapped_column(String(120))
    end_reason: Mapped[str | None] = mapped_column(Text)
    rating: Mapped[int | None] = mapped_column(Integer)
    feedback: Mapped[str | None] = mapped_column(Text)

    reported_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reported_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    acknowledged_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    __mapper_args__ = {"version_id_col": version}

    visitor: Mapped[Visitor] = relationship(back_populates="visits", lazy="joined")
    notes: Mapped[list[VisitNote]] = relationship(
        back_populates="visit", order_by="VisitNote.created_at", cascade="all, delete-orphan")


class VisitNote(Base):
    """What the helpdesk observed during a visit (SOP 1 step 5)."""

    __tablename__ = "visit_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(16), default="note")  # note | incident
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    visit: Mapped[Visit] = relationship(back_populates="notes")
