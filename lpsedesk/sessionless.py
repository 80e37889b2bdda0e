"""Routes answered without opening the signed session cookie (issue 16, the narrow frame path).

A kiosk's camera loop sends five frames a second; each one opened and verified the session cookie
(0.3 ms of CPU with the caches the ID engine cools), only to carry the CSRF token the frame no
longer needs: its scan session's capability (lpsedesk/scan_capability.py) is what admits it. A view
marked `@sessionless` gets an empty session that is never saved: nothing it does can change the
browser's session cookie, and nothing in it (a user, a language, a CSRF token) is read from it.
Only routes without variable parts can be marked (they are matched by path before the URL is).

The same interface re-issues the session cookie (sliding its expiry) only on pages the browser
navigates to. A background request - a live stream, a live fragment, a poll - carries the cookie the
browser held when it started; answered late, its refreshed copy overwrote a change a page made
meanwhile (a language chosen with ?lang=en came back Indonesian on the next page).

A cookie past the idle limit opens as an empty session, by the core's rule (staff_sessions.gone_idle)
that a live stream also asks later on; when the cookie was last renewed is kept for it (`renewed_at`).
"""
from __future__ import annotations

from datetime import datetime

from flask import Flask, Request, request
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import BadSignature

from .security import cookies_secure
from .staff_sessions import gone_idle

_RENEWED_AT = "lpsedesk.session_renewed_at"


def renewed_at() -> datetime | None:
    """When the session cookie this request came with was last written, if it came with a valid one."""
    return request.environ.get(_RENEWED_AT)


def sessionless(view):
    view.sessionless = True
    return view


class SessionlessAware(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, except on the paths of `@sessionless` views."""

    def __init__(self) -> None:
        self._paths: frozenset[str] | None = None

    def _skipped(self, app: Flask, request: Request) -> bool:
        if self._paths is None:  # the routes are all known by the first request
            paths = set()
            for rule in app.url_map.iter_rules():
                if getattr(app.view_functions.get(rule.endpoint), "sessionless", False):
                    if rule.arguments:
                        raise RuntimeError(f"{rule.endpoint}: a sessionless route cannot have variable parts")
                    paths.add(rule.rule)
            self._paths = frozenset(paths)
        return request.path in self._paths

    def open_session(self, app, request):
        if self._skipped(app, request):
            return self.session_class()
        serializer = self.get_signing_serializer(app)
        if serializer is None:
            return None
        raw = request.cookies.get(self.get_cookie_name(app))
        if not raw:
            return self.session_class()
        # Flask's own check (max_age) is the same rule; read here with the time, so it is said once
        # (in the core) and the time is kept for a stream that asks it again later.
        try:
            data, signed_at = serializer.loads(raw, return_timestamp=True)
        except BadSignature:
            return self.session_class()
        if gone_idle(signed_at, app.permanent_session_lifetime):
            return self.session_class()
        request.environ[_RENEWED_AT] = signed_at
        return self.session_class(data)

    def should_set_cookie(self, app, session) -> bool:
        if session.modified:
            return True
        # Browsers name a background request's mode (cors, same-origin, no-cors); a client that
        # names none (an older browser, a script) keeps Flask's refresh on every answer.
        if request.headers.get("Sec-Fetch-Mode", "navigate") != "navigate":
            return False
        return super().should_set_cookie(app, session)

    def get_cookie_secure(self, app) -> bool:
        return cookies_secure()  # HTTPS through a trusted proxy makes it Secure without the setting (h36f)

    def save_session(self, app, session, response) -> None:
        if self._skipped(app, request):
            return  # never written: the browser's own session cookie stays as it was
        super().save_session(app, session, response)
