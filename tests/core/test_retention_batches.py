"""The purge works in short batches, each its own transaction: it resumes where it stopped, and
the desk's own writes go on while it runs (on SQLite, where one writer at a time holds the lock)."""
from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from lpsedesk import audit
from lpsedesk.extensions import db
from lpsedesk.jobs import jobs_of, run_once
from lpsedesk.models import AuditEvent, Visit, Visitor
from lpsedesk.retention import purge
from lpsedesk.roles import SYSTEM_ACTOR

from ..synthetic.history import build_history

NOW = datetime.now(timezone.utc)


def _backlog(app, visits: int) -> dict:
    with app.app_context(), db.engine.begin() as conn:
        return build_history(conn, visits, now=NOW, purged=False)


def _old_with_files(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Visit).where(
            Visit.submitted_at < NOW - timedelta(days=365), Visit.signature_key.is_not(None)))


def test_each_batch_is_its_own_transaction_with_its_own_audit_event(app):
    _backlog(app, 300)
    old = _old_with_files(app)
    assert old > 100
    with app.app_context():
        previous, batches = None, 0
        while True:
            result = purge(db.session, now=NOW, limit=50, previous=previous)
            db.session.commit()
            result.delete_files(app.extensions["storage"])
            batches += 1
            assert len(result.signatures) <= 50 and len(result.masked_visitors) <= 50
            if not result.more:
                break
            previous = result
        assert result.totals.signatures == old and batches == result.totals.batches > old // 50
        events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "retention.purged")).all()
        assert len(events) >= old // 50 and sum(len(e.details["signatures"]) for e in events) == old
    assert _old_with_files(app) == 0


def test_a_purge_stopped_half_way_is_finished_by_the_next_run_without_doing_anything_twice(app):
    _backlog(app, 300)
    old = _old_with_files(app)
    with app.app_context():
        first = purge(db.session, now=NOW, limit=40)
        db.session.commit()
        assert first.more and len(first.signatures) == 40
        # The server stops here; the next run starts from nothing and only finds what is left.
        app.config["PURGE_BATCH"] = 40
    rest = run_once(app, ["purge"])["purge"]
    assert f"{old - 40} signatures" in rest
    with app.app_context():
        done = [s for e in db.session.scalars(select(AuditEvent).where(AuditEvent.action == "retention.purged"))
                for s in e.details["signatures"]]
        assert len(done) == len(set(done)) == old
        whole = db.session.scalar(select(func.count()).select_from(Visitor).where(~Visitor.nik.contains("*")))
        recent = db.session.scalar(select(func.count(func.distinct(Visit.visitor_id))).where(
            Visit.submitted_at >= NOW - timedelta(days=365)))
        assert whole == recent, "exactly the visitors seen within the period keep their NIK"


def test_the_purge_waits_ten_minutes_after_start_up_and_never_runs_before_serving(app):
    assert jobs_of(app)["purge"].first_after >= 60 and jobs_of(app)["purge"].batched


def test_the_desk_keeps_writing_while_a_long_purge_runs(app):
    """Staff writes committed between the purge's batches: it never holds the database for its whole run."""
    if not app.config["DATABASE_URL"].startswith("sqlite"):
        pytest.skip("the single-writer lock is SQLite's")
    _backlog(app, 3000)
    app.config["PURGE_BATCH"] = 100
    outcome: dict = {}
    worker = threading.Thread(target=lambda: outcome.update(run_once(app, ["purge"])))
    with app.app_context():
        worker.start()
        writes = 0
        while worker.is_alive() or writes == 0:  # write as the desk does, one short transaction each
            audit.record(db.session, SYSTEM_ACTOR, "test.desk_write")
            db.session.commit()  # raises OperationalError "database is locked" if the purge starves us
            writes += 1
        worker.join()
        assert outcome["purge"] != "failed"
        order = db.session.execute(select(AuditEvent.action).where(
            AuditEvent.action.in_(["test.desk_write", "retention.purged"])).order_by(AuditEvent.id)).scalars().all()
        first, last = order.index("retention.purged"), len(order) - 1 - order[::-1].index("retention.purged")
        assert "test.desk_write" in order[first:last], "no desk write got in between the purge's batches"


def test_a_batch_that_holds_the_database_too_long_is_followed_by_a_smaller_one_never_a_larger_than_allowed():
    """Time-boxed batches: on a loaded machine the purge writes less at a time (the desk's writers
    wait less); when batches are quick again they grow back, up to the configured most."""
    from lpsedesk.retention import BATCH_SECONDS, PurgeResult

    def batch(limit: int, took: float) -> PurgeResult:
        return PurgeResult(days=365, cutoff=NOW, now=NOW, limit=limit, took=took)

    assert batch(4000, BATCH_SECONDS * 3).next_limit(4000) < 4000
    assert batch(1000, BATCH_SECONDS / 10).next_limit(4000) > 1000
    assert batch(4000, BATCH_SECONDS / 10).next_limit(4000) == 4000
    assert batch(50, BATCH_SECONDS * 3).next_limit(50) >= 1, "a slow batch still makes progress"


def test_after_a_purge_the_desks_connections_copy_the_sqlite_log_back_by_themselves(app):
    """The purge's batches leave the log's copy to a checkpoint after their commit; the connection
    it used goes back to the desk with SQLite's automatic checkpoint on again."""
    if not app.config["DATABASE_URL"].startswith("sqlite"):
        pytest.skip("SQLite's write-ahead log")
    _backlog(app, 300)
    app.config["PURGE_BATCH"] = 50
    assert run_once(app, ["purge"])["purge"] != "failed"
    with app.app_context():
        held = [db.engine.raw_connection() for _ in range(3)]  # the pool's connections, the purge's among them
        try:
            assert all(c.cursor().execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000 for c in held)
        finally:
            for c in held:
                c.close()


def test_old_visits_sharing_one_time_across_batch_boundaries_all_lose_their_files(app):
    """A batch starts where the last one stopped; visits made at the very same second as the last
    one it cleared (an import, a clock that ticks in seconds) must not be passed over."""
    from .. import factories

    same = NOW - timedelta(days=800)
    with app.app_context():
        ids = [factories.visit(status="reported", submitted_at=same, signature_key=f"sig-{i}").id for i in range(7)]
        ids.append(factories.visit(status="reported", submitted_at=same - timedelta(seconds=1),
                                   signature_key="sig-earlier").id)
        previous, cleared = None, []
        while True:
            result = purge(db.session, now=NOW, limit=3, previous=previous)
            db.session.commit()
            cleared += result.signatures
            if not result.more:
                break
            previous = result
        assert sorted(cleared) == sorted(ids)
        assert db.session.scalar(select(func.count()).select_from(Visit).where(Visit.signature_key.is_not(None))) == 0


def test_a_slow_batch_makes_the_next_smaller_only_on_sqlite_where_it_holds_the_one_write_lock(app):
    """PostgreSQL locks rows: the desk's writers do not wait for a batch there, so a loaded machine
    does not shrink its batches (at 1M visits that made 1,260 batches of a hundred rows)."""
    with app.app_context():
        first = purge(db.session, now=NOW, limit=400)
        db.session.commit()
        first.took = 10.0  # a batch that held its locks ten seconds
        second = purge(db.session, previous=first, limit=400)
        db.session.rollback()
        sqlite = db.engine.dialect.name == "sqlite"
    assert second.limit == (200 if sqlite else 400)
