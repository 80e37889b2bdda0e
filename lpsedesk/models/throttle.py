"""Failed attempts counted by the rate limits, kept where every app process sees them."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime, utcnow


class ThrottleFailure(Base):
    """One failed attempt under one key ("login:user+ip:dewi|10.0.0.5"); rows older than the
    limit's window are deleted as new ones come under the same key, and the daily purge deletes
    every row older than a day (h45s). Used on PostgreSQL, and on SQLite for the limits on guessing
    a short code (lpsedesk/throttle.py)."""

    __tablename__ = "throttle_failures"
    __table_args__ = (Index("ix_throttle_failures_key_at", "key", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(255))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
