"""Periodic jobs run by the server itself (an office PC has no cron we can count on).

The factory's `register_jobs` step lists them in `app.extensions["jobs"]`. `serve` starts one daemon
thread that runs them; `flask --app wsgi run-jobs` runs each once (for cron or a test). A job only
changes the session it is given; the runner commits once after it (or rolls back if it fails), then
runs the job's `after_commit` step (e.g. deleting the files of the rows just deleted).
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    every_seconds: float
    run: Callable[[Session, Flask], object]
    after_commit: Callable[[Flask, object], object] | None = None


def _expire_pending(session: Session, _app: Flask) -> int:
    from .visit_ops import expire_pending

    return len(expire_pending(session))


def _purge(session: Session, app: Flask):
    from .retention import purge

    return purge(session, session_hours=app.config["STAFF_SESSION_HOURS"])


def _after_purge(app: Flask, result) -> str:
    from .extensions import db
    from .retention import after_purge

    return after_purge(db.session, app.extensions["storage"], result)


def default_jobs() -> dict[str, Job]:
    jobs = [
        Job("expire_pending", 60, _expire_pending),  # SOP 1: undecided requests expire at closing time
        Job("purge", 86400, _purge, _after_purge),  # data retention and orphaned files, daily and at start
    ]
    return {j.name: j for j in jobs}


def jobs_of(app: Flask) -> dict[str, Job]:
    return app.extensions["jobs"]


def run_once(app: Flask, names: list[str] | None = None) -> dict[str, object]:
    from .extensions import db

    results = {}
    for item in list(jobs_of(app).values()):
        if names and item.name not in names:
            continue
        with app.app_context():
            try:
                result = item.run(db.session, app)
                db.session.commit()
                results[item.name] = item.after_commit(app, result) if item.after_commit else result
            except Exception:  # one failing job must not stop the others or the server
                log.exception("job %s failed", item.name)
                db.session.rollback()
                results[item.name] = "failed"
            finally:
                db.session.remove()
    return results


def start_scheduler(app: Flask, tick: float = 30.0) -> threading.Thread:
    last_run: dict[str, float] = {}

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
