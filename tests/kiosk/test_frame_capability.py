"""The camera loop's narrow path (issue 16): a kiosk opens its scan session with an ordinary, CSRF-
checked request and gets a capability; its frames then go as the body with that capability in a
header, without the session cookie or a CSRF token. Only an allowed kiosk's frame carrying the
capability of its own open session is scanned; anything else is refused with a 4xx in the
kiosk's language and changes nothing."""
from __future__ import annotations

import threading

from sqlalchemy import func, select

from kiosk.frame_limits import FrameSlots
from lpsedesk import devices
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, KioskDevice

from .conftest import API, enrol_client, jpeg

FRAMES = API + "/frames"


def _open(kiosk, session: str = "cap-session-1", *, csrf: bool = True):
    headers = {"X-CSRFToken": kiosk.csrf} if csrf else {}
    return kiosk.client.post(f"{API}/scan/{session}/capability", headers=headers)


def _frame(client, data: bytes, capability: str | None, session: str = "cap-session-1", **query):
    headers = {"Content-Type": "image/jpeg"}
    if capability is not None:
        headers["X-Scan-Capability"] = capability
    return client.post(FRAMES, query_string={"session": session, "mode": "ktp", **query}, data=data,
                       headers=headers)


def _device_only(app, kiosk):
    """A client holding only the kiosk's device cookie: no session cookie, no CSRF token."""
    client = app.test_client()
    client.set_cookie(devices.COOKIE_NAME, kiosk.client.get_cookie(devices.COOKIE_NAME).value)
    return client


def _captures(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(AuditEvent)
                                 .where(AuditEvent.action == "kiosk.ktp_captured"))


def test_a_frame_with_its_sessions_capability_is_scanned_without_session_cookie_or_csrf(app, kiosk, ktp_scene):
    opened = _open(kiosk)
    assert opened.status_code == 200 and opened.json["capability"]
    response = _frame(_device_only(app, kiosk), jpeg(ktp_scene[0]), opened.json["capability"], capture="1")
    assert response.status_code == 200, response.json
    assert response.json["result"]["card"] is True and response.json["captured"] is True
    assert response.json["capture"]["id"]
    assert "Set-Cookie" not in response.headers  # the browser's session cookie is left as it was
    assert _captures(app) == 1  # the capture's audit event went with the request's one commit


def test_opening_a_scan_session_is_an_ordinary_csrf_checked_kiosk_request(app, client, kiosk):
    assert _open(kiosk, csrf=False).status_code == 400
    stranger = app.test_client()
    assert stranger.post(f"{API}/scan/cap-session-1/capability").status_code in (400, 401, 403)


def test_a_frame_without_or_with_a_wrong_capability_is_refused_and_changes_nothing(app, kiosk, ktp_scene):
    data = jpeg(ktp_scene[0])
    _open(kiosk)
    client = _device_only(app, kiosk)
    missing = _frame(client, data, None, capture="1")
    assert missing.status_code == 403 and missing.json["error"] == "capability_invalid"
    assert missing.json["message"]
    wrong = _frame(client, data, "x" * 43, capture="1")
    assert wrong.status_code == 403 and wrong.json["error"] == "capability_invalid"
    huge = _frame(client, data, "x" * 5000, capture="1")
    assert huge.status_code == 403
    assert _captures(app) == 0
    # and a capability is no way around the kiosk's own credential
    stranger = app.test_client()
    assert _frame(stranger, data, _open(kiosk).json["capability"]).status_code in (401, 403)


def test_an_old_capability_is_refused_once_the_session_is_reopened(app, kiosk, ktp_scene):
    data = jpeg(ktp_scene[0])
    first = _open(kiosk).json["capability"]
    second = _open(kiosk).json["capability"]
    assert first != second
    client = _device_only(app, kiosk)
    assert _frame(client, data, first, capture="1").status_code == 403
    assert _frame(client, data, second).status_code == 200
    assert _captures(app) == 0


def test_a_closed_or_expired_scan_session_is_refused(app, kiosk, ktp_scene):
    data = jpeg(ktp_scene[0])
    capability = _open(kiosk).json["capability"]
    client = _device_only(app, kiosk)
    assert kiosk.client.delete(f"{API}/scan/cap-session-1", headers={"X-CSRFToken": kiosk.csrf}).status_code == 200
    closed = _frame(client, data, capability, capture="1")
    assert closed.status_code == 410 and closed.json["error"] == "scan_session_over"
    never = _frame(client, data, capability, session="never-opened-1")
    assert never.status_code == 410

    capability = _open(kiosk, "cap-session-2").json["capability"]
    store = app.extensions["kiosk_scan_sessions"]
    store.ttl = 0.0  # every session is now older than its time to live
    try:
        expired = _frame(client, data, capability, session="cap-session-2", capture="1")
    finally:
        store.ttl = 30 * 60
    assert expired.status_code == 410
    assert _captures(app) == 0


