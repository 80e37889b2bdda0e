"""Data retention: KTP captures, signatures and request letters are deleted after the configured
number of days (setting "retention_days"), and the NIK of a visitor not seen for that long is
kept only masked (3373********0001). Guest-book rows themselves stay: they are the office's record.

The purge runs in batches (`purge()` does one): each changes at most `limit` visits, letters and
visitors and writes one audit event, in the caller's transaction; the caller commits, THEN deletes
the batch's files (`PurgeResult.delete_files`), then asks for the next batch while `result.more`.
A batch is a short write, so the desk's own writes (on SQLite, one writer at a time) wait
milliseconds, not the whole purge. The candidates are read through what holds only the rows the
purge may still change (the `visit_files` table, the partial index of visitors with a whole NIK),
so a run with nothing to do reads nothing, and a run that stops half-way resumes where it was: what is done no longer
matches. The file order never leaves a row pointing at a deleted file; a crash between commit and
deletion leaves only unreferenced encrypted files, which the orphan sweep deletes.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from sqlalchemy import ARRAY, Integer, any_, bindparam, delete, select, text, update
from sqlalchemy.orm import Session

from . import audit, held_files, orphans, settings, staff_sessions, throttle
from .invitations import retention as invitation_retention
from .models import RemoteAccessRequest, Visit, VisitFiles, Visitor
from .models.visitors import NIK_UNMASKED
from .nik import mask_nik
from .roles import SYSTEM_ACTOR, Actor
from .sqlite import AUTOCHECKPOINT_OFF

log = logging.getLogger(__name__)
BATCH = 4000  # at most this many rows of each kind changed per transaction
# How long a batch's writes may hold SQLite's one write lock: a longer batch makes the next one
# smaller (a loaded machine), a much shorter one lets it grow back, never beyond `limit`.
BATCH_SECONDS = 0.1
SMALLEST = 100


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
    forgotten: int = 0  # staff-session, invitation and counted-failure rows deleted by the first batch

    @property
    def changed(self) -> bool:
        return bool(self.captures or self.signatures or self.letters or self.masked_visitors or self.forgotten)


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
    limit: int = BATCH  # the most rows of each kind this batch could change
    took: float = 0.0  # seconds from its first write to its last statement (the commit comes after)
    after_visitor: int = 0  # the visitors' keyset cursor: the next batch looks at ids above it
    # The old visits' and letters' cursors: the next batch starts its index scan where this one
    # stopped. Without them PostgreSQL walks, at every batch, the index entries of every row the
    # earlier batches cleared (dead until vacuumed): 14 s at 100k visits, 1,937 s at 1M.
    visits_from: datetime | None = None
    letters_from: datetime | None = None
    # SQLite: the old visits' files rows are taken in visit id order (see `_old_visit_files`):
    # the last id a batch reached.
    files_after: int = 0
    finished: set[str] = field(default_factory=set)  # kinds found exhausted: later batches skip them
    totals: PurgeTotals = field(default_factory=PurgeTotals)  # shared by the batches of one run

    @property
    def changed(self) -> bool:
        return bool(self.captures or self.signatures or self.letters or self.masked_visitors)

    def next_limit(self, most: int) -> int:
        """The next batch's size: halved after a batch that held the lock too long, doubled (up to
        `most`) after one that took less than half as long."""
        if self.took > BATCH_SECONDS:
            return max(min(SMALLEST, most), self.limit // 2)
        if self.took < BATCH_SECONDS / 2:
            return min(most, self.limit * 2)
        return self.limit

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
          session_hours: int = 12, guesses_kept: timedelta = timedelta(days=1)) -> PurgeResult:
    """One batch of the purge, audited; the caller commits, then calls again with `previous` while
    `result.more` (the run keeps its first batch's cutoff, cursor and totals). `limit` is the most
    rows of each kind a batch changes; on SQLite later batches change fewer while a batch takes
    longer than BATCH_SECONDS (see `PurgeResult.next_limit`). PostgreSQL locks rows, not the
    database: the desk's writers never wait for a batch (bar a visitor checking in at the very
    moment the batch masks that NIK), so its batches stay `limit` whatever the machine's load (on
    a loaded machine the time box made them a hundred rows: 1,260 batches, 223 s at 1M visits).

    The first batch also forgets staff-session records older than any session may live
    (`session_hours`, plus a day), and the failures the rate limits counted before `guesses_kept`
    (h45s: they hold what was typed, a NIK or a user name, and no limit reads them after its window).
    """
    if previous is not None:
        days, now = previous.days, previous.now
        limit = previous.next_limit(limit) if session.get_bind().dialect.name == "sqlite" else limit
    days = retention_days(session) if days is None else days
    if days < 1:
        raise RetentionError("retention_days must be at least 1")
    now = now or datetime.now(timezone.utc)
    _checkpoint_after_commit(session)
    result = PurgeResult(days=days, cutoff=now - timedelta(days=days), now=now, limit=limit,
                         after_visitor=previous.after_visitor if previous else 0,
                         visits_from=previous.visits_from if previous else None,
                         letters_from=previous.letters_from if previous else None,
                         files_after=previous.files_after if previous else 0,
                         finished=set(previous.finished) if previous else set(),
                         totals=previous.totals if previous else PurgeTotals())
    # Old visits' and letters' files are read before the first write: on SQLite that write takes
    # the one write lock until the commit, and this read is half a batch's time at a million
    # visits (it reads each visit's row). Nothing changes them once their period has passed.
    visits = _old_visit_files(session, result, limit) if "visit_files" not in result.finished else None
    letters = _old_letters(session, result, limit) if "letters" not in result.finished else None
    writing = time.monotonic()
    if previous is None:
        result.totals.forgotten += staff_sessions.forget_before(session, now - timedelta(hours=session_hours, days=1))
        result.totals.forgotten += invitation_retention.forget_before(session, result.cutoff)  # issue 15
        result.totals.forgotten += throttle.forget_before(session, now - guesses_kept)
    if visits is not None and not _clear_visit_files(session, result, visits, limit):
        result.finished.add("visit_files")  # a batch that was not full: nothing of this kind is left
    if letters is not None and not _clear_letters(session, result, letters, limit):
        result.finished.add("letters")
    # Visitors are judged inside the write: a visitor checking in meanwhile keeps the NIK.
    if "visitors" not in result.finished and not _visitors(session, result, limit):
        result.finished.add("visitors")
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
    result.took = time.monotonic() - writing
    return result


def _old_visit_files(session: Session, result: PurgeResult, limit: int) -> list:
    """The next `limit` old visits still holding a KTP capture, its barcodes or a signature: rows of
    `visit_files` (every row there holds something). A visit before the cutoff never gains files
    again.

    PostgreSQL: the oldest first, through the index on the visit's time, from the time the last
    batch reached (>=: a visit sharing that time and not cleared yet is still found; the ones
    cleared are gone).

    SQLite: in visit id order, walking the table (which holds only the visits not purged yet) from
    the id the last batch reached. Taken by time, through an index on it, the old rows had ids
    spread over the whole table when ids do not follow time (the bench's random history, a desk
    that imported an old guest book): each deleted row, or each entry of the index when taken by
    id, on a page of its own, written to the log and copied back by the checkpoint (16 s of DELETE
    and 25 s of checkpoint of a 99-107 s purge at 1M visits). So SQLite has no such index
    (migration 0019j) and a batch empties neighbouring rows of a few pages; where ids follow time
    the old rows are the lowest ids and come first.
    """
    if session.get_bind().dialect.name != "sqlite":
        after = () if result.visits_from is None else (VisitFiles.submitted_at >= result.visits_from,)
        rows = session.execute(
            select(VisitFiles.visit_id, VisitFiles.id_capture_key, VisitFiles.signature_key,
                   VisitFiles.signature_small_key, VisitFiles.id_barcodes.is_not(None), VisitFiles.submitted_at)
            .where(VisitFiles.submitted_at < result.cutoff, *after)
            .order_by(VisitFiles.submitted_at).limit(limit)).all()
        if rows:
            result.visits_from = rows[-1][5]
        return [r[:5] for r in rows]
    rows = session.execute(
        select(VisitFiles.visit_id, VisitFiles.id_capture_key, VisitFiles.signature_key,
               VisitFiles.signature_small_key, VisitFiles.id_barcodes.is_not(None))
        .where(VisitFiles.visit_id > result.files_after, VisitFiles.submitted_at < result.cutoff)
        .order_by(VisitFiles.visit_id).limit(limit)).all()
    if rows:
        result.files_after = rows[-1][0]
    return rows


def _clear_visit_files(session: Session, result: PurgeResult, rows: list, limit: int) -> bool:
    """Their files rows deleted (the barcodes were read from the same KTP image and carry the same
    personal data), the files listed for deletion; True if the batch was full. The visits' own
    rows are not written."""
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
        ids = [r[0] for r in rows]
        # PostgreSQL: the ids as one array, not an IN list of 4,000 parameters (a quarter of the
        # time: 20-38 ms a batch against 75-134 ms at 100k visits, load 5).
        match = (VisitFiles.visit_id == any_(bindparam("ids", ids, type_=ARRAY(Integer))) if
                 session.get_bind().dialect.name == "postgresql" else VisitFiles.visit_id.in_(ids))
        session.execute(delete(VisitFiles).where(match).execution_options(synchronize_session=False))
    return len(rows) == limit


def _old_letters(session: Session, result: PurgeResult, limit: int) -> list:
    """The next `limit` old request letters, from where the last batch stopped (as the visits)."""
    after = () if result.letters_from is None else (RemoteAccessRequest.recorded_at >= result.letters_from,)
    rows = session.execute(
        select(RemoteAccessRequest.id, RemoteAccessRequest.letter_key, RemoteAccessRequest.recorded_at)
        .where(RemoteAccessRequest.recorded_at < result.cutoff, RemoteAccessRequest.letter_key.is_not(None), *after)
        .order_by(RemoteAccessRequest.recorded_at).limit(limit)).all()
    if rows:
        result.letters_from = rows[-1][2]
    return [r[:2] for r in rows]


def _clear_letters(session: Session, result: PurgeResult, rows: list, limit: int) -> bool:
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
        # by primary key, one statement for the batch (Core: the ORM's bulk update costs 60 ms a
        # thousand rows in Python)
        session.execute(update(Visitor.__table__).where(Visitor.__table__.c.id == bindparam("vid"))
                        .values(nik=bindparam("masked")),  # updated_at: the column's onupdate
                        [{"vid": m["id"], "masked": m["nik"]} for m in masked])
        result.masked_visitors.extend(m["id"] for m in masked)
    return len(window) == limit


def after_purge(session: Session, storage, result: PurgeResult) -> str:
    """Once a batch's row changes are committed: its files; after the last batch, files no row
    names (when a full sweep is due, see orphans.py), then, if the run changed anything, SQLite's
    write-ahead log emptied (a masked NIK's old value would otherwise sit in it until the next
    automatic checkpoint, while the server runs). A run that changed nothing skips the checkpoint:
    it would wait for every reader while holding the write lock, for nothing."""
    result.delete_files(storage)
    if result.changed:
        checkpoint(session, "PASSIVE")
    if result.more:
        return result.summary()
    swept = orphans.sweep_if_due(session, storage, now=result.now)
    held = held_files.sweep_expired(storage, result.now)  # a form's held files nobody came back for
    if result.totals.changed:
        checkpoint(session)
    return f"{result.summary()}; {swept.summary()}; expired held files deleted {held}"


def _checkpoint_after_commit(session: Session) -> None:
    """On SQLite, the batch's commit does not copy the write-ahead log into the database itself
    (with a thousand rows, 60 ms inside the commit, timed as if the lock were held): `after_purge`
    does it once the lock is free. The pool turns the automatic checkpoint back on (lpsedesk/sqlite.py)."""
    if session.get_bind().dialect.name == "sqlite":
        connection = session.connection()
        connection.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
        connection.connection.info[AUTOCHECKPOINT_OFF] = True


def checkpoint(session: Session, mode: str = "TRUNCATE") -> None:
    """TRUNCATE empties the log (waiting for readers, holding the write lock); PASSIVE copies
    what it can without waiting and lets writers go on."""
    bind = session.get_bind()
    if bind.dialect.name == "sqlite":
        with bind.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql(f"PRAGMA wal_checkpoint({mode})")
