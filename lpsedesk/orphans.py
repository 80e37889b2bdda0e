"""Stored files that no row names any more are deleted once they are an hour old.

They come from crashes and restarts: a kiosk capture whose visitor walked away while the server
was down (its scan session lived only in memory), a save killed half-way (a `.tmp` file), a purge
killed between its commit and its file deletions. Nothing can reach such a file again, but it still
holds a KTP image or a signature. An hour is far longer than any file waits for its row: a kiosk
capture token lives 30 minutes, every other file is saved in the request that writes its row.
Plain Python; run from the purge job (daily and at start-up) and `flask purge`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from .models import RemoteAccessRequest, Visit

MIN_AGE = timedelta(hours=1)


@dataclass
class SweepResult:
    orphans: int = 0
    leftovers: int = 0

    def summary(self) -> str:
        return f"orphaned files deleted {self.orphans}, unfinished .tmp files deleted {self.leftovers}"


def referenced_keys(session: Session) -> set[str]:
    keys: set[str] = set()
    # Only the visits of the retention period: the partial index of visits still holding files
    # (ix_visits_holding_files) carries the keys and holds every row this condition can match.
    for names in session.execute(
            select(Visit.id_capture_key, Visit.signature_key, Visit.signature_small_key)
            .where(or_(Visit.id_capture_key.is_not(None), Visit.signature_key.is_not(None)))):
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
    return result
