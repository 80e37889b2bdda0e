"""Data retention: KTP captures, signatures and request letters are deleted after the configured
number of days (setting "retention_days"), and the NIK of a visitor not seen for that long is
kept only masked (3373********0001). Guest-book rows themselves stay: they are the office's record.

`purge()` changes the rows and writes one audit event in the caller's transaction; the caller
commits, THEN deletes the files (`PurgeResult.delete_files`). That order never leaves a row
pointing at a deleted file; a crash between the two leaves only unreferenced encrypted files,
which the next run cannot see (the rows no longer name them) and which are logged here.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from sqlalchemy import null, or_, select
from sqlalchemy.orm import Session

from . import audit, orphans, settings, staff_sessions
from .models import RemoteAccessRequest, Visit, Visitor
from .nik import MASK_CHAR, mask_nik
from .roles import SYSTEM_ACTOR, Actor

log = logging.getLogger(__name__)


class RetentionError(ValueError):
    pass


@dataclass
class PurgeResult:
    days: int
    cutoff: datetime
    captures: list[int] = field(default_factory=list)  # visit ids whose KTP capture went
    signatures: list[int] = field(default_factory=list)  # visit ids whose signature went
    letters: list[int] = field(default_factory=list)  # remote-access request ids
    masked_visitors: list[int] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # storage keys to delete once committed
    deleted_files: int = 0
    missing_files: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.captures or self.signatures or self.letters or self.masked_visitors)

    def summary(self) -> str:
        return (f"retention {self.days} days (before {self.cutoff:%Y-%m-%d %H:%M} UTC): "
                f"{len(self.captures)} KTP captures, {len(self.signatures)} signatures, "
                f"{len(self.letters)} letters, {len(self.masked_visitors)} NIKs masked; "
                f"files deleted {self.deleted_files}, already gone {self.missing_files}")

    def delete_files(self, storage) -> None:
        """Call after the commit: the rows no longer name these files."""
        for key in self.files:
            try:
                if storage.delete(key):
                    self.deleted_files += 1
                else:
                    self.missing_files += 1
            except OSError:
                log.exception("retention: could not delete stored file %s; delete it by hand", key)


def retention_days(session: Session) -> int:
    raw = settings.get(session, "retention_days")
    try:
        days = int(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise RetentionError(f"retention_days is not a number: {raw!r}") from None
    if days < 1:
        raise RetentionError("retention_days must be at least 1")
    return days


def purge(session: Session, *, now: datetime | None = None, days: int | None = None,
          actor: Actor = SYSTEM_ACTOR, session_hours: int = 12) -> PurgeResult:
    """Clear what is older than the retention period and audit it; the caller commits.

    Staff-session records older than any session may live (`session_hours`, plus a day) go too.
    """
    days = retention_days(session) if days is None else days
    if days < 1:
        raise RetentionError("retention_days must be at least 1")
    now = now or datetime.now(timezone.utc)
    result = PurgeResult(days=days, cutoff=now - timedelta(days=days))
    cutoff = result.cutoff
    staff_sessions.forget_before(session, now - timedelta(hours=session_hours, days=1))

    for visit in session.scalars(select(Visit).where(
            Visit.submitted_at < cutoff,
            or_(Visit.id_capture_key.is_not(None), Visit.signature_key.is_not(None),
                Visit.id_barcodes.is_not(None))).order_by(Visit.id)):
        if visit.id_capture_key:
            result.files.append(visit.id_capture_key)
        if visit.id_capture_key or visit.id_barcodes is not None:
            result.captures.append(visit.id)
        if visit.signature_key:
            result.files.append(visit.signature_key)
            result.signatures.append(visit.id)
        visit.id_capture_key = visit.signature_key = None
        # The barcodes were read from the same KTP image and carry the same personal data. SQL NULL,
        # not JSON null, so the row is not selected again on the next run.
        visit.id_barcodes = null()

    for request in session.scalars(select(RemoteAccessRequest).where(
            RemoteAccessRequest.recorded_at < cutoff, RemoteAccessRequest.letter_key.is_not(None))
            .order_by(RemoteAccessRequest.id)):
        result.files.append(request.letter_key)
        result.letters.append(request.id)
        request.letter_key = None

    # The period runs from a visitor's last visit: a returning visitor's NIK is still needed.
    seen_recently = select(Visit.id).where(Visit.visitor_id == Visitor.id, Visit.submitted_at >= cutoff).exists()
    has_visits = select(Visit.id).where(Visit.visitor_id == Visitor.id).exists()
    for visitor in session.scalars(select(Visitor).where(
            ~seen_recently, or_(has_visits, Visitor.created_at < cutoff),
            ~Visitor.nik.contains(MASK_CHAR)).order_by(Visitor.id)):
        visitor.nik = mask_nik(visitor.nik)
        result.masked_visitors.append(visitor.id)

    if result.changed:
        audit.record(session, actor, "retention.purged", at=now, details={
            "days": days, "cutoff": cutoff.isoformat(), "ktp_captures": result.captures,
            "signatures": result.signatures, "letters": result.letters,
            "masked_visitors": result.masked_visitors, "files": len(result.files),
        })
    return result


def after_purge(session: Session, storage, result: PurgeResult) -> str:
    """Once the purge's row changes are committed: their files, then files no row names, then
    SQLite's write-ahead log emptied (a masked NIK's old value would otherwise sit in it until the
    next automatic checkpoint, while the server runs)."""
    result.delete_files(storage)
    swept = orphans.sweep(session, storage)
    checkpoint(session)
    return f"{result.summary()}; {swept.summary()}"


def checkpoint(session: Session) -> None:
    bind = session.get_bind()
    if bind.dialect.name == "sqlite":
        with bind.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
