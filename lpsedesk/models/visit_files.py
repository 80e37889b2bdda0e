"""The personal files a visit still holds: its KTP capture, the barcodes read from it, its signature
and the signature's small copy. A row of its own, made when the kiosk saves the visit and deleted
by the retention purge once the visit is older than the period.

Kept out of `visits` for the purge's sake (issue 16): clearing the keys there rewrote the whole
visit row and, on PostgreSQL, added an entry to each of the table's two dozen indexes (the keys
were indexed, so no HOT update): 5.9 s of a 8.7 s purge at 100k visits. Deleting this narrow row
writes no index entry at all. `submitted_at` is the visit's (kept equal by the listeners in
models/visits.py), and every row here holds something: "visits holding files" is this table.

On PostgreSQL the purge finds the old rows in time order through an index on `submitted_at`. On
SQLite that index does not exist (migration 0019j): there the purge walks this table in visit id
order (lpsedesk/retention.py), and an index in time order made every deleted row also delete an
entry on a page of its own when ids do not follow time (a random-time history: 42 s of a 99 s
purge at 1M visits went to writing and checkpointing those pages).
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, UTCDateTime

FILE_ATTRIBUTES = ("id_capture_key", "id_barcodes", "signature_key", "signature_small_key")


class VisitFiles(Base):
    __tablename__ = "visit_files"
    # The purge's order and cutoff on PostgreSQL: the oldest visits' rows first (see the docstring).
    __table_args__ = (Index("ix_visit_files_submitted_at", "submitted_at").ddl_if(dialect="postgresql"),)

    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), primary_key=True)
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    id_capture_key: Mapped[str | None] = mapped_column(String(128))
    # None is SQL NULL, not JSON null (a visit without barcodes).
    id_barcodes: Mapped[list | None] = mapped_column(JSON(none_as_null=True))
    signature_key: Mapped[str | None] = mapped_column(String(128))
    # The signature made small when the visit was submitted (lpsedesk/signatures.py), for the guest
    # book's PDF and workbook; set only with signature_key and purged with it.
    signature_small_key: Mapped[str | None] = mapped_column(String(128))

    visit: Mapped["Visit"] = relationship(back_populates="files")  # noqa: F821
