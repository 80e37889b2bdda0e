"""The change feed behind live screens: a commit wakes waiting streams; other processes are polled."""
from __future__ import annotations

import threading

from sqlalchemy import insert

from lpsedesk import audit
from lpsedesk.extensions import db
from lpsedesk.live import changes, latest_event_id
from lpsedesk.models import AuditEvent, utcnow
from lpsedesk.roles import SYSTEM_ACTOR


def _commit_event_later(app, action: str) -> threading.Thread:
    """Commit from another thread; the stream finds it whether it is already waiting or not yet."""

    def work():
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
        _commit_event_later(app, "user.login").join()  # filtered out
        thread = _commit_event_later(app, "visit.approved")
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


def test_a_commit_that_wrote_audit_events_wakes_the_streams_at_once_and_a_rollback_does_not(app):
    # The one-second poll is only for other processes: in this process the commit itself must
    # wake the waiting streams, so a decision reaches the kiosk without waiting for a poll.
    from lpsedesk.live import FEED

    FEED.notify(0)
    FEED._latest = 0  # the feed outlives each test's database; start this one's ids from zero
    with app.app_context():
        event = audit.record(db.session, SYSTEM_ACTOR, "visit.approved", details={})
        db.session.flush()
        assert FEED._latest == 0
        db.session.commit()
        assert FEED._latest == event.id
        audit.record(db.session, SYSTEM_ACTOR, "visit.denied", details={})
        db.session.flush()
        db.session.rollback()
        audit.record(db.session, SYSTEM_ACTOR, "user.login", details={})
        db.session.commit()  # the rolled-back id must not be remembered for this commit
        assert FEED._latest == latest_event_id(db.session)
