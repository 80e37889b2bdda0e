"""The change feed behind live screens: a commit wakes waiting streams; other processes are polled."""
from __future__ import annotations

import threading
import time

from sqlalchemy import insert

from lpsedesk import audit
from lpsedesk.extensions import db
from lpsedesk.live import changes, latest_event_id
from lpsedesk.models import AuditEvent, utcnow
from lpsedesk.roles import SYSTEM_ACTOR


def _commit_event_later(app, action: str, delay: float = 0.2) -> threading.Thread:
    def work():
        time.sleep(delay)
        with app.app_context():
            audit.record(db.session, SYSTEM_ACTOR, action, details={})
            db.session.commit()

    thread = threading.Thread(target=work)
    thread.start()
    return thread


def test_a_committed_change_reaches_a_waiting_stream(app):
    with app.app_context():
        stream = changes(db.engine, lambda row: row.action == "visit.approved", latest_event_id(db.session))
        assert next(stream).startswith("retry:")
        _commit_event_later(app, "user.login", 0.05)  # filtered out
        thread = _commit_event_later(app, "visit.approved", 0.2)
        message = next(stream)
        thread.join()
        assert "event: change" in message and '"action": "visit.approved"' in message
        stream.close()


def test_a_change_written_outside_this_process_is_found_by_polling(app):
    with app.app_context():
        stream = changes(db.engine, lambda row: True, latest_event_id(db.session), poll=0.1)
        next(stream)
        with db.engine.begin() as conn:  # no ORM session: nothing wakes the feed
            conn.execute(insert(AuditEvent).values(at=utcnow(), actor_type="system", actor_label="cron",
                                                   action="visit.expired", details={}))
        assert '"action": "visit.expired"' in next(stream)
        stream.close()


def test_a_quiet_stream_sends_heartbeats_and_ends_by_itself(app):
    with app.app_context():
        stream = changes(db.engine, lambda row: True, latest_event_id(db.session),
                         lifetime=0.6, heartbeat=0.2, poll=0.1)
        messages = list(stream)
        assert messages[0].startswith("retry:") and ": heartbeat\n\n" in messages[1:]
