"""SQLite opened for concurrent use by waitress's threads."""
from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine


def _owner_only(engine: Engine) -> None:
    """The database and its -wal/-shm files hold NIKs: readable by the server's user only (0600).

    SQLite gives the -wal and -shm files the database file's mode when it creates them.
    """
    database = engine.url.database
    if not database or database == ":memory:" or os.name != "posix":
        return
    for path in (Path(database), Path(database + "-wal"), Path(database + "-shm")):
        try:
            if path.stat().st_mode & 0o077:
                path.chmod(0o600)
        except FileNotFoundError:
            continue


# A connection whose automatic checkpoint a job turned off (see retention._checkpoint_after_commit).
AUTOCHECKPOINT_OFF = "lpsedesk.autocheckpoint_off"


def tune_sqlite(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "checkin")
    def _on_checkin(dbapi_conn, record) -> None:
        if dbapi_conn is not None and record.info.pop(AUTOCHECKPOINT_OFF, False):
            dbapi_conn.execute("PRAGMA wal_autocheckpoint=1000")  # SQLite's default, for the next user

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        cur = dbapi_conn.cursor()
        # WAL lets readers go on while one thread writes; busy_timeout makes writers queue.
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        # Deleted and overwritten content (a NIK masked by the purge) is zeroed, not left in free pages.
        cur.execute("PRAGMA secure_delete=ON")
        cur.close()
        _owner_only(engine)
