"""Periodic jobs run by the server itself (an office PC has no cron we can count on).

A job is a function of the app, registered with how often it runs. `serve` starts one daemon
thread that runs them; `flask --app wsgi run-jobs` runs each once (for cron or a test).
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Callable

from flask import Flask

log = logging.getLogger(__name__)


@dataclass
class Job:
    name: str
    every_seconds: float
    run: Callable[[Flask], object]


JOBS: dict[str, Job] = {}


def job(name: str, every_seconds: float):
    """Register `fn(app)` to run every `every_seconds` while the server runs."""

    def decorator(fn: Callable[[Flask], object]):
        JOBS[name] = Job(name, every_seconds, fn)
        return fn

    return decorator


def run_once(app: Flask, names: list[str] | None = None) -> dict[str, object]:
    results = {}
    for item in list(JOBS.values()):
        if names and item.name not in names:
            continue
        with app.app_context():
            try:
                results[item.name] = item.run(app)
            except Exception:  # one failing job must not stop the others or the server
                log.exception("job %s failed", item.name)
                from .extensions import db

                db.session.rollback()
                results[item.name] = "failed"
            finally:
                from .extensions import db

                db.session.remove()
    return results


def start_scheduler(app: Flask, tick: float = 30.0) -> threading.Thread:
    last_run: dict[str, float] = {}

    def loop() -> None:
        while True:
            now = time.monotonic()
            due = [j.name for j in JOBS.values() if now - last_run.get(j.name, -1e9) >= j.every_seconds]
            if due:
                run_once(app, due)
                for name in due:
                    last_run[name] = now
            time.sleep(tick)

    thread = threading.Thread(target=loop, name="lpsedesk-jobs", daemon=True)
    thread.start()
    return thread
