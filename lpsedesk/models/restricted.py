"""What a visit records beyond SOP 1 when it matched the watch list or goes to a restricted
facility (the server room): the flag, the escort, the area's entry and exit, the devices brought in."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime


class WatchColumns:
    """The watch-list match found at check-in. The reason is copied: the entry may be removed or
    expire later, and the record must still say why the request was flagged."""

    watch_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("watch_entries.id", ondelete="SET NULL"), index=True)
    watch_reason: Mapped[str | None] = mapped_column(Text)


class RestrictedColumns:
    """A visit to a facility marked restricted when it was submitted (the setting may change later)."""

    restricted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # True when the visitor answered "no devices"; False with device rows; None: not asked.
    devices_none: Mapped[bool | None] = mapped_column(Boolean)
    escort_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    area_entered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    area_entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    area_left_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    area_left_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    devices_checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    devices_checked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)


class VisitDevice(Base):
    """A device the visitor declared at the kiosk; at check-out the helpdesk confirms it left with them."""

    __tablename__ = "visit_devices"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[str] = mapped_column(String(40))
    brand: Mapped[str] = mapped_column(String(60))
    serial: Mapped[str] = mapped_column(String(80))
    # None until the check at check-out; then whether the device left with the visitor.
    left_with_visitor: Mapped[bool | None] = mapped_column(Boolean)
