"""URL rules: where a `next=` parameter may send a browser (a path on this site, nothing else), and
which numbers an id in a route may be."""
from __future__ import annotations

import re
from urllib.parse import quote, urlsplit, urlunsplit

from werkzeug.routing import IntegerConverter

from .ids import ROW_ID_MAX

# A path of this site: one leading slash not followed by another slash or a backslash (browsers read
# "//host", "/\host" and "\\host" as another host), and no whitespace, control character or
# backslash anywhere (a CR/LF would split the Location header).
_SAME_SITE_PATH = re.compile(r"/(?![/\\])[^\s\\\x00-\x1f\x7f]*")


# As long as a query may be (query_text.MAX_QUERY_BYTES): the longest path a page sends is the print of
# 500 chosen invitations (7 kB), which the login's `next=` carries back when the session had ended.
MAX_PATH = 16_384


def same_site_path(target: str | None) -> str | None:
    """`target` if it is a same-site path, else None."""
    if target and len(target) <= MAX_PATH and _SAME_SITE_PATH.fullmatch(target):
        return target
    return None


def path_link(path: str) -> str:
    """A request's (decoded) path written back as a link to the same page that a browser cannot read
    as another host: every character outside a URL path's own is percent-encoded (a backslash is
    `%5C`, a tab `%09`) and leading slashes become one. `/%5Cevil.example` arrives as `/\\evil.example`;
    written back as it came, a browser read the link as `//evil.example`."""
    return "/" + quote(path, safe="/:@!$&'()*+,;=~").lstrip("/")


def relative_location(location: str) -> str:
    """A redirect's target as a path on this site. Werkzeug writes some redirects absolute from the
    request's Host (a missing trailing slash: `/admin` to `http://<Host>/admin/`), and the Host is
    whatever the client sent: `Host: evil.example` sent the browser there. The browser resolves a
    path against the address it really asked, so a path loses nothing."""
    parts = urlsplit(location)
    if not parts.scheme and not parts.netloc:
        return location
    return urlunsplit(("", "", "/" + parts.path.lstrip("/\\"), parts.query, parts.fragment))


class RowIdConverter(IntegerConverter):
    """`<int:...>` in every route: 1 .. 2**31-1, the range of the id columns.

    A larger number in a URL would reach the database and fail there (SQLite cannot bind it,
    PostgreSQL refuses it as out of range): a 500 for what is only a page that does not exist.
    """

    def __init__(self, map, fixed_digits=0, min=1, max=ROW_ID_MAX, signed=False):  # noqa: A002
        super().__init__(map, fixed_digits, min, max, signed)

