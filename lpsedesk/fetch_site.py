"""Requests another site started: a guard for the reads that write the audit trail.

Session cookies are SameSite=Lax, so a link on another site (a top-level GET) still carries the
staff member's login, and so does any request from a page on the same host at another port (the
same "site" to a browser). CSRF tokens guard every change, but a GET that reads personal data also
writes "viewed by ..." to the audit log: such a link would put a viewing there that its owner never
made (probe h18s). Browsers say who started each request in Sec-Fetch-Site.
"""
from __future__ import annotations

from collections.abc import Mapping
from functools import wraps

from flask import request
from flask_babel import gettext as _

from .errors import user_error

# "same-origin": the desk's own pages; "none": typed, bookmarked or opened from outside a browser
# page; no header at all: a browser without Fetch Metadata, which reads as before.
FOREIGN = frozenset({"cross-site", "same-site"})


def started_by_another_site(headers: Mapping[str, str]) -> bool:
    return (headers.get("Sec-Fetch-Site") or "").strip().lower() in FOREIGN


def from_this_site_only(view):
    """Refuse (403, with the reason) a request to `view` that another site started."""
    @wraps(view)
    def guarded(*args, **kwargs):
        if started_by_another_site(request.headers):
            raise user_error(403, _("Personal data opens only from the desk's own pages, not from a link "
                                    "on another site. Open it from the visit's page or the reports."))
        return view(*args, **kwargs)
    return guarded
