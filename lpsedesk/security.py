"""Security headers on every response: a strict CSP (no inline script or style), no framing, no caching of staff pages."""
from __future__ import annotations

from flask import Flask, Response, current_app, request
from werkzeug.datastructures import Headers

from .urls import relative_location

CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])


# Sent only on an answer that went out over HTTPS (h36f): a browser then keeps to HTTPS for this name.
# No includeSubDomains: other services of the office's domain may still be plain HTTP.
HSTS = "max-age=15552000"


def cookies_secure() -> bool:
    """Whether the desk's cookies are written Secure: always with SESSION_COOKIE_SECURE, and whenever
    the request came over HTTPS (a proxy the desk trusts said so, TRUSTED_PROXIES), the setting
    forgotten or not (h36f). A kiosk on the server's own screen at http://localhost gets plain ones."""
    return bool(current_app.config.get("SESSION_COOKIE_SECURE")) or request.is_secure


def apply_security_headers(h: Headers, path: str) -> None:
    """The headers every answer carries; also called by the kiosk's frame path, served ahead of Flask."""
    h.setdefault("Content-Security-Policy", CSP)
    h.setdefault("X-Content-Type-Options", "nosniff")
    h.setdefault("X-Frame-Options", "DENY")
    h.setdefault("Referrer-Policy", "no-referrer")
    h.setdefault("Permissions-Policy", "camera=(self), microphone=(), geolocation=()")
    h.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    # Staff pages show personal data: never keep them in a shared browser's cache.
    if not path.startswith("/static/"):
        h["Cache-Control"] = "no-store"
    else:
        # A file is sent with "no-cache" (asked again, answered 304 while unchanged). An answer with no
        # Cache-Control at all (a 404, a 405) may be kept by a browser or a proxy by its own guess: a
        # file missing for a moment (an upgrade half copied) would stay missing there (h47e).
        h.setdefault("Cache-Control", "no-store")


def register_security_headers(app: Flask) -> None:
    @app.after_request
    def _headers(response: Response) -> Response:
        apply_security_headers(response.headers, request.path)
        if request.is_secure:
            response.headers.setdefault("Strict-Transport-Security", HSTS)
        if "Location" in response.headers:  # never a Host the client made up
            response.headers["Location"] = relative_location(response.headers["Location"])
        return response
