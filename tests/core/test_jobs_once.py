"""With several app processes on one PostgreSQL, a periodic job runs in one process at a time:
a process that finds the job running elsewhere leaves it (issue 16)."""
from __future__ import annotations

import pytest

from lpsedesk.extensions import db
from lpsedesk.jobs import SKIPPED, _lock_key, run_once


def test_a_job_running_in_another_process_is_not_started_again(app):
    with app.app_context():
        engine = db.engine
    if engine.dialect.name != "postgresql":
        pytest.skip("needs TEST_DATABASE_URL on PostgreSQL (SQLite serves one host)")
    other = engine.connect()  # another process holds the purge's lock
    try:
        assert other.exec_driver_sql(f"SELECT pg_try_advisory_lock({_lock_key('purge')})").scalar()
        outcome = run_once(app, ["purge", "expire_pending"])
        assert outcome["purge"] == SKIPPED
        assert outcome["expire_pending"] != SKIPPED, "only the job held elsewhere waits"
        other.exec_driver_sql(f"SELECT pg_advisory_unlock({_lock_key('purge')})")
        assert run_once(app, ["purge"])["purge"] not in (SKIPPED, "failed")
    finally:
        other.close()


def test_job_locks_differ_per_job():
    assert len({_lock_key(name) for name in ("purge", "expire_pending", "orphans", "backup")}) == 4
