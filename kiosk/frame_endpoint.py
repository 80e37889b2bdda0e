"""The camera loop's frames, answered ahead of Flask's request machinery (issue 16).

A kiosk sends five frames a second, and the goal is the served frame within 1.15x of the ID engine
(13-20 ms a frame). Through Flask each frame paid for a request context, the URL match, the
before/after/teardown hooks and their signals, and the cached kiosk row merged into a database
session it mostly never used: measured in process with the engine between frames, 1.9 ms over the
engine before, 1.2 ms here (docs/scale.md, "The frame answered ahead of Flask's request"). So `POST /kiosk/api/v1/frames` is recognised here by method and path before Flask
sees the request, and answered in an app context only (the database session, `g`, the translations,
the JSON provider: what the steps below use), by the same functions the Flask path uses, in the
same order:

1. the desk's own names (lpsedesk/host_check.py `host_refusal`, h38c) and the NUL guard on the path
   and query (lpsedesk/input_guard.py `nul_refusal`);
2. the kiosk's device credential (kiosk/device_auth.py `admit_kiosk`: the check `kiosk_only` makes);
3. the frame's own checks, the frame slots, the capability (`frame_refusal`), the engine and the
   scan session (kiosk/frame_api.py `answer_frame`, which the Flask view also calls);
4. an HTTP error (a body over MAX_CONTENT_LENGTH) or an unexpected error answered by the app's
   own handlers (lpsedesk/errors.py), logged as there;
5. the request's one transaction (lpsedesk/transaction.py `finish_request`: commit below 400,
   roll back otherwise, "last seen" either way) and the security headers every answer carries.

What the Flask path did and this one does not: open or save the session cookie (the route was
already `@sessionless`), check a CSRF token (it was already exempt: the capability admits the
frame), load Flask-Login's user (never asked on this route). The language is the one the request
names (`?lang=`, as the camera loop sends the page's language), Indonesian by default. Every other method and path goes to Flask unchanged.
"""
from __future__ import annotations

from flask import Flask, g
from werkzeug.exceptions import HTTPException

from lpsedesk import devices
from lpsedesk.errors import http_error_response, unexpected_error_response
from lpsedesk.host_check import host_refusal
from lpsedesk.input_guard import early_refusal, nul_refusal
from lpsedesk.security import apply_security_headers
from lpsedesk.transaction import finish_request

from .device_auth import admit_kiosk, api_refusal

FRAME_PATH = "/kiosk/api/v1/frames"


class FrameEndpoint:
    """WSGI: `POST /kiosk/api/v1/frames` answered here, everything else by `inner` (Flask)."""

    def __init__(self, app: Flask, inner) -> None:
        self.app = app
        self.inner = inner

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") != FRAME_PATH or environ.get("REQUEST_METHOD") != "POST":
            return self.inner(environ, start_response)
        app = self.app
        with app.app_context():
            req = app.request_class(environ)  # reads MAX_CONTENT_LENGTH from the app's config
            # The language the request names (`?lang=`: the camera loop sends its page's), checked
            # by lpsedesk/i18n.py select_locale as every page's is. Not Accept-Language: the kiosk's
            # browser says English while its page, as the rest of the desk, follows `?lang=`.
            g.chosen_locale = req.args.get("lang")
            try:
                response = app.make_response(self._answer(req))
            except HTTPException as exc:  # e.g. 413: the body is over MAX_CONTENT_LENGTH
                response = http_error_response(exc)
            except Exception as exc:  # noqa: BLE001 - as the app's own handler: logged, rolled back, 500
                response = unexpected_error_response(exc)
            response = finish_request(response)
            apply_security_headers(response.headers, FRAME_PATH)
            return response(environ, start_response)

    @staticmethod
    def _answer(req):
        from .frame_api import answer_frame

        refusal = host_refusal(req) or early_refusal(req) or nul_refusal(req)
        if refusal is not None:
            raise refusal
        problem = admit_kiosk(req.cookies.get(devices.COOKIE_NAME), attach=False)
        if problem is not None:
            return api_refusal(problem)
        return answer_frame(req)


def mount(app: Flask) -> None:
    """Put the frame path in front of the app's WSGI callable (inside any proxy fix mounted later)."""
    app.wsgi_app = FrameEndpoint(app, app.wsgi_app)  # type: ignore[method-assign]
