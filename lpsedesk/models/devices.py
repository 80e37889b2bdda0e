"""Kiosks: registered devices that may submit visits."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column


from .base import Base, UTCDateTime, utcnow


class KioskDevice(Base):
    __tablename__ = "kiosk_devices"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    # Only a hash of the one-time enrolment code is kept; the code itself is shown once.
    enrol_code_hash: Mapped[str | None] = mapped_column(String(128))
    enrol_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    enrolled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Bumped on revoke or re-enrolment: every credential signed with an older one stops working.
    credential_version: Mapped[int] = mapped_column(Integer, default=1)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The slip this kiosk's printer takes: "receipt80" (80 mm roll), "a6", or "none" (no printer).
    slip_format: Mapped[str] = mapped_column(String(16), default="receipt80")
    # The picture the kiosk's camera last gave (what the browser settled on, before the page scales a
    # frame down to send it): the Admin sees a 640x480 webcam that misreads names (devices.camera_advice).
    camera_width: Mapped[int | None] = mapped_column(Integer)
    camera_height: Mapped[int | None] = mapped_column(Integer)
