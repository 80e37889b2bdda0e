"""A query string is read as a form's text is: cleaned once, bounded, refused when unusable (h48f).

h47e cleaned every form body where it is parsed (form_text), but what comes after `?` was read as sent:
the staff's search, the invitations' event filter (`?event=`), the reports' periods, the login's `next=`.
An event name pasted with a zero-width space found no training, though the name was kept without it; a
control character reached the search; a raw byte that is not UTF-8 (a script's, no browser sends one)
was a server error in Werkzeug's own reading of the query; a 100 kB value was read and carried into every
link of the page (the language switch keeps the query). Here the query is read in one place, for every
view and the error pages alike: its text cleaned as a form's is (one line: no query needs a line break),
and a query no page of the desk sends is refused with a 400 before any view reads it.
"""
from __future__ import annotations

from urllib.parse import parse_qsl

from flask import Request
from flask_babel import gettext as _
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.exceptions import HTTPException

from .errors import user_error
from .form_text import cleaned

# The longest query a page sends is the invitations' print of at most 500 chosen ids (`id=2147483647&`,
# 14 bytes each: 7 kB), and the login's `next=` holding that whole address when the session had ended
# (escaped: 9 kB); so no single value is bounded below the whole query.
MAX_QUERY_BYTES = 16_384
MAX_QUERY_FIELDS = 1_000


def _decoded(query: bytes) -> str | None:
    try:
        return query.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _problem(query: bytes) -> str | None:
    """Why the query cannot be read ("long", "bytes"), else None; checked before it is parsed. No words here:
    choosing the language reads `?lang=` from this same query."""
    if len(query) > MAX_QUERY_BYTES or query.count(b"&") >= MAX_QUERY_FIELDS:
        return "long"
    if _decoded(query) is None:
        return "bytes"
    return None


def query_args(query: bytes) -> ImmutableMultiDict:
    """The query's fields, cleaned; none at all when it cannot be read (`refusal` says so with a 400, and an
    error page built meanwhile, whose language links keep the query, finds nothing to repeat)."""
    if _problem(query) is not None:
        return ImmutableMultiDict()
    # Werkzeug's own reading: an escape that is no UTF-8 (`%ED%A0%80`, half of a UTF-16 pair) stays as typed
    pairs = parse_qsl(query.decode("utf-8"), keep_blank_values=True, errors="werkzeug.url_quote")
    return ImmutableMultiDict([(cleaned(name, lines=False), cleaned(value, lines=False)) for name, value in pairs])


def refusal(req: Request) -> HTTPException | None:
    problem = _problem(req.query_string)
    if problem is None:
        return None
    if problem == "bytes":
        return user_error(400, _("The address contains characters that cannot be read. "
                                 "Go back and open the page again."))
    return user_error(400, _("The address is far longer than any link of the desk. Go back and open the page again."))
