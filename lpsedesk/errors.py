"""Every error as a readable page (or JSON for API calls) in the user's language; never a bare 500."""
from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from flask import Flask, current_app, has_request_context, jsonify, make_response, render_template, request, url_for
from flask.globals import request_ctx
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException, default_exceptions

from . import changed_first
from .auth import login_required_response, needs_login_now, sent_no_cookie
from .bare_page import bare_error_page
from .extensions import db
from .labels import status_label
from .urls import same_site_path
from .workflow import InvalidInput, InvalidTransition, MissingReason, NotAllowed, WorkflowError


def _messages() -> dict[int, str]:
    return {
        400: _("The request could not be understood. Please check what you entered."),
        401: _("Please log in first."),
        403: _("You do not have access to this page or action."),
        404: _("The page or record was not found."),
        405: _("This action is not available here."),
        409: _("This record was changed by someone else. Reload to see its current state."),
        413: _("The file is too large."),
        429: _("Too many attempts. Please wait and try again."),
        500: _("Something went wrong on the server. Nothing was saved; please try again."),
    }


def workflow_message(exc: WorkflowError) -> str:
    """The domain error in the user's language; the English source text is also the msgid."""
    if exc.code == "note_empty":
        return _("Write the note first.")
    if exc.code == "note_too_long":
        return _("A note may hold at most 2000 characters.")
    if exc.code == "escort_required":
        return _("A visit to a restricted facility needs an escort: choose one from the staff before approving.")
    if exc.code == "escort_invalid":
        return _("Choose the escort from the active staff.")
    if exc.code == "devices_not_checked":
        return _("Check the devices the visitor brought in before checking out.")
    if isinstance(exc, MissingReason):
        return _("A reason is required.")
    if exc.code == "visit_not_let_in":
        return _("The helpdesk has not let the visitor in yet: record the let-in first.")
    if exc.code == "already_told":
        return _("The third party was already told of this refusal; it is recorded once.")
    if exc.code == "not_the_recorder":
        return _("Whoever recorded a remote-access request cannot decide it.")
    if isinstance(exc, NotAllowed):
        return _("Your role may not make this change.")
    if isinstance(exc, InvalidTransition) and "current" in exc.params:
        # A desk step that is no state of its own (KTP check, note, acknowledgement, the area and the
        # devices of a restricted visit) says when it is possible instead of "cannot become ktp_checked".
        current = status_label(str(exc.params["current"]))
        step = _step_refused(str(exc.params.get("target")), current)
        if step:
            return step
        return _("This record is already %(current)s and cannot become %(target)s.",
                 current=current, target=status_label(str(exc.params["target"])))
    return _("This change is not possible now.")


def _step_refused(target: str, current: str) -> str | None:
    sentences = {
        "ktp_checked": lambda: _("The KTP is checked while the visitor waits or is inside; this visit is %(current)s.",
                                 current=current),
        "note": lambda: _("Notes are written until the visit is reported; this visit is %(current)s.", current=current),
        "acknowledged": lambda: _("Only a reported visit is acknowledged; this visit is %(current)s.", current=current),
        "area_entered": lambda: _("Entering the area is recorded once, during an approved visit to a restricted "
                                  "facility; this visit is %(current)s.", current=current),
        "area_left": lambda: _("Leaving the area is recorded once, after entering it; this visit is %(current)s.",
                               current=current),
        "refusal_told": lambda: _("Telling the third party is recorded only for a refused letter; this request is "
                                  "%(current)s.", current=current),
        "devices_checked": lambda: _("The devices are checked once, as the visitor leaves; this visit is "
                                     "%(current)s.", current=current),
    }
    sentence = sentences.get(target)
    return sentence() if sentence else None


def _wants_json() -> bool:
    if not has_request_context():  # the kiosk's frame path, answered ahead of Flask's request: JSON
        return True
    return request.path.startswith("/api/") or "/api/" in request.path or request.is_json


def _back_to() -> str:
    """Where the error page's "Back" leads: the page the browser says it came from when that is a page
    of this site, else the start page. The Referer header is the client's to write: written into the
    link as it came, a probe's `javascript:...` or another site's address was the button's target."""
    referrer = urlsplit(request.referrer or "")
    if referrer.scheme in ("http", "https") and referrer.netloc == request.host:
        back = same_site_path(urlunsplit(("", "", referrer.path or "/", referrer.query, "")))
        if back:
            return back
    return url_for("core.index")


