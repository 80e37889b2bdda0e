"""Refuse a request whose text carries a NUL character, before any view reads it.

No field of this desk can hold one, and PostgreSQL refuses to store or even compare text with one
(SQLite stores it and cuts the text short when read): without this guard a NUL typed into a search
box or a form is a server error on one database and a silently shortened record on the other.
"""
from __future__ import annotations

from flask import Flask, request
from flask_babel import gettext as _

from .errors import user_error

NUL = "\x00"


def _has_nul(values) -> bool:
    return any(NUL in key or any(NUL in value for value in values.getlist(key)) for key in values)


def _json_has_nul() -> bool:
    if not request.is_json:
        return False
    body = request.get_data(cache=True)  # kept: the view parses the same bytes afterwards
    return b"\\u0000" in body or b"\x00" in body


def register_input_guard(app: Flask) -> None:
    @app.before_request
    def _refuse_nul():
        if NUL in request.path or _has_nul(request.args) or _json_has_nul() or (
                request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data")
                and _has_nul(request.form)):
            raise user_error(400, _("What was sent contains a character that cannot be stored (NUL). "
                                    "Please check what you entered and try again."))
