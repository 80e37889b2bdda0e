"""Data retention: KTP captures, signatures and request letters are deleted after the configured
number of days (setting "retention_days"), and the NIK of a visitor not seen for that long is
kept only masked (3373********0001). Guest-book rows themselves stay: they are the office's record.

The purge runs in batches (`purge()` does one): each changes at most `limit` visits, letters and
visitors and writes one audit event, in the caller's transaction; the caller commits, THEN deletes
the batch's files (`PurgeResult.delete_files`), then asks for the next batch while `result.more`.
A batch is a short write, so the desk's own writes (on SQLite, one writer at a time) wait
milliseconds, not the whole purge. The candidates are read through the partial indexes of the rows
the purge may still change (visits holding files, visitors with a whole NIK), so a run with nothing
to do reads nothing, and a run that stops half-way resumes where it was: what is done no longer
matches. The file order never leaves a row pointing at a deleted file; a crash between commit and
deletion leaves only unreferenced encrypted files, which the orphan sweep deletes.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from sqlalchemy import null, select, text, update
from sqlalchemy.orm import Session

from . import audit, orphans, settings, staff_sessions
from .invitations import retention as invitation_retention
from .models import RemoteAccessRequest, Visit, Visitor
from .models.visitors import NIK_UNMASKED
from .models.visits import HOLDING_FILES
from .nik import mask_nik
from .roles import SYSTEM_ACTOR, Actor

log = logging.getLogger(__name__)
BATCH = 1000  # rows of each kind changed per transaction: a few milliseconds of writing


class RetentionError(ValueError):
    pass


@dataclass
class PurgeTotals:
    """What the batches of one run did together, for the summary line."""

    batches: int = 0
    captures: int = 0
    signatures: int = 0
    letters: int = 0
    masked_visitors: int = 0
    deleted_files: int = 0
    missing_files: int = 0


@dataclass
class PurgeResult:
    """One batch: what it changed, the files to delete once committed, and where the next starts."""

    days: int
    cutoff: datetime
    now: datetime
    captures: list[int] = field(default_factory=list)  # visit ids whose KTP capture went
    signatures: list[int] = field(default_factory=list)  # visit ids whose signature went
    letters: list[int] = field(default_factory=list)  # remote-access request ids
    masked_visitors: list[int] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # storage keys to delete once committed
    deleted_files: int = 0
    missing_files: int = 0
    more: bool = False  # a kind filled its batch: run another
    after_visitor: int = 0  # the visitors' keyset cursor: the next batch looks at ids above it
    finished: set[str] = field(default_factory=set)  # kinds found exhausted: later batches skip them
    totals: PurgeTotals = field(default_factory=PurgeTotals)  # shared by the batches of one run

    @property
    def changed(self) -> bool:
        return bool(self.captures or self.signatures or self.letters or self.masked_visitors)

    def summary(self) -> str:
        t = self.totals
        return (f"retention {self.days} days (before {self.cutoff:%Y-%m-%d %H:%M} UTC): "
                f"{t.captures} KTP captures, {t.signatures} signatures, "
                f"{t.letters} letters, {t.masked_visitors} NIKs masked; "
                f"files deleted {t.deleted_files}, already gone {t.missing_files}; batches {t.batches}")

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
        self.totals.deleted_files += self.deleted_files
        self.totals.missing_files += self.missing_files


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
          actor: Actor = SYSTEM_ACTOR, limit: int = BATCH, previous: PurgeResult | None = None,
          session_hours: int = 12) -> PurgeResult:
    """One batch of the purge, audited; the caller commits, then calls again with `previous` while
    `result.more` (the run keeps its first batch's cutoff, cursor and totals).

    The first batch also forgets staff-session records older than any session may live
    (`session_hours`, plus a day).
    """
    if previous is not None:
        days, now = previous.days, previous.now
    days = retention_days(session) if days is None else days
    if days < 1:
        raise RetentionError("retention_days must be at least 1")
    now = now or datetime.now(timezone.utc)
    result = PurgeResult(days=days, cutoff=now - timedelta(days=days), now=now,
                         after_visitor=previous.after_visitor if previous else 0,
                         finished=set(previous.finished) if previous else set(),
                         totals=previous.totals if previous else PurgeTotals())
    if previous is None:
        staff_sessions.forget_before(session, now - timedelta(hours=session_hours, days=1))
        invitation_retention.forget_before(session, result.cutoff)  # issue 15: invitations past retention
    for kind, step in (("visit_files", _visit_files), ("letters", _letters), ("visitors", _visitors)):
        if kind not in result.finished and not step(session, result, limit):
            result.finished.add(kind)  # a batch that was not full: nothing of this kind is left
    result.more = len(result.finished) < 3
    totals = result.totals
    totals.batches += 1
    totals.captures += len(result.captures)
    totals.signatures += len(result.signatures)
    totals.letters += len(result.letters)
    totals.masked_visitors += len(result.masked_visitors)
    if result.changed:
        audit.record(session, actor, "retention.purged", at=now, details={
            "days": days, "cutoff": result.cutoff.isoformat(), "ktp_captures": result.captures,
            "signatures": result.signatures, "letters": result.letters,
            "masked_visitors": result.masked_visitors, "files": len(result.files),
        })
    return result


def _visit_files(session: Session, result: PurgeResult, limit: int) -> bool:
    """KTP captures, their barcodes and signatures of old visits; True if the batch was full."""
    rows = session.execute(
        select(Visit.id, Visit.id_capture_key, Visit.signature_key, Visit.signature_small_key, Visit.id_barcodes.is_not(None))
        .where(text(f"({HOLDING_FILES})"), Visit.submitted_at < result.cutoff)  # the partial index's condition
        .order_by(Visit.submitted_at).limit(limit)).all()
    for visit_id, capture, signature, small, has_barcodes in rows:
        if capture:
            result.files.append(capture)
        if capture or has_barcodes:
            result.captures.append(visit_id)
        if signature:
            result.files.append(signature)
            result.signatures.append(visit_id)
        if small:  # the signature's small copy (guest book PDF) goes with it
            result.files.append(small)
    if rows:
        # The barcodes were read from the same KTP image and carry the same personal data. SQL NULL,
        # not JSON null, so the row leaves the partial index and is not selected again.
        session.execute(update(Visit).where(Visit.id.in_([r[0] for r in rows]))
                        .values(id_capture_key=None, signature_key=None, signature_small_key=None, id_barcodes=null())
                        .execution_options(synchronize_session=False))
    return len(rows) == limit


def _letters(session: Session, result: PurgeResult, limit: int) -> bool:
    rows = session.execute(
        select(RemoteAccessRequest.id, RemoteAccessRequest.letter_key)
        .where(RemoteAccessRequest.recorded_at < result.cutoff, RemoteAccessRequest.letter_key.is_not(None))
        .order_by(RemoteAccessRequest.recorded_at).limit(limit)).all()
    for request_id, key in rows:
        result.files.append(key)
        result.letters.append(request_id)
    if rows:
        session.execute(update(RemoteAccessRequest).where(RemoteAccessRequest.id.in_([r[0] for r in rows]))
                        .values(letter_key=None).execution_options(synchronize_session=False))
    return len(rows) == limit


def _visitors(session: Session, result: PurgeResult, limit: int) -> bool:
    """Mask the NIKs of the next `limit` visitors not seen since the cutoff.

    The period runs from a visitor's last visit: a returning visitor's NIK is still needed. A
    visitor with no visit at all is judged by when the record was made. One query picks only the
    visitors to mask, each checked through (visitor_id, submitted_at): the visitors seen within the
    period (all of the recent ones, which stay whole) are passed over inside the database instead of
    being read 1,000 at a time with two queries each (a purge with nothing to do at 1M visits walked
    211 windows: 11.7 s).
    """
    seen_since = (select(Visit.id).where(Visit.visitor_id == Visitor.id, Visit.submitted_at >= result.cutoff)
                  .exists())
    window = session.execute(
        select(Visitor.id, Visitor.nik, Visitor.created_at)
        .where(text(f"({NIK_UNMASKED})"), Visitor.id > result.after_visitor,  # the partial index's condition
               ~seen_since)
        .order_by(Visitor.id).limit(limit)).all()
    if not window:
        return False
    result.after_visitor = window[-1][0]
    # A record made within the period is kept unless it has a visit (all before the cutoff): asked
    # for these few only (as an EXISTS in the query above PostgreSQL read the whole visitor index).
    young = [vid for vid, _nik, created in window if created >= result.cutoff]
    visited = set(session.scalars(select(Visit.visitor_id).where(Visit.visitor_id.in_(young)).distinct())) \
        if young else set()
    masked = [{"id": vid, "nik": mask_nik(nik)} for vid, nik, created in window
              if created < result.cutoff or vid in visited]
    if masked:
        session.execute(update(Visitor), masked)  # by primary key, one statement for the batch
        result.masked_visitors.extend(m["id"] for m in masked)
    return len(window) == limit


def after_purge(session: Session, storage, result: PurgeResult) -> str:
    """Once a batch's row changes are committed: its files; after the last batch, files no row
    names, then SQLite's write-ahead log emptied (a masked NIK's old value would otherwise sit in it
    until the next automatic checkpoint, while the server runs)."""
    result.delete_files(storage)
    if result.more:
        return result.summary()
    swept = orphans.sweep(session, storage)
    checkpoint(session)
    return f"{result.summary()}; {swept.summary()}"


def checkpoint(session: Session) -> None:
    bind = session.get_bind()
    if bind.dialect.name == "sqlite":
        with bind.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
