"""Stored files that no row names any more are deleted once they are an hour old, by the next
full sweep: at most `SWEEP_EVERY` after the last one, so within a day and a half at the latest.

They come from crashes and restarts: a kiosk capture whose visitor walked away while the server
was down (its scan session lived only in memory), a save killed half-way (a `.tmp` file), a purge
killed between its commit and its file deletions. Nothing can reach such a file again, but it still
holds a KTP image or a signature. An hour is far longer than any file waits for its row: a kiosk
capture token lives 30 minutes, a held letter 45 minutes (held_files.py, deleted by its own
sweep), every other file is saved in the request that writes its row.

A full sweep lists every stored file and reads every key the rows name (330,000 of each at a
million visits: seconds of work), so it runs at most once per `SWEEP_EVERY`, whoever calls the
purge (the daily job, the run ten minutes after each start, `flask purge`): a purge run again soon
after has nothing to sweep for. The files a purge batch takes from its rows it deletes itself; the
sweep is only for what a crash left. When the last sweep finished is kept beside the files.
Plain Python; run from the purge job (daily and at start-up) and `flask purge`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import RemoteAccessRequest, VisitFiles

MIN_AGE = timedelta(hours=1)
# Shorter than the daily job's period, so every daily run sweeps; a run after a restart within
# this time of the last sweep does not (the next daily run does).
SWEEP_EVERY = timedelta(hours=12)


@dataclass
class SweepResult:
    orphans: int = 0
    leftovers: int = 0
    last: datetime | None = None  # when set: not due, the last full sweep finished then

    def summary(self) -> str:
        if self.last is not None:
            return f"orphan sweep not due (last {self.last:%Y-%m-%d %H:%M} UTC)"
        return f"orphaned files deleted {self.orphans}, unfinished .tmp files deleted {self.leftovers}"


def referenced_keys(session: Session) -> set[str]:
    keys: set[str] = set()
    # Only the visits of the retention period: the narrow rows of visits still holding files.
    for names in session.execute(
            select(VisitFiles.id_capture_key, VisitFiles.signature_key, VisitFiles.signature_small_key)):
        keys.update(k for k in names if k)
    keys.update(k for k in session.scalars(select(RemoteAccessRequest.letter_key)
                                           .where(RemoteAccessRequest.letter_key.is_not(None))) if k)
    return keys


def sweep(session: Session, storage, *, now: datetime | None = None, min_age: timedelta = MIN_AGE) -> SweepResult:
    """Delete stored files older than `min_age` that no row references, and old `.tmp` leftovers."""
    cutoff = (now or datetime.now(timezone.utc)) - min_age
    result = SweepResult()
    # Candidates first, then the references: a file saved and referenced in between is younger
    # than the cutoff and never a candidate.
    candidates = storage.stored_before(cutoff)
    wanted = referenced_keys(session)
    for key in candidates:
        if key not in wanted and storage.delete(key):
            result.orphans += 1
    result.leftovers = storage.remove_leftovers(cutoff)
    storage.mark_swept(now or datetime.now(timezone.utc))
    return result


def sweep_if_due(session: Session, storage, *, now: datetime | None = None,
                 every: timedelta = SWEEP_EVERY) -> SweepResult:
    """A full sweep unless one finished less than `every` ago (a clock set back counts as due)."""
    now = now or datetime.now(timezone.utc)
    last = storage.swept_at()
    if last is not None and timedelta(0) <= now - last < every:
        return SweepResult(last=last)
    return sweep(session, storage, now=now)
