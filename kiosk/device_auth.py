"""Which kiosk is calling: the signed device cookie, and the guard every kiosk view wears."""
from __future__ import annotations

from functools import wraps

from flask import current_app, g, jsonify, make_response, render_template, request
from flask.wrappers import Response

from lpsedesk import devices
from lpsedesk.kiosk_credentials import CredentialCache
from lpsedesk.extensions import db
from lpsedesk.models import KioskDevice
from lpsedesk.roles import Actor, kiosk_actor
from lpsedesk.transaction import always

from .messages import api_message


def set_credential(response: Response, device: KioskDevice) -> Response:
    response.set_cookie(
        devices.COOKIE_NAME, devices.credential_for(device, current_app.config["SECRET_KEY"]),
        max_age=devices.COOKIE_MAX_AGE, httponly=True, samesite="Strict",
        secure=bool(current_app.config.get("SESSION_COOKIE_SECURE")), path="/")
    return response


def current_kiosk() -> KioskDevice | None:
    return g.get("kiosk_device")


def current_kiosk_actor() -> Actor:
    device = g.kiosk_device
    return kiosk_actor(device.id, device.name)


def _refuse(problem: str):
    # 401: no credential this server recognises; 403: a credential for a revoked kiosk.
    status = 403 if problem == "revoked" else 401
    if "/api/" in request.path:
        return jsonify(error="kiosk_not_registered", message=api_message("kiosk_not_registered")), status
    response = make_response(render_template("kiosk/not_registered.html", revoked=problem == "revoked"), status)
    return response


def _credentials() -> CredentialCache:
    cache = current_app.extensions.get("kiosk_credentials")
    if cache is None:
        cache = current_app.extensions["kiosk_credentials"] = CredentialCache(
            float(current_app.config.get("KIOSK_CREDENTIAL_TTL", 5.0)))
    return cache


def kiosk_only(view):
    """Allow a view only to an enrolled, unrevoked kiosk browser; sets g.kiosk_device."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        cache, token = _credentials(), request.cookies.get(devices.COOKIE_NAME)
        check = cache.check(db.session, token, current_app.config["SECRET_KEY"])
        if check.device is None:
            return _refuse(check.problem or "invalid")
        g.kiosk_device = check.device

        def seen() -> bool:
            # "Last seen" on the Admin page, at most once a minute per kiosk, whatever the request's answer.
            if cache.recently_seen(token):
                return False
            return devices.touch(check.device)

        always(seen)
        return view(*args, **kwargs)

    # Read by the authorisation test that walks every route.
    wrapped.kiosk_only = True
    return wrapped
