"""SOP 1: a facility-use request (visit), with a timestamp and actor for every step, and its notes."""
from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, event, false, select, text
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates


from ..workflow import VisitStatus
from .base import Base, UTCDateTime, utcnow
from .decision import DecisionColumns
from .restricted import RestrictedColumns, VisitDevice, WatchColumns
from .visit_files import FILE_ATTRIBUTES, VisitFiles
from .visitors import Visitor

# No 0/O, 1/I/L: a ticket is read aloud and typed on a touch keyboard.
TICKET_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
# Literal SQL, not bound parameters: SQLite uses a partial index only for a query whose WHERE
# holds the index's condition as written.
REPORTS_WAITING = "status = 'reported' AND acknowledged_at IS NULL"
# The Kasubag's decisions the helpdesk has still to act on (lpsedesk/decision_told.py, to_tell).
DECISIONS_TO_TELL = "decision_told_at IS NULL AND status IN ('approved', 'denied')"


def new_ticket_code() -> str:
    # 8 symbols of 31: about 2^39, unguessable at kiosk request rates.
    return "".join(secrets.choice(TICKET_ALPHABET) for _ in range(8))


class Visit(DecisionColumns, WatchColumns, RestrictedColumns, Base):
    __tablename__ = "visits"
    __workflow__ = "visit"
    __table_args__ = (
        # A visitor's visits by date: the purge's "seen since the cutoff?" probe and a visitor's history.
        Index("ix_visits_visitor_id_submitted_at", "visitor_id", "submitted_at"),
        # "reported" is where most of history ends: the Kasubag's unacknowledged reports are found
        # by (status, acknowledged_at IS NULL), not by reading every reported visit.
        Index("ix_visits_status_acknowledged_at", "status", "acknowledged_at"),
        # The few reports still waiting for the Kasubag, as a partial index: the planner knows its
        # size exactly, where (status, acknowledged_at) statistics multiply two independent guesses
        # ("most visits are reported" x "some are unacknowledged") into hundreds and choose a scan.
        Index("ix_visits_reports_waiting", "reported_at", sqlite_where=text(REPORTS_WAITING),
              postgresql_where=text(REPORTS_WAITING)),
        # The few decisions still waiting for the helpdesk to let the visitor in or tell the refusal
        # (h36d), as a partial index: refused visits pile up over the years, those untold stay a handful.
        Index("ix_visits_decisions_to_tell", "decided_at", sqlite_where=text(DECISIONS_TO_TELL),
              postgresql_where=text(DECISIONS_TO_TELL)),
        # The open visits of one state in arrival order (the queue), without sorting or a full walk.
        Index("ix_visits_status_submitted_at", "status", "submitted_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_code: Mapped[str] = mapped_column(String(12), unique=True, default=new_ticket_code)
    visitor_id: Mapped[int] = mapped_column(ForeignKey("visitors.id"))
    purpose: Mapped[str] = mapped_column(String(32))
    purpose_detail: Mapped[str | None] = mapped_column(Text)
    facility: Mapped[str] = mapped_column(String(64))
    planned_minutes: Mapped[int] = mapped_column(Integer)
    # id_capture_key, id_barcodes, signature_key, signature_small_key: the visit's personal files,
    # kept in their own row (models/visit_files.py), read and set through the attributes below.
    rules_accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    locale: Mapped[str | None] = mapped_column(String(8))

    status: Mapped[str] = mapped_column(String(16), default=VisitStatus.PENDING.value)
    # Optimistic lock: two staff deciding at once, exactly one UPDATE matches.
    version: Mapped[int] = mapped_column(Integer, default=1)

    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    submitted_via_kiosk_id: Mapped[int | None] = mapped_column(ForeignKey("kiosk_devices.id"), index=True)
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)

    # h43n: sent from a kiosk whose camera was absent or refused, so no KTP photo exists; the helpdesk
    # checks the original KTP in person before the Kasubag decides (visit_ops.waits_for_ktp_check). Not
    # read from id_capture_key, which the retention purge empties on visits that had a photo.
    no_ktp_photo: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    ktp_checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ktp_checked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)

    # decided_at, decided_by_id, decided_by_label, decided_on_behalf_of_id, decision_reason,
    # approved_until: from DecisionColumns
    # SOP 1: the helpdesk let the approved visitor in, or told the refused one why (h36d,
    # lpsedesk/decision_told.py): when and who. Empty until then; the decision waits on the desk.
    decision_told_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decision_told_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)

    checked_out_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    checked_out_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    checked_out_by_label: Mapped[str | None] = mapped_column(String(120))
    end_reason: Mapped[str | None] = mapped_column(Text)
    rating: Mapped[int | None] = mapped_column(Integer)
    feedback: Mapped[str | None] = mapped_column(Text)

    reported_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    reported_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    acknowledged_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)

    __mapper_args__ = {"version_id_col": version}

    visitor: Mapped[Visitor] = relationship(back_populates="visits", lazy="joined")
    notes: Mapped[list[VisitNote]] = relationship(
        back_populates="visit", order_by="VisitNote.created_at", cascade="all, delete-orphan")
    # Issue 15, read only for a restricted visit (the guest book, the server room log).
    escort: Mapped["User | None"] = relationship(foreign_keys="Visit.escort_id", lazy="select", viewonly=True)  # noqa: F821
    devices_checked_by: Mapped["User | None"] = relationship(  # noqa: F821
        foreign_keys="Visit.devices_checked_by_id", lazy="select", viewonly=True)
    # Loaded only where shown (the visit's page, the exports), never on the queue or the board.
    devices: Mapped[list[VisitDevice]] = relationship(
        order_by="VisitDevice.position", cascade="all, delete-orphan", lazy="select")
    # Loaded with the visits of every list, by primary key in one more query (no join in the
    # hot queries' plans); None once the purge took the files, or for a visit made without any.
    files: Mapped[VisitFiles | None] = relationship(
        back_populates="visit", cascade="all, delete-orphan", passive_deletes=True, lazy="selectin")

    @validates("submitted_at")
    def _files_follow_the_time(self, _key: str, value: datetime) -> datetime:
        files = self.__dict__.get("files")  # never loads them for this
        if files is not None:
            files.submitted_at = value
        return value


def _file_attribute(name: str) -> hybrid_property:
    """Visit.<name>: the value in the visit's files row (None without one); setting a value makes
    the row; in SQL, the value read from that row."""

    def get(visit: Visit):
        return getattr(visit.files, name) if visit.files is not None else None

    def set_(visit: Visit, value) -> None:
        if visit.files is None:
            if value is None:
                return
            visit.files = VisitFiles(submitted_at=visit.submitted_at)
        setattr(visit.files, name, value)

    def expression(cls):
        return (select(getattr(VisitFiles, name)).where(VisitFiles.visit_id == cls.id)
                .correlate_except(VisitFiles).scalar_subquery())

    return hybrid_property(get, set_, expr=expression)


for _name in FILE_ATTRIBUTES:
    setattr(Visit, _name, _file_attribute(_name))


@event.listens_for(VisitFiles, "before_insert")
def _files_take_the_visits_time(_mapper, _connection, files: VisitFiles) -> None:
    # A new visit's time is its column default, set when the visit was inserted, just before.
    if files.visit is not None and files.visit.submitted_at is not None:
        files.submitted_at = files.visit.submitted_at


class VisitNote(Base):
    """What the helpdesk observed during a visit (SOP 1 step 5)."""

    __tablename__ = "visit_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="note")  # note | incident
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    visit: Mapped[Visit] = relationship(back_populates="notes")
