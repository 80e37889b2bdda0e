"""The server's own job runner (lpsedesk/jobs.py), as the README and the module state it: a job waiting
`first_after` runs that long after start-up, not before and not a day later ("the server runs it ten
minutes after start-up, then daily (never before it serves)"); a job that fails changes nothing (one
failing job "must not stop the others", and its half-done writes are rolled back, not committed)."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from sqlalchemy import func, select

from lpsedesk import audit, jobs
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent


class _Stop(Exception):
    pass


class _Thread:
    """Stands in for threading.Thread: the scheduler's loop is run here, in the test's own thread."""

    def __init__(self, target, name, daemon):
        self.target, self.daemon = target, daemon

    def start(self):
        pass


def test_a_job_that_waits_after_start_up_first_runs_exactly_that_long_after_it(monkeypatch):
    clock = [1000.0]
    steps = iter([599.0, 1.0])  # the tick before ten minutes, then ten minutes after start-up
    ran: list[tuple[float, list[str]]] = []

    def sleep(_tick):
        try:
            clock[0] += next(steps)
        except StopIteration:
            raise _Stop from None

    monkeypatch.setattr(jobs, "time", SimpleNamespace(monotonic=lambda: clock[0], sleep=sleep))
    monkeypatch.setattr(jobs, "threading", SimpleNamespace(Thread=_Thread))
    monkeypatch.setattr(jobs, "run_once", lambda _app, names: ran.append((clock[0], sorted(names))))
    noop = lambda *_: None  # noqa: E731
    app = SimpleNamespace(extensions={"jobs": {
        "daily_after_ten_minutes": jobs.Job("daily_after_ten_minutes", 86400, noop, first_after=600),
        "every_minute": jobs.Job("every_minute", 60, noop)}})
    scheduler = jobs.start_scheduler(app, tick=30)
    assert scheduler.daemon  # never holds the server open
    with pytest.raises(_Stop):
        scheduler.target()
    assert ran == [(1000.0, ["every_minute"]), (1599.0, ["every_minute"]), (1600.0, ["daily_after_ten_minutes"])]


def test_a_job_that_fails_half_way_leaves_nothing_it_wrote_and_the_next_job_still_runs(app, monkeypatch):
    def half_done(session, _app):
        audit.record(session, None, "test.half_done")
        raise RuntimeError("the job broke after its first write")

    def fine(session, _app):
        audit.record(session, None, "test.done")
        return "done"

    monkeypatch.setitem(app.extensions, "jobs", {"broken": jobs.Job("broken", 60, half_done),
                                                 "fine": jobs.Job("fine", 60, fine)})
    assert jobs.run_once(app) == {"broken": "failed", "fine": "done"}
    with app.app_context():
        actions = dict(db.session.execute(select(AuditEvent.action, func.count()).group_by(AuditEvent.action)).all())
    assert actions.get("test.half_done") is None and actions.get("test.done") == 1
