"""A check and the write it allows, made one at a time for one name (a NIK) across every app thread
and process: the lock is taken in the caller's transaction and held until it commits or rolls back.

Without it two kiosks sending the same NIK in the same second both read "nothing waiting" and both
queued a request (h23v). PostgreSQL: an advisory lock per name (READ COMMITTED would let each
transaction miss the other's new row). SQLite: the database's one write lock, taken by a write that
changes nothing, so the check that follows reads what the other writer committed (WAL readers see
the latest commit when their transaction starts). As `throttle.SharedFailures.take` does.
"""
from __future__ import annotations

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session


def hold(session: Session, name: str) -> None:
    """Wait for, then hold until the end of `session`'s transaction, the lock named `name`."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(func.hashtextextended(name, 0))))
    elif dialect == "sqlite":
        # busy_timeout (lpsedesk/sqlite.py) makes a second writer wait here for the first's commit.
        session.execute(text("UPDATE settings SET key = key WHERE 0"))
