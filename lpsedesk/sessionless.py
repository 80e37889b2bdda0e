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
"""
from __future__ import annotations

from flask import Flask, Request, request
from flask.sessions import SecureCookieSessionInterface


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
        return super().open_session(app, request)

    def should_set_cookie(self, app, session) -> bool:
        if session.modified:
            return True
        # Browsers name a background request's mode (cors, same-origin, no-cors); a client that
        # names none (an older browser, a script) keeps Flask's refresh on every answer.
        if request.headers.get("Sec-Fetch-Mode", "navigate") != "navigate":
            return False
        return super().should_set_cookie(app, session)

    def save_session(self, app, session, response) -> None:
        if self._skipped(app, request):
            return  # never written: the browser's own session cookie stays as it was
        super().save_session(app, session, response)
