"""One commit per request, in one place: the request's end.

Views and the core's ops modules only change the session. When the response is a success (below
400) the request's changes are committed here; an error response (a 4xx from a refused rule, a
500) rolls everything back, so a refused step never leaves half its changes behind. A view that
must keep a record even though it answers with an error (a failed login's audit event) says so
with `keep_changes()`.

A request that neither read nor wrote through a connection and holds no pending change (a kiosk
camera frame on the in-memory scan sessions: five a second per kiosk) has nothing to commit; it
skips the commit call, which would only run SQLAlchemy's commit machinery on an empty transaction
(0.15-0.2 ms of the frame's CPU with the caches cooled by the ID engine, docs/scale.md).
"""
from __future__ import annotations

from collections.abc import Callable

from flask import Response, current_app, g, has_request_context, session
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from .extensions import db


def always(fn: Callable[[], object]) -> None:
    """Apply `fn`'s changes at the end of this request whatever its answer (after an error's rollback)."""
    g.setdefault("always", []).append(fn)


def after_commit(fn: Callable[[], object]) -> None:
    """Run `fn` once this request's changes are committed (never if they are rolled back)."""
    g.setdefault("after_commit", []).append(fn)


_BEGAN = "lpsedesk.transaction_began"


@event.listens_for(Session, "after_begin")
def _note_connection(session: Session, _transaction, _connection) -> None:
    session.info[_BEGAN] = True


@event.listens_for(Session, "after_transaction_end")
def _note_transaction_over(session: Session, transaction) -> None:
    # Only the root's end releases the connections (a savepoint's release fires after_commit too).
    if transaction.parent is None:
        session.info.pop(_BEGAN, None)


def touched_database(sess: Session) -> bool:
    """Whether `sess` has a transaction open on a connection (it read or wrote) or a pending change."""
    return bool(sess.info.get(_BEGAN) or sess.new or sess.dirty or sess.deleted)


def _drop_flashes() -> None:
    if has_request_context():  # the kiosk's frame path runs in an app context only, and flashes nothing
        session.pop("_flashes", None)


def finish_request(response: Response) -> Response:
    """Commit (or roll back) the request's changes by its answer. The after_request hook of every
    Flask request, and called as such by the kiosk's frame path, which is answered in an app context
    ahead of Flask's request machinery (kiosk/frame_endpoint.py): the same one transaction."""
    failed = response.status_code >= 400
    # A request that never opened a database session (a kiosk frame on the in-memory scan sessions,
    # admitted from the credential cache) has nothing to roll back or commit: none is opened for it.
    if failed and db.session.registry.has():
        db.session.rollback()
    for fn in g.pop("always", []):
        fn()
    opened = db.session.registry.has()
    if failed and (not opened or (not db.session.dirty and not db.session.new)):
        return response
    if not failed and (not opened or not touched_database(db.session())):
        for fn in g.pop("after_commit", []):  # nothing to commit: what waited for it may go on
            fn()
        return response
    try:
        db.session.commit()
    except (StaleDataError, IntegrityError):
        # Lost a race: another staff member changed the same record between our read and write.
        _drop_flashes()  # "saved" was flashed before the save failed
        from .errors import lost_race_response

        return lost_race_response()  # rolls back, then names who changed which record (h40p)
    except Exception:
        db.session.rollback()
        _drop_flashes()
        current_app.logger.exception("commit at the end of the request failed")
        from .errors import server_error_response

        return server_error_response()
    if failed:
        return response
    for fn in g.pop("after_commit", []):
        fn()
    return response

