"""One commit per request, in one place: the request's end.

Views and the core's ops modules only change the session. When the response is a success (below
400) the request's changes are committed here; an error response (a 4xx from a refused rule, a
500) rolls everything back, so a refused step never leaves half its changes behind. A view that
must keep a record even though it answers with an error (a failed login's audit event) says so
with `keep_changes()`.
"""
from __future__ import annotations

from collections.abc import Callable

from flask import Response, current_app, g, session
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from .extensions import db


def always(fn: Callable[[], object]) -> None:
    """Apply `fn`'s changes at the end of this request whatever its answer (after an error's rollback)."""
    g.setdefault("always", []).append(fn)


def after_commit(fn: Callable[[], object]) -> None:
    """Run `fn` once this request's changes are committed (never if they are rolled back)."""
    g.setdefault("after_commit", []).append(fn)


def finish_request(response: Response) -> Response:
    failed = response.status_code >= 400
    if failed:
        db.session.rollback()
    for fn in g.pop("always", []):
        fn()
    if failed and not db.session.dirty and not db.session.new:
        return response
    try:
        db.session.commit()
    except (StaleDataError, IntegrityError):
        # Lost a race: another staff member changed the same record between our read and write.
        db.session.rollback()
        session.pop("_flashes", None)  # "saved" was flashed before the save failed
        from .errors import conflict_response

        return conflict_response()
    except Exception:
        db.session.rollback()
        session.pop("_flashes", None)
        current_app.logger.exception("commit at the end of the request failed")
        from .errors import server_error_response

        return server_error_response()
    if failed:
        return response
    for fn in g.pop("after_commit", []):
        fn()
    return response

