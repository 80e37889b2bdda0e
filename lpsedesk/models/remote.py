"""SOP 2: a third party's remote-access request, from the letter to the closed account."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship


from ..workflow import RemoteStatus
from .base import Base, UTCDateTime, utcnow
from .decision import DecisionColumns


class RemoteAccessRequest(DecisionColumns, Base):
    __tablename__ = "remote_access_requests"
    __workflow__ = "remote_access"

    id: Mapped[int] = mapped_column(primary_key=True)
    requester_name: Mapped[str] = mapped_column(String(120))
    instansi: Mapped[str] = mapped_column(String(160))
    letter_number: Mapped[str] = mapped_column(String(80))
    letter_date: Mapped[date] = mapped_column(Date)
    letter_key: Mapped[str | None] = mapped_column(String(128))
    # The letter's checked type ("application/pdf", "image/jpeg", "image/png"), to serve it back right.
    letter_content_type: Mapped[str | None] = mapped_column(String(32))
    purpose: Mapped[str] = mapped_column(Text)  # Tujuan
    rights_requested: Mapped[str] = mapped_column(Text)  # Hak Akses asked for
    period_start: Mapped[datetime] = mapped_column(UTCDateTime)
    period_end: Mapped[datetime] = mapped_column(UTCDateTime)
    # An extension is a new request that points at the one it extends.
    extends_id: Mapped[int | None] = mapped_column(ForeignKey("remote_access_requests.id"), index=True)

    status: Mapped[str] = mapped_column(String(16), default=RemoteStatus.RECEIVED.value, index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)

    # decided_at, decided_by_id, decided_by_label, decided_on_behalf_of_id, decision_reason,
    # approved_until: from DecisionColumns

    username: Mapped[str | None] = mapped_column(String(80))
    rights_granted: Mapped[str | None] = mapped_column(Text)
    granted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # Waktu Pemberian
    granted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)

    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # Waktu Penutupan
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    close_note: Mapped[str | None] = mapped_column(Text)
    # Why it closed: "finished" (third party done), "expired" (planned end passed) or "superseded"
    # (an approved extension took over this account).
    close_kind: Mapped[str | None] = mapped_column(String(16))

    # A refused letter still owes the third party an answer (h35r): when the Admin told it (WIB on
    # screen), who, and how ("surat balasan no. ..."). Empty until told; the letter waits on the Admin.
    refusal_told_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    refusal_told_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    refusal_told_note: Mapped[str | None] = mapped_column(String(200))

    # Read-only conveniences for the screens; the *_id columns stay the source of truth.
    recorded_by = relationship("User", foreign_keys=[recorded_by_id], viewonly=True, lazy="selectin")
    decided_by = relationship("User", foreign_keys="RemoteAccessRequest.decided_by_id", viewonly=True, lazy="selectin")
    granted_by = relationship("User", foreign_keys=[granted_by_id], viewonly=True, lazy="selectin")
    closed_by = relationship("User", foreign_keys=[closed_by_id], viewonly=True, lazy="selectin")
    refusal_told_by = relationship("User", foreign_keys=[refusal_told_by_id], viewonly=True, lazy="selectin")
    extends = relationship("RemoteAccessRequest", remote_side=[id], foreign_keys=[extends_id],
                           viewonly=True, lazy="selectin")

    __mapper_args__ = {"version_id_col": version}
    # One open account per user name, held by the database: two Admins giving one name to two requests
    # at the same instant both passed the give's read of the open accounts (probe sec16).
    __table_args__ = (Index("uq_remote_access_requests_active_username", "username", unique=True,
                            sqlite_where=text("status = 'active'"), postgresql_where=text("status = 'active'")),)
