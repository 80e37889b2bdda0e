"""Live updates for kiosks and staff screens, as Server-Sent Events.

Every change writes an audit event, so the audit log's id is the change cursor. A commit that wrote
audit events wakes the waiting streams of this process at once, and on PostgreSQL those of every
other app process too (LISTEN/NOTIFY, live_notify.py); each stream also re-reads the log every
second, which covers changes committed by another process on SQLite (a CLI job, a second server).

Each open stream holds one waitress thread, so a stream first takes a slot (`live_slots`: a few per
device or user, and never the threads kept in reserve for ordinary requests), ends itself after
`lifetime` seconds (EventSource reconnects with Last-Event-ID and loses nothing), and stops as soon
as its client has gone: waitress reports a closed connection (`waitress.client_disconnected`, which
`serve` enables), checked every poll, and a heartbeat write fails on a dead socket elsewhere. Every
few seconds it also asks whether its viewer may still watch (a staff login that ended, a revoked
kiosk) and ends with an "ended" event if not. What it replays on reconnecting, and which changes
reach which roles, is decided in live_rules.py.
"""
from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterator

from flask import Response, current_app, request, stream_with_context
from flask_babel import gettext as _
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from .ids import ascii_digits
from .live_notify import ensure_listener, notify_in_transaction
from .live_rules import ReplayStart, replay_start
from .live_slots import StreamSlots
from .models import AuditEvent, utcnow


class ChangeFeed:
    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._latest = 0
        self.stopping = False

    def notify(self, latest_id: int) -> None:
        with self._cond:
            self._latest = max(self._latest, latest_id)
            self._cond.notify_all()

    def wait(self, after_id: int, timeout: float, stop: Callable[[], bool] = lambda: False) -> None:
        with self._cond:
            self._cond.wait_for(lambda: self._latest > after_id or self.stopping or stop(), timeout)

    def wake(self) -> None:
        """Let every waiting stream look at its own stop condition now (one was evicted)."""
        with self._cond:
            self._cond.notify_all()

    def stop_streams(self) -> None:
        """Make every open stream end now (the server is shutting down); clients reconnect later."""
        with self._cond:
            self.stopping = True
            self._cond.notify_all()

    def allow_streams(self) -> None:
        with self._cond:
            self.stopping = False


FEED = ChangeFeed()
log = logging.getLogger(__name__)


def _remember_audit_ids(session: Session, _ctx) -> None:
    ids = [obj.id for obj in session.new if isinstance(obj, AuditEvent) and obj.id]
    if ids:
        session.info["audit_max_id"] = max(ids + [session.info.get("audit_max_id", 0)])
        connection = session.connection()
        if connection.dialect.name == "postgresql":  # other app processes hear it at commit
            notify_in_transaction(connection, session.info["audit_max_id"])


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


# An evicted stream tells its browser to come back later, not at once: two tabs over the limit
# would otherwise evict each other every 1.5 s.
EVICTED_RETRY_MS = 60_000


# How often a stream asks whether its viewer may still watch (a staff login that ended, say): one
# small query, so a logged-out or deactivated user's screen stops within these seconds.
RECHECK_SECONDS = 2.0


