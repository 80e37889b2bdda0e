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
from lpsedesk.security import cookies_secure
from lpsedesk.transaction import always

from .messages import api_message


def set_credential(response: Response, device: KioskDevice) -> Response:
    response.set_cookie(
        devices.COOKIE_NAME, devices.credential_for(device, current_app.config["SECRET_KEY"]),
        max_age=devices.COOKIE_MAX_AGE, httponly=True, samesite="Strict",
        secure=cookies_secure(), path="/")
    return response


def current_kiosk() -> KioskDevice | None:
    """The calling kiosk's row in the request's database session (attached on first use where the
    frame path admitted it from the credential cache without touching the session)."""
    device = g.get("kiosk_device")
    if device is None and (copy := g.get("kiosk_device_copy")) is not None:
        device = g.kiosk_device = db.session.merge(copy, load=False)
    return device


def current_kiosk_id() -> int:
    """The calling kiosk's id, without attaching its row to the database session."""
    device = g.get("kiosk_device") or g.kiosk_device_copy
    return device.id


def current_kiosk_actor() -> Actor:
    device = current_kiosk()
    return kiosk_actor(device.id, device.name)


def api_refusal(problem: str):
    """The JSON answer to a call from no allowed kiosk."""
    return jsonify(error="kiosk_not_registered", message=api_message("kiosk_not_registered")), refusal_status(problem)


def _refuse(problem: str):
    if "/api/" in request.path:
        return api_refusal(problem)
    return make_response(render_template("kiosk/not_registered.html", revoked=problem == "revoked"),
                         refusal_status(problem))


def _credentials() -> CredentialCache:
    cache = current_app.extensions.get("kiosk_credentials")
    if cache is None:
        cache = current_app.extensions["kiosk_credentials"] = CredentialCache(
            float(current_app.config.get("KIOSK_CREDENTIAL_TTL", 5.0)))
    return cache


def admit_kiosk(token: str | None, *, attach: bool = True) -> str | None:
    """Whether the device credential `token` names an enrolled, unrevoked kiosk: None when it does
    (`current_kiosk()` is then that kiosk, and its "last seen" is stamped with the request's end),
    else the problem ("revoked", "invalid"...). The one check of `kiosk_only` and of the frame path
    served ahead of Flask's request (kiosk/frame_endpoint.py).

    `attach=False` (the frame path): a kiosk found in the credential cache is not merged into the
    database session until something asks for its row (`current_kiosk()`: a capture, "last seen");
    a frame that needs only its id (`current_kiosk_id()`) then never opens a database session
    (0.3-0.4 ms of a frame's CPU with the caches the engine cools: the merge, the session's commit
    check and its teardown; docs/scale.md)."""
    cache = _credentials()
    copy = None if attach else cache.cached(token)
    if copy is not None:
        g.kiosk_device_copy = copy
    else:
        check = cache.check(db.session, token, current_app.config["SECRET_KEY"])
        if check.device is None:
            return check.problem or "invalid"
        g.kiosk_device = check.device

    def seen() -> bool:
        # "Last seen" on the Admin page, at most once a minute per kiosk, whatever the request's answer.
        if cache.recently_seen(token):
            return False
        return devices.touch(current_kiosk())

    always(seen)
    return None


def refusal_status(problem: str) -> int:
    # 401: no credential this server recognises; 403: a credential for a revoked kiosk.
    return 403 if problem == "revoked" else 401


def kiosk_only(view):
    """Allow a view only to an enrolled, unrevoked kiosk browser; sets g.kiosk_device."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        problem = admit_kiosk(request.cookies.get(devices.COOKIE_NAME))
        if problem is not None:
            return _refuse(problem)
        return view(*args, **kwargs)

    # Read by the authorisation test that walks every route.
    wrapped.kiosk_only = True
    return wrapped
