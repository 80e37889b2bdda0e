"""Periodic jobs run by the server itself (an office PC has no cron we can count on).

The factory's `register_jobs` step lists them in `app.extensions["jobs"]`. `serve` starts one daemon
thread that runs them; `flask --app wsgi run-jobs` runs each once (for cron or a test). A job only
changes the session it is given; the runner commits once after it (or rolls back if it fails), then
runs the job's `after_commit` step (e.g. deleting the files of the rows just deleted).

A batched job (`batched=True`) does one bounded batch per call and is given its previous result;
while that result says `more`, the runner commits and calls it again, pausing between batches on
SQLite so the desk's writers (one at a time there) get the lock in between. A job with
`first_after` waits that long after the server starts before its first run: start-up serves first.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from flask import Flask
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    every_seconds: float
    run: Callable[..., object]  # (session, app), or (session, app, previous result) when batched
    after_commit: Callable[[Flask, object], object] | None = None
    batched: bool = False
    first_after: float = 0.0  # seconds after start-up before the first run


MAX_BATCHES = 100_000  # a guard against a job that always says "more"
# Longer than SQLite's longest busy-handler sleep (100 ms): a waiting writer gets its turn.
SQLITE_PAUSE = 0.15
# Beyond the writer's own wake-up: a thread woken on a loaded machine is scheduled a little late.
PAUSE_MARGIN = 0.01


def _expire_pending(session: Session, _app: Flask) -> int:
    from .visit_ops import expire_pending

    return len(expire_pending(session))


def _purge(session: Session, app: Flask, previous=None):
    from .config import guesses_kept, longest_session_hours
    from .retention import purge

    return purge(session, previous=previous, limit=app.config["PURGE_BATCH"],
                 session_hours=longest_session_hours(app.config), guesses_kept=guesses_kept(app.config))


def _after_purge(app: Flask, result) -> str:
    from .extensions import db
    from .retention import after_purge

    return after_purge(db.session, app.extensions["storage"], result)


def _statistics_days(session: Session, _app: Flask, previous=None):
    """Settled days' statistics counted and kept ahead of the page (lpsedesk/reports/day_cache.py)."""
    from sqlalchemy import func, select

    from .clock import wib_date
    from .models import Visit
    from .reports.day_cache import warm

    first = session.scalar(select(func.min(Visit.submitted_at)))
    return warm(session, wib_date(first) if first else None, previous=previous)


def _signature_small_copies(session: Session, app: Flask, previous=None):
    """Small copies of signatures stored before the kiosk made them (lpsedesk/signature_copies.py)."""
    from .signature_copies import make_missing

    return make_missing(session, app.extensions["storage"], previous)


def default_jobs() -> dict[str, Job]:
    jobs = [
        Job("expire_pending", 60, _expire_pending),  # SOP 1: undecided requests expire at closing time
        # data retention and orphaned files, daily, first ten minutes after start-up
        Job("purge", 86400, _purge, _after_purge, batched=True, first_after=600),
        # statistics of past days kept ahead of the page, daily. First two minutes after start-up,
        # well before the purge's first run: the upgrade (migration 0019j) keeps every settled day
        # already; this keeps the days that have settled since and those a change voided.
        Job("statistics_days", 86400, _statistics_days, batched=True, first_after=120),
        # guest book months signed before the kiosk kept small copies, made as fast as new ones;
        # daily (a visit saved without its copy, e.g. by an older kiosk page), first after five minutes
        Job("signature_small_copies", 86400, _signature_small_copies, batched=True, first_after=300),
    ]
    return {j.name: j for j in jobs}


def jobs_of(app: Flask) -> dict[str, Job]:
    return app.extensions["jobs"]


def writer_pause(held: float) -> float:
    """Seconds to leave SQLite's write lock free after a batch that held it up to `held` seconds.

    A desk writer that came while the batch wrote sleeps in SQLite's busy handler between tries,
    each sleep at most 2 ms longer than it has waited so far (1, 2, 5, 10, 15, 20, 25, 25, 25, 50,
    50, then 100 ms): it tries again within `held` + 2 ms of the commit, and within 100 ms at
    most. A pause that long lets every waiting writer in before the next batch; a fixed 150 ms
    (SQLITE_PAUSE, now the cap) made 100 s of the 250 s purge of a million visits, mostly with
    nobody waiting.
    """
    return min(SQLITE_PAUSE, held + 0.002 + PAUSE_MARGIN)


