"""Security headers on every response: a strict CSP (no inline script or style), no framing, no caching of staff pages."""
from __future__ import annotations

from flask import Flask, Response, request
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


def register_security_headers(app: Flask) -> None:
    @app.after_request
    def _headers(response: Response) -> Response:
        apply_security_headers(response.headers, request.path)
        if "Location" in response.headers:  # never a Host the client made up
            response.headers["Location"] = relative_location(response.headers["Location"])
        return response
