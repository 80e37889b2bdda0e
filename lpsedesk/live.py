"""Live updates for kiosks and staff screens, as Server-Sent Events.

Every change writes an audit event, so the audit log's id is the change cursor. A commit that wrote
audit events wakes the waiting streams of this process at once; each stream also re-reads the log
every second, which covers changes committed by another process (a CLI job, a second server).

Each open stream holds one waitress thread, so streams end themselves after `lifetime` seconds
(EventSource reconnects with Last-Event-ID and loses nothing) and send a heartbeat comment so a
closed browser tab is noticed and its thread freed.
"""
from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator

from flask import Response, request, stream_with_context
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from .models import AuditEvent


class ChangeFeed:
    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._latest = 0
        self.stopping = False

    def notify(self, latest_id: int) -> None:
        with self._cond:
            self._latest = max(self._latest, latest_id)
            self._cond.notify_all()

    def wait(self, after_id: int, timeout: float) -> None:
        with self._cond:
            self._cond.wait_for(lambda: self._latest > after_id or self.stopping, timeout)

    def stop_streams(self) -> None:
        """Make every open stream end now (the server is shutting down); clients reconnect later."""
        with self._cond:
            self.stopping = True
            self._cond.notify_all()

    def allow_streams(self) -> None:
        with self._cond:
            self.stopping = False


FEED = ChangeFeed()


def _remember_audit_ids(session: Session, _ctx) -> None:
    ids = [obj.id for obj in session.new if isinstance(obj, AuditEvent) and obj.id]
    if ids:
        session.info["audit_max_id"] = max(ids + [session.info.get("audit_max_id", 0)])


def _wake_streams(session: Session) -> None:
    latest = session.info.pop("audit_max_id", None)
    if latest:
        FEED.notify(latest)


def _forget(session: Session) -> None:
    session.info.pop("audit_max_id", None)


_HOOKS = (("after_flush", _remember_audit_ids), ("after_commit", _wake_streams), ("after_rollback", _forget))


def register_change_hooks(sessions) -> None:
    """Wake the open streams when a commit of `sessions` (the app's scoped session) wrote audit events."""
    for name, fn in _HOOKS:
        if not event.contains(sessions, name, fn):  # the factory runs once per app, tests make many
            event.listen(sessions, name, fn)


def latest_event_id(session: Session) -> int:
    return session.scalar(select(func.max(AuditEvent.id))) or 0


def event_payload(row: AuditEvent) -> dict:
    return {"id": row.id, "action": row.action, "object_type": row.object_type, "object_id": row.object_id}


def changes(engine, wanted: Callable[[AuditEvent], bool], after_id: int, *, lifetime: float = 300,
            heartbeat: float = 15, poll: float = 1.0) -> Iterator[str]:
    """Yield SSE text for each audit event after `after_id` that `wanted` accepts."""
    yield "retry: 1500\n\n"
    deadline = time.monotonic() + lifetime
    quiet_since = time.monotonic()
    while time.monotonic() < deadline and not FEED.stopping:
        FEED.wait(after_id, timeout=poll)
        if FEED.stopping:
            break
        # A short session per read: an open stream never pins a pooled connection.
        with Session(engine) as session:
            rows = session.scalars(
                select(AuditEvent).where(AuditEvent.id > after_id).order_by(AuditEvent.id).limit(200)).all()
            session.expunge_all()
        sent = False
        for row in rows:
            after_id = row.id
            if wanted(row):
                sent = True
                yield f"id: {row.id}\nevent: change\ndata: {json.dumps(event_payload(row))}\n\n"
        if sent:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= heartbeat:
            quiet_since = time.monotonic()
            yield ": heartbeat\n\n"


def sse_response(engine, session: Session, wanted: Callable[[AuditEvent], bool], **kwargs) -> Response:
    """An SSE response starting after the client's Last-Event-ID (or now, for a new client)."""
    raw = request.headers.get("Last-Event-ID") or request.args.get("after", "")
    after_id = int(raw) if raw.isdigit() else latest_event_id(session)
    session.close()  # release the request's connection before the long stream starts
    response = Response(stream_with_context(changes(engine, wanted, after_id, **kwargs)),
                        mimetype="text/event-stream")
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Accel-Buffering"] = "no"  # nginx in front: do not buffer the stream
    return response