def pause_for_writers(engine, held: float, since: float) -> None:
    """After a batch that held the write lock `held` seconds and committed at `since` (monotonic),
    on SQLite: the rest of `writer_pause(held)`, as its file deletions already gave writers that much
    of it. The job runner and `flask purge` both pause this way."""
    if engine.dialect.name == "sqlite":
        time.sleep(max(0.0, writer_pause(held) - (time.monotonic() - since)))


def _pause(app: Flask, held: float, since: float) -> None:
    from .extensions import db

    with app.app_context():
        pause_for_writers(db.engine, held, since)


# Several app processes on one PostgreSQL each run the scheduler: a job holds a session-level
# advisory lock while it runs, and a process that cannot take it leaves the job to the one that has.
ADVISORY_LOCK_BASE = 0x16_00_00  # + a stable number per job name
SKIPPED = "skipped: running in another process"


def _lock_key(name: str) -> int:
    return ADVISORY_LOCK_BASE + sum((i + 1) * ord(c) for i, c in enumerate(name)) % 65_536


@contextmanager
def once_across_processes(app: Flask, name: str) -> Iterator[bool]:
    """Yields True when this process may run job `name` now: on PostgreSQL, while it holds the
    job's advisory lock (on its own connection, released at the end); SQLite serves one host, where
    its write lock already keeps two writers apart."""
    from .extensions import db

    with app.app_context():
        engine = db.engine
    if engine.dialect.name != "postgresql":
        yield True
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        got = conn.exec_driver_sql(f"SELECT pg_try_advisory_lock({_lock_key(name)})").scalar()
        try:
            yield bool(got)
        finally:
            if got:
                conn.exec_driver_sql(f"SELECT pg_advisory_unlock({_lock_key(name)})")


def _run(app: Flask, item: Job) -> object:
    """One job to the end, in this process alone (see once_across_processes)."""
    with once_across_processes(app, item.name) as mine:
        if not mine:
            log.info("job %s: %s", item.name, SKIPPED)
            return SKIPPED
        return _run_batches(app, item)


def _run_batches(app: Flask, item: Job) -> object:
    """Each batch its own transaction, committed here and nowhere else."""
    from .extensions import db

    previous = None
    for _batch in range(MAX_BATCHES):
        with app.app_context():
            try:
                started = time.monotonic()
                result = item.run(db.session, app, previous) if item.batched else item.run(db.session, app)
                committing = time.monotonic()
                db.session.commit()
                committed = time.monotonic()
                # a batch that says how long it wrote (its reads came before the lock) is timed by that
                held = committed - committing + getattr(result, "took", committing - started)
                output = item.after_commit(app, result) if item.after_commit else result
            except Exception:  # one failing job must not stop the others or the server
                log.exception("job %s failed", item.name)
                db.session.rollback()
                return "failed"
            finally:
                db.session.remove()
        if not (item.batched and getattr(result, "more", False)):
            return output
        previous = result
        if getattr(result, "changed", True):  # a batch that only read held no write lock
            _pause(app, held, committed)
    return output


def run_once(app: Flask, names: list[str] | None = None) -> dict[str, object]:
    return {item.name: _run(app, item) for item in list(jobs_of(app).values())
            if not names or item.name in names}


def start_scheduler(app: Flask, tick: float = 30.0) -> threading.Thread:
    started = time.monotonic()
    # A job with `first_after` counts as having run so that its first run falls `first_after` in.
    last_run = {j.name: started - j.every_seconds + j.first_after for j in jobs_of(app).values() if j.first_after}

    def loop() -> None:
        while True:
            now = time.monotonic()
            due = [j.name for j in jobs_of(app).values() if now - last_run.get(j.name, -1e9) >= j.every_seconds]
            if due:
                run_once(app, due)
                for name in due:
                    last_run[name] = now
            time.sleep(tick)

    thread = threading.Thread(target=loop, name="lpsedesk-jobs", daemon=True)
    thread.start()
    return thread