def changes(engine, wanted: Callable[[AuditEvent], bool], after_id: int, *, lifetime: float = 300,
            heartbeat: float = 15, poll: float = 1.0, evicted: threading.Event | None = None,
            gone: Callable[[], bool] = lambda: False, reload: bool = False,
            payload: Callable[[AuditEvent], dict] = event_payload,
            still_allowed: Callable[[], bool] = lambda: True,
            recheck: float = RECHECK_SECONDS) -> Iterator[str]:
    """Yield SSE text for each audit event after `after_id` that `wanted` accepts, as `payload`.

    Ends after `lifetime`, when the server stops, when a newer stream of the same owner `evicted`
    this one, when `gone()` says the client has closed the connection, or when `still_allowed()`
    (asked every `recheck` seconds) says the viewer may no longer watch: then an "ended" event first.
    `reload` first tells the client to reload its screen (its Last-Event-ID was too old to replay).
    """
    evicted = evicted or threading.Event()

    def stop() -> bool:
        return FEED.stopping or evicted.is_set() or gone()

    yield "retry: 1500\n\n"
    if reload:
        yield f"id: {after_id}\nevent: reload\ndata: {{}}\n\n"
    deadline = time.monotonic() + lifetime
    quiet_since = checked_at = time.monotonic()
    while time.monotonic() < deadline:
        FEED.wait(after_id, timeout=min(poll, recheck), stop=stop)
        if stop():
            if evicted.is_set() and not gone():
                yield f"retry: {EVICTED_RETRY_MS}\n\n"
            break
        if time.monotonic() - checked_at >= recheck:
            checked_at = time.monotonic()
            try:
                allowed = still_allowed()
            except Exception:  # the database is away: end here; the browser reconnects and is asked afresh
                log.warning("live updates: could not check a stream's viewer; ending it", exc_info=True)
                break
            if not allowed:
                yield "event: ended\ndata: {}\n\n"
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
                yield f"id: {row.id}\nevent: change\ndata: {json.dumps(payload(row))}\n\n"
        if sent:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= heartbeat:
            quiet_since = time.monotonic()
            yield ": heartbeat\n\n"


def replay_for(session: Session, raw: str) -> ReplayStart:
    """Where a stream starts for a client whose Last-Event-ID (or ?after=) is `raw` (live_rules)."""
    asked = int(raw) if ascii_digits(raw) and len(raw) < 19 else None
    latest = latest_event_id(session)
    first_missed_at = None
    if asked is not None and 0 < asked < latest:
        first_missed_at = session.scalar(select(AuditEvent.at).where(AuditEvent.id > asked)
                                         .order_by(AuditEvent.id).limit(1))
    return replay_start(asked, latest, first_missed_at, utcnow())


def sse_response(engine, session: Session, wanted: Callable[[AuditEvent], bool], *, owner: str,
                 per_owner: int, **kwargs) -> Response:
    """An SSE response starting after the client's Last-Event-ID (or now, for a new client); an id
    too old to replay (live_rules) gets a "reload" event and the stream from now.

    `owner` ("kiosk:3", "user:7") may hold `per_owner` streams; a new one ends its oldest. When every
    stream slot is taken the answer is 503 with Retry-After: the screens then poll until a retry.
    """
    ensure_listener(engine, FEED.notify)  # PostgreSQL: changes committed by other processes wake us at once
    slots: StreamSlots = current_app.extensions["live_slots"]
    slot = slots.claim(owner, per_owner)
    if slot is None:
        session.close()
        response = Response(_("Too many live screens are open. This screen refreshes by itself."),
                            status=503, mimetype="text/plain")
        response.headers["Retry-After"] = "30"
        return response
    try:
        start = replay_for(session, request.headers.get("Last-Event-ID") or request.args.get("after", ""))
    except BaseException:
        slot.release()
        raise
    session.close()  # release the request's connection before the long stream starts
    gone = request.environ.get("waitress.client_disconnected") or (lambda: False)

    def stream() -> Iterator[str]:
        try:
            yield from changes(engine, wanted, start.after_id, evicted=slot.evicted, gone=gone,
                               reload=start.reload, **kwargs)
        finally:
            slot.release()

    response = Response(stream_with_context(stream()), mimetype="text/event-stream")
    response.call_on_close(slot.release)  # also when the body was never iterated
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Accel-Buffering"] = "no"  # nginx in front: do not buffer the stream
    return response


def init_live(app) -> None:
    """Stream slots sized from THREADS minus LIVE_THREAD_RESERVE (`serve --threads` resizes them)."""
    app.extensions["live_slots"] = StreamSlots(stream_capacity(app.config, app.config["THREADS"]), wake=FEED.wake)


def stream_capacity(config, threads: int) -> int:
    return max(0, int(threads) - int(config["LIVE_THREAD_RESERVE"]))