def test_a_revoked_kiosks_capability_stops_at_once(app, kiosk, ktp_scene):
    data = jpeg(ktp_scene[0])
    capability = _open(kiosk).json["capability"]
    client = _device_only(app, kiosk)
    assert _frame(client, data, capability).status_code == 200  # the credential is now cached
    with app.app_context():
        devices.revoke(db.session, None, db.session.get(KioskDevice, kiosk.device_id))
        db.session.commit()
    refused = _frame(client, data, capability, capture="1")
    assert refused.status_code == 401 or refused.status_code == 403
    assert refused.json["error"] == "kiosk_not_registered"
    assert _captures(app) == 0


def test_kiosk_a_capability_cannot_feed_kiosk_b_session(app, kiosk, ktp_scene):
    data = jpeg(ktp_scene[0])
    other = enrol_client(app, app.test_client(), "Kiosk B")
    a_capability = _open(kiosk, "shared-name-1").json["capability"]
    b_capability = _open(other, "shared-name-1").json["capability"]
    _open(other, "b-only-session")
    a, b = _device_only(app, kiosk), _device_only(app, other)
    # B's credential with A's capability, for a session of the same name: refused
    assert _frame(b, data, a_capability, session="shared-name-1", capture="1").status_code == 403
    # A's credential naming a session only B opened: A has no such session
    assert _frame(a, data, a_capability, session="b-only-session", capture="1").status_code == 410
    assert _captures(app) == 0
    assert _frame(b, data, b_capability, session="shared-name-1").status_code == 200


def test_bad_frames_are_refused_in_the_kiosks_language(app, kiosk, ktp_scene):
    capability = _open(kiosk).json["capability"]
    client = _device_only(app, kiosk)
    not_jpeg = client.post(FRAMES, query_string={"session": "cap-session-1"}, data=b"%PDF-1.7",
                           headers={"Content-Type": "application/pdf", "X-Scan-Capability": capability})
    assert not_jpeg.status_code == 415 and not_jpeg.json["error"] == "not_image"
    whole = jpeg(ktp_scene[0])
    damaged = _frame(client, whole[: len(whole) // 3], capability)
    assert damaged.status_code == 400 and damaged.json["error"] == "image_damaged"
    assert _frame(client, b"", capability).json["error"] == "image_missing"
    app.config["MAX_CONTENT_LENGTH"] = 200_000
    try:
        assert _frame(client, b"\xff\xd8" + b"0" * 300_000, capability).status_code == 413
    finally:
        app.config["MAX_CONTENT_LENGTH"] = 16 * 1024 * 1024
    assert _frame(client, b"", capability, session="bad id!").status_code == 400
    # Indonesian unless the kiosk page says otherwise (the camera loop sends the page's language)
    indonesian = _frame(client, jpeg(ktp_scene[0]), "wrong")
    english = _frame(client, jpeg(ktp_scene[0]), "wrong", lang="en")
    assert indonesian.json["message"].startswith("Gambar kamera ini tidak diterima")
    assert english.json["message"].startswith("This camera picture was not accepted")


def test_one_kiosk_cannot_take_every_frame_slot():
    slots = FrameSlots(2)
    with slots.hold(kiosk=1) as first:
        with slots.hold(wait=0.01, kiosk=1) as second:
            assert first is True and second is False  # kiosk 1 already holds its share
        with slots.hold(wait=0.01, kiosk=2) as other:
            assert other is True  # kiosk 2 still gets a slot
    with slots.hold(kiosk=1) as again:
        assert again is True  # its share came back


def test_a_kiosks_second_picture_waits_for_its_first_within_the_wait():
    slots = FrameSlots(2)
    got = []
    with slots.hold(kiosk=1):
        def second():
            with slots.hold(wait=2, kiosk=1) as free:
                got.append(free)

        waiter = threading.Thread(target=second)
        waiter.start()
        waiter.join(0.1)
        assert got == []  # still waiting for kiosk 1's first picture
    waiter.join(2)
    assert got == [True]


def test_a_kiosks_frames_side_by_side_on_the_frame_route_leave_a_slot_for_others(app, kiosk, ktp_scene,
                                                                                  frame_in_scan):
    capability = _open(kiosk).json["capability"]
    busy = _frame(_device_only(app, kiosk), jpeg(ktp_scene[0]), capability)
    assert busy.status_code == 503 and busy.json["error"] == "busy"
