"""A kiosk's scan session kept where every app process sees it (issue 16, several processes)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime, utcnow


class ScanSessionRecord(Base):
    """The auto-capture state of one visitor at one kiosk (kiosk/scan_sessions.py): the tracker's
    last corners and steady count, the steady run's sharpest crops (JPEG, packed), the codes seen
    and the stored captures no visit owns yet. Rows untouched for the session TTL are swept."""

    __tablename__ = "scan_sessions"
    __table_args__ = (
        # Also the device_id foreign key's index (its first column).
        Index("ix_scan_sessions_device_id_session_id", "device_id", "session_id", unique=True),
        Index("ix_scan_sessions_touched_at", "touched_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("kiosk_devices.id", ondelete="CASCADE"))
    session_id: Mapped[str] = mapped_column(String(64))
    tracker: Mapped[dict] = mapped_column(JSON, default=dict)
    codes: Mapped[list] = mapped_column(JSON, default=list)
    pending_keys: Mapped[list] = mapped_column(JSON, default=list)
    steady: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    touched_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # SHA-256 (hex) of the capability the kiosk's frames must carry (lpsedesk/scan_capability.py).
    capability_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
