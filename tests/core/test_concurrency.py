"""Two Kasubag decisions on the same record at the same instant: exactly one wins, the other gets 409.

The barrier holds each request at its flush until both have read the pending record, so the race is
real on SQLite (WAL, busy timeout) and on PostgreSQL (row lock), not a matter of luck.
"""
from __future__ import annotations

import threading

from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, Visit

from .. import factories
from ..conftest import csrf_from
from .served_race import held_at_write


def _logged_in_client(app, login, username):
    c = app.test_client()
    login(username, c=c)
    return c, csrf_from(c, "/admin/")


def test_two_decisions_at_once_exactly_one_wins(app, make_user, login):
    make_user("kasubag1", "kasubag")
    make_user("kasubag2", "kasubag")
    with app.app_context():
        visit_id = factories.visit().id
    clients = [_logged_in_client(app, login, name) for name in ("kasubag1", "kasubag2")]
    results = []
    decisions = [("approve", ""), ("deny", "Ruang penuh")]

    def decide(i):
        c, token = clients[i]
        decision, reason = decisions[i]
        r = c.post(f"/admin/visits/{visit_id}/decision",
                   data={"csrf_token": token, "decision": decision, "reason": reason})
        results.append(r.status_code)

    with held_at_write(Visit):
        threads = [threading.Thread(target=decide, args=(i,)) for i in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)

    assert sorted(results) == [302, 409]
    with app.app_context():
        visit = db.session.get(Visit, visit_id)
        assert visit.status in ("approved", "denied") and visit.version == 2
        decided = db.session.scalars(select(AuditEvent).where(AuditEvent.action.like("visit.%"))).all()
        assert len(decided) == 1 and decided[0].action == f"visit.{visit.status}"