def error_response(status: int, message: str, code: str | None = None, *, way_on: tuple[str, str] | None = None,
                   **extra):
    """`way_on`: (address, words) of the page to go on from, instead of "Back" (a 409's record)."""
    if _wants_json():
        response = jsonify(error=code or str(status), message=message, **extra,
                           **({"open": way_on[0]} if way_on else {}))
    elif has_request_context() and request_ctx.url_adapter is None:
        # The Host header could not be read (werkzeug's BadHost: a name of more than 63 letters
        # between dots, say): no URL can be built for it, and the error page's layout builds many,
        # so rendering it turned a stranger's 400 into a 500 and a logged traceback. Plain words.
        response = make_response(message)
        response.mimetype = "text/plain"
    else:
        # A POST's error page cannot be opened again in the other language: its switch leads on instead,
        # to the record (a 409), the staff's first page or the start page, in that language (h47e)
        staff = request.blueprint == "admin" and current_user.is_authenticated
        instead = way_on[0] if way_on else url_for(
            "admin.dashboard" if staff and "admin.dashboard" in current_app.view_functions else "core.index")
        response = make_response(render_template("error.html", status=status, message=message, way_on=way_on,
                                                 lang_instead=instead, back_to=_back_to()))
    response.status_code = status
    return response


def lost_race_response():
    """Lost a race: another request changed a record this one was writing between its read and its
    write (a version conflict at the flush or the commit). Rolls the session back and answers the 409,
    naming who changed which record when it can be found (h40p)."""
    records = changed_first.held(db.session)  # before the rollback forgets what this request changed
    db.session.rollback()
    found = None
    if records and not (has_request_context() and request.path.startswith("/kiosk/")):
        try:
            found = changed_first.changed_first(db.session, records)
        except Exception:  # the general 409 still tells the truth; never a 500 instead of it
            db.session.rollback()
            current_app.logger.exception("reading who changed the record first failed")
    return conflict_response(found)


def conflict_response(found: changed_first.ChangedFirst | None = None):
    """The 409 of a lost race: who changed the record first and what it is now (`found`), else in general."""
    if has_request_context() and request.path.startswith("/kiosk/"):
        # a visitor lost the race to the desk: the staff wording ("reload") is no step they can take
        return error_response(409, _("This was just changed at the desk. Please ask at the helpdesk."), "conflict")
    if found is not None:
        from .changed_first_text import sentence, way_on  # visit_ops and the labels, not at import time

        return error_response(409, sentence(found), "conflict", way_on=way_on(found))
    return error_response(409, _messages()[409], "conflict")


def server_error_response():
    return error_response(500, _messages()[500])


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(WorkflowError)
    def _workflow(exc: WorkflowError):
        db.session.rollback()
        status = 403 if isinstance(exc, NotAllowed) else 400 if isinstance(exc, (MissingReason, InvalidInput)) else 409
        return error_response(status, workflow_message(exc), exc.code)

    @app.errorhandler(StaleDataError)
    def _stale(_exc):
        return lost_race_response()  # it rolls back: the session is unusable until then, even to render

    @app.errorhandler(CSRFError)
    def _csrf(_exc):
        # A staff form from a browser that holds no session at all (its cookies cleared): it could not
        # carry a valid token, and nothing is done either way; what it needs is the login page, as after
        # a session that ended, not "the form expired" with a way back to a page that asks to log in (h35k).
        if needs_login_now():
            return login_required_response()
        if request.blueprint == "admin" and sent_no_cookie():
            # the login form from a browser that keeps no cookies: sent again, it would fail again; the login
            # page says cookies must be allowed for this site (h43p), not that the form expired
            return login_required_response()
        return error_response(400, _("The form expired or was sent from elsewhere. Reload the page and try again."),
                              "csrf")

    app.errorhandler(HTTPException)(http_error_response)
    app.errorhandler(Exception)(unexpected_error_response)


def http_error_response(exc: HTTPException):
    message = exc.description if getattr(exc, "user_message", False) else _messages().get(exc.code or 500)
    if getattr(exc, "bare_page", False) and not _wants_json():
        # the desk's stylesheet is refused with it (a foreign Host name, h38c): a page complete in itself
        return bare_error_page(exc.code or 500, _("Sorry"), message or exc.name)
    response = error_response(exc.code or 500, message or exc.name)
    # The exception's own headers (Allow on a 405, WWW-Authenticate...) belong to the answer.
    for name, value in exc.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    if exc.code == 429 and getattr(exc, "retry_after", None):
        response.headers["Retry-After"] = str(exc.retry_after)
    return response


def unexpected_error_response(exc: Exception):
    db.session.rollback()
    current_app.logger.exception("unhandled error", exc_info=exc)
    return server_error_response()


def user_error(status: int, message: str, *, bare_page: bool = False) -> HTTPException:
    """An HTTP error whose description is already a translated sentence for the user; `bare_page`: said
    on a page that fetches nothing from the desk (bare_page.py)."""
    exc = default_exceptions[status](description=message)
    exc.user_message = True  # type: ignore[attr-defined]
    exc.bare_page = bare_page  # type: ignore[attr-defined]
    return exc
