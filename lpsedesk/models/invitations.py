"""Invitations: a visitor (or a training's participant) registered before arriving (issue 15)."""
from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, UTCDateTime, utcnow
from .visits import Visit


class InvitationStatus(enum.StrEnum):
    OPEN = "open"            # waiting; usable in its window as a normal request
    APPROVED = "approved"    # the Kasubag approved in advance: its visit starts approved
    REFUSED = "refused"      # the Kasubag refused in advance: not usable
    USED = "used"            # became a visit (once)
    CANCELLED = "cancelled"  # withdrawn by the desk


class Invitation(Base):
    __tablename__ = "invitations"
    __table_args__ = (
        # A training's page and the Kasubag's queue: the invitations of one event, or of one state, by time.
        Index("ix_invitations_event_starts_at", "event_name", "starts_at"),
        Index("ix_invitations_status_starts_at", "status", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # The code is selector + verifier: the selector finds the row (unique index), the verifier is
    # compared in constant time, so a lookup's timing says nothing about a guessed verifier.
    selector: Mapped[str] = mapped_column(String(16), unique=True)
    verifier: Mapped[str] = mapped_column(String(32))

    full_name: Mapped[str] = mapped_column(String(120))
    nik: Mapped[str | None] = mapped_column(String(16))
    phone: Mapped[str] = mapped_column(String(20))
    institution: Mapped[str] = mapped_column(String(160))
    category: Mapped[str] = mapped_column(String(16))
    purpose: Mapped[str] = mapped_column(String(32))
    purpose_detail: Mapped[str | None] = mapped_column(Text)
    facility: Mapped[str] = mapped_column(String(64))
    # The window the code works in; stored UTC, typed and shown in WIB.
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # A training or verification day: its page lists the invitations with this name.
    event_name: Mapped[str | None] = mapped_column(String(120))

    status: Mapped[str] = mapped_column(String(16), default=InvitationStatus.OPEN.value)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    # The signature as it read then ("Budi a.n. Bambang"); the visit's approval repeats it.
    decided_by_label: Mapped[str | None] = mapped_column(String(120))
    decision_reason: Mapped[str | None] = mapped_column(Text)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id", ondelete="SET NULL"), unique=True)
    # Two kiosks may take one code at the same instant (a training's participant shown twice), or the
    # Kasubag decide it while a kiosk uses it: each reads it usable, the second write must fail
    # (StaleDataError: a 409) or one approval in advance would let two visits in.
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}

    visit: Mapped[Visit | None] = relationship(lazy="joined")
