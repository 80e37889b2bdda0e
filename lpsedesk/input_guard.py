"""Refuse a request whose text carries a NUL character, before any view reads it.

No field of this desk can hold one, and PostgreSQL refuses to store or even compare text with one
(SQLite stores it and cuts the text short when read): without this guard a NUL typed into a search
box or a form is a server error on one database and a silently shortened record on the other.
"""
from __future__ import annotations

from flask import Flask, Request, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

from .errors import user_error
from . import query_text
from .form_limits import DeskRequest

NUL = "\x00"


def _has_nul(values) -> bool:
    return any(NUL in key or any(NUL in value for value in values.getlist(key)) for key in values)


def _json_has_nul(req: Request) -> bool:
    if not req.is_json:
        return False
    body = req.get_data(cache=True)  # kept: the view parses the same bytes afterwards
    return b"\\u0000" in body or b"\x00" in body


def early_refusal(req: Request) -> HTTPException | None:
    """The 400 for a query no page sends (query_text), the 413 for a body its route never takes
    (form_limits.body_at_most), else None: asked before the CSRF check reads the form (h48f)."""
    return query_text.refusal(req) or (req.body_refusal() if isinstance(req, DeskRequest) else None)


def nul_refusal(req: Request) -> HTTPException | None:
    """The 400 for a request whose path, query or text body carries a NUL, else None (also asked by
    the kiosk's frame path, which is answered ahead of Flask's request machinery)."""
    if NUL in req.path or _has_nul(req.args) or _json_has_nul(req) or (
            req.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data")
            and _has_nul(req.form)):
        return user_error(400, _("What was sent contains a character that cannot be stored (NUL). "
                                 "Please check what you entered and try again."))
    return None


def register_early_refusals(app: Flask) -> None:
    """Registered before the CSRF check (Flask-WTF's own before_request)."""
    @app.before_request
    def _refuse_unreadable():
        refusal = early_refusal(request)
        if refusal is not None:
            raise refusal


def register_input_guard(app: Flask) -> None:
    @app.before_request
    def _refuse_nul():
        refusal = nul_refusal(request)
        if refusal is not None:
            raise refusal
