"""Visitors as the guest book knows them."""
from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Index, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship


from .base import Base, UTCDateTime, utcnow


# A masked NIK holds "*" (lpsedesk.nik.MASK_CHAR).
NIK_UNMASKED = "nik NOT LIKE '%*%'"


class VisitorCategory(enum.StrEnum):
    PENYEDIA = "penyedia"
    POKJA = "pokja"
    PPK = "ppk"
    PA_KPA = "pa_kpa"
    APIP = "apip"
    OPD = "opd"
    PUBLIC = "public"
    OTHER = "other"


class Visitor(Base):
    __tablename__ = "visitors"
    __table_args__ = (
        # Visitors whose NIK is still whole: the only ones the purge may have to mask. Literal SQL for
        # the same reason as visits' REPORTS_WAITING.
        Index("ix_visitors_unmasked", "id", sqlite_where=text(NIK_UNMASKED), postgresql_where=text(NIK_UNMASKED)),
        # Search by part of a name or an institution (ILIKE '%x%') on PostgreSQL; SQLite has an FTS5
        # table instead (migration 0016b_search_index, lpsedesk/search_index.py).
        Index("ix_visitors_full_name_trgm", "full_name", postgresql_using="gin",
              postgresql_ops={"full_name": "gin_trgm_ops"}).ddl_if(dialect="postgresql"),
        Index("ix_visitors_institution_trgm", "institution", postgresql_using="gin",
              postgresql_ops={"institution": "gin_trgm_ops"}).ddl_if(dialect="postgresql"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(120))
    # Not unique: after the retention period a NIK is kept only masked (3373********0001).
    nik: Mapped[str] = mapped_column(String(16), index=True)
    phone: Mapped[str] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(120))
    institution: Mapped[str] = mapped_column(String(160))
    category: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    visits: Mapped[list["Visit"]] = relationship(back_populates="visitor")  # noqa: F821
