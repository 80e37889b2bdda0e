"""The Admin's watch list: people (by NIK, or by name with institution) whose requests reach the
Kasubag flagged. A match never refuses by itself (issue 15)."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime, utcnow


class WatchEntry(Base):
    __tablename__ = "watch_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Either a whole NIK (matched exactly) or a name with its institution (matched normalised).
    nik: Mapped[str | None] = mapped_column(String(16), index=True)
    full_name: Mapped[str | None] = mapped_column(String(120))
    institution: Mapped[str | None] = mapped_column(String(160))
    # The normalised forms the check-in compares against (lpsedesk.watchlist.normalise).
    name_key: Mapped[str | None] = mapped_column(String(120), index=True)
    institution_key: Mapped[str | None] = mapped_column(String(160))
    reason: Mapped[str] = mapped_column(Text)
    # The last day (WIB) the entry matches; from the next day on it is kept but no longer matches.
    expires_on: Mapped[date] = mapped_column(Date)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
