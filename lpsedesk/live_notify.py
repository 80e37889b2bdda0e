"""Stream wake-ups across app processes on PostgreSQL: LISTEN/NOTIFY.

A transaction that writes audit events also sends NOTIFY lpsedesk_changes with the newest event
id (PostgreSQL delivers it at commit, never for a rollback). Each process that serves live streams
keeps one connection LISTENing and wakes its own streams at once (live.FEED). Without it (SQLite,
or the listener between reconnects) a stream still re-reads the audit log every second, so a
change made by another process arrives within that second anyway.
"""
from __future__ import annotations

import logging
import threading
import time

from sqlalchemy.engine import Engine

CHANNEL = "lpsedesk_changes"
log = logging.getLogger(__name__)
_listeners: dict[str, threading.Thread] = {}
_lock = threading.Lock()


def notify_in_transaction(connection, latest_id: int) -> None:
    """Queue the wake-up in the session's own transaction (sent at commit)."""
    connection.exec_driver_sql(f"SELECT pg_notify('{CHANNEL}', '{int(latest_id)}')")


def _conninfo(engine: Engine) -> str:
    return engine.url.set(drivername="postgresql").render_as_string(hide_password=False)


def ensure_listener(engine: Engine, wake) -> None:
    """Start this process's LISTEN thread for `engine`'s database, once; `wake(latest_id)` on each."""
    if engine.dialect.name != "postgresql":
        return
    key = _conninfo(engine)
    with _lock:
        if key in _listeners and _listeners[key].is_alive():
            return
        thread = threading.Thread(target=_listen, args=(key, wake), name="lpsedesk-listen", daemon=True)
        _listeners[key] = thread
        thread.start()


def _listen(conninfo: str, wake) -> None:
    import psycopg

    pause = 1.0
    while True:
        try:
            with psycopg.connect(conninfo, autocommit=True) as conn:
                conn.execute(f"LISTEN {CHANNEL}")
                pause = 1.0
                while True:
                    for note in conn.notifies(timeout=30):
                        if note.payload.isdigit():
                            wake(int(note.payload))
        except Exception:  # the database restarted, say: streams keep polling meanwhile
            log.warning("live updates: LISTEN connection lost; retrying in %.0f s", pause, exc_info=True)
            time.sleep(pause)
            pause = min(pause * 2, 30.0)
