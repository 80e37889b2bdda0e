"""The camera loop's narrow path: a scan session opened once, then frames admitted by its capability.

Opening (`POST /kiosk/api/v1/scan/<session>/capability`) is an ordinary kiosk request: the device
credential, the session cookie and its CSRF token are checked as for every other call. It answers
with a fresh capability (lpsedesk/scan_capability.py: only its hash is kept on the scan session).
Each frame (`POST /kiosk/api/v1/frames`, the JPEG as the body) then carries the capability in the
`X-Scan-Capability` header and is served without opening the session cookie or checking a CSRF
token (about 0.5-0.6 ms of a frame's 2 ms of Python request work, docs/scale.md); the device
credential is still checked on every frame (`kiosk_only`, cached), the frame's size and content
are bounded as on the form route, frames share the per-process frame slots with at most a share
per kiosk, and the request still ends in its one commit (lpsedesk/transaction.py).

The form route (`POST /kiosk/api/v1/scan`, kiosk/scan_api.py) stays for an uploaded photo.
"""
from __future__ import annotations

from flask import Request, current_app, jsonify, request

from lpsedesk import devices
from lpsedesk.extensions import csrf
from lpsedesk.scan_capability import HEADER, frame_refusal, new_capability
from lpsedesk.sessionless import sessionless

from . import bp
from .device_auth import current_kiosk, current_kiosk_id, kiosk_only
from .scan_api import SESSION_ID, _scan, api_error, forget_all, frame_time, sessions
from .visit_api import json_body

# 403: this frame is not admitted to the session it names; 410: that session is over. Either way
# the camera loop opens the session again (one ordinary request) and goes on.
REFUSAL_STATUS = {"capability_invalid": 403, "scan_session_over": 410}


@bp.post("/api/v1/scan/<session_id>/capability")
@kiosk_only
def open_scan(session_id: str):
    """Open (or reopen) this kiosk's scan session for the camera loop; any capability given for it
    before is void from now on. A JSON body `{"camera": {"width": W, "height": H}}` (the camera's
    own picture size) is kept for the Admin's kiosks page."""
    if not SESSION_ID.match(session_id):
        return api_error("bad_request", 400)
    camera = (json_body() or {}).get("camera")
    if camera is not None:  # the page sends its camera's size when it has one (an upload has none)
        try:
            devices.note_camera(current_kiosk(), *_camera_sides(camera))
        except devices.DeviceError:
            return api_error("bad_request", 400, fields={"camera": "invalid"})
    token, digest = new_capability()
    forget_all(sessions().open(current_kiosk().id, session_id, digest))
    return jsonify(session=session_id, capability=token, header=HEADER)


def _camera_sides(camera: object) -> tuple[object, object]:
    if not isinstance(camera, dict):
        return None, None
    return camera.get("width"), camera.get("height")


@bp.post("/api/v1/frames")
@csrf.exempt  # the capability admits the frame: a page of another site cannot know it
@sessionless
@kiosk_only
def frame():
    """One camera frame as the request's body (`Content-Type: image/jpeg`), `session`, `mode`,
    `capture` and `t` (when the frame was taken, the page's ms) in the query, the session's capability
    in the X-Scan-Capability header.

    Served by kiosk/frame_endpoint.py ahead of Flask's request machinery (the same steps, the same
    functions); this view answers only where that front is not mounted."""
    return answer_frame(request)


def answer_frame(req: Request):
    """The frame's answer, for an allowed kiosk (admitted by `admit_kiosk`): every check but the kiosk's own."""
    session_id = req.args.get("session", "")
    if not SESSION_ID.match(session_id):
        return api_error("bad_request", 400, fields={"session": "required"})
    presented = req.headers.get(HEADER)
    if not presented:
        return api_error("capability_invalid", REFUSAL_STATUS["capability_invalid"])
    if req.mimetype != "image/jpeg":
        return api_error("not_image", 415)
    kiosk_id = current_kiosk_id()  # its row is attached only if asked for (a capture, "last seen")
    with current_app.extensions["kiosk_frame_slots"].hold(kiosk=kiosk_id) as free:
        if not free:
            response, status = api_error("busy", 503)
            response.headers["Retry-After"] = "1"
            return response, status
        scan_session, dropped = sessions().find(kiosk_id, session_id)
        forget_all(dropped)
        problem = frame_refusal(scan_session is not None,
                                scan_session.capability_hash if scan_session is not None else None, presented)
        if problem is not None:
            return api_error(problem, REFUSAL_STATUS[problem])
        data = req.get_data(cache=False)
        if not data:
            return api_error("image_missing", 400)
        mode = req.args.get("mode", "ktp")
        return _scan(data, session_id, mode, req.args.get("capture") == "1", scan_session,
                     at=frame_time(req.args.get("t")))


@bp.record_once
def _mount_frame_path(state) -> None:
    from .frame_endpoint import mount

    mount(state.app)
