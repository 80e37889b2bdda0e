"""On PostgreSQL a commit that writes audit events wakes the live streams of every app process:
the transaction sends NOTIFY lpsedesk_changes with the newest event id, at commit and never for a
rollback (issue 16)."""
from __future__ import annotations

import pytest

from lpsedesk import audit
from lpsedesk.extensions import db
from lpsedesk.live_notify import CHANNEL, _conninfo


def _listener(app):
    import psycopg

    with app.app_context():
        engine = db.engine
    if engine.dialect.name != "postgresql":
        pytest.skip("needs TEST_DATABASE_URL on PostgreSQL (SQLite streams poll the audit log)")
    conn = psycopg.connect(_conninfo(engine), autocommit=True)
    conn.execute(f"LISTEN {CHANNEL}")
    return conn


def test_a_committed_change_is_announced_to_other_processes_and_a_rolled_back_one_is_not(app):
    listener = _listener(app)
    try:
        with app.app_context():
            audit.record(db.session, None, "test.rolled_back")
            db.session.flush()
            db.session.rollback()
            assert [n.payload for n in listener.notifies(timeout=0.5)] == []
            event = audit.record(db.session, None, "test.committed")
            db.session.commit()
            heard = [n.payload for n in listener.notifies(timeout=5, stop_after=1)]
            assert heard == [str(event.id)]
    finally:
        listener.close()
