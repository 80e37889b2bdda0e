"""Files kept for a while between two submissions of one form, then deleted (ux5).

A browser cannot keep a chosen file across a form sent back with a problem: the Admin recording a
remote-access request had to attach the scanned letter again after any mistake in another field. The
server now keeps the letter it already checked as a "held" file (storage kind `pending`) for
`HOLD_FOR`; the form names it and uses it when sent again. A held file that is used is copied to its
real kind and deleted; one never used (the form abandoned, the browser closed) is deleted by
`sweep_expired` once `HOLD_FOR` has passed since it was saved: at the next form sent that holds
files, and in every purge run. `HOLD_FOR` is shorter than the orphan sweep's minimum age
(orphans.MIN_AGE), so the full sweep never has to know about them. Plain Python, no Flask.
"""
from __future__ import annotations

from datetime import datetime, timedelta

KIND = "pending"
HOLD_FOR = timedelta(minutes=45)


def expires_at(saved: datetime) -> datetime:
    return saved + HOLD_FOR


def sweep_expired(storage, now: datetime) -> int:
    """Delete held files saved more than HOLD_FOR before `now`; returns how many."""
    return sum(1 for key in storage.stored_before(now - HOLD_FOR, kind=KIND) if storage.delete(key))
