"""A KTP capture belongs to the kiosk whose camera took it (kiosk/scan_api.py: "The token cannot be
forged or moved to another kiosk"; docs/kiosk.md: the visitor shows the KTP to *this* kiosk's
camera). Another kiosk holding the token, copied or guessed, can neither file a visit with it nor
find a visit by it; and `capture=1` is the only way to take the picture by hand. Written for the
mutants sec2 planted that the scan tests let through (docs/mutation.md)."""
from __future__ import annotations

import numpy as np

from lpsedesk.extensions import db
from lpsedesk.models import Visit

from .conftest import capture_id, enrol_client, entry, jpeg


def test_a_capture_taken_at_one_kiosk_cannot_file_a_visit_at_another(app, kiosk, ktp_scene):
    token = capture_id(kiosk, ktp_scene[0], session="kiosk-a-session")
    other = enrol_client(app, app.test_client(), name="Kios lantai 2")
    response = other.post_json("/visits", entry(capture=token))
    assert response.status_code == 400
    assert "capture" in response.get_json()["fields"]
    with app.app_context():
        assert db.session.query(Visit).count() == 0
    # at its own kiosk the same token files the visit
    assert kiosk.post_json("/visits", entry(capture=token, scan_session="kiosk-a-session")).status_code == 201


def test_a_capture_taken_at_one_kiosk_finds_nothing_at_another(app, kiosk, ktp_scene):
    token = capture_id(kiosk, ktp_scene[0], session="kiosk-a-find")
    other = enrol_client(app, app.test_client(), name="Kios lantai 2")
    response = other.post_json("/visits/find-by-card", {"capture": token})
    assert 400 <= response.status_code < 500


def test_only_capture_1_takes_the_picture_by_hand(kiosk):
    """A frame with no card in it is not captured unless the kiosk asks with capture=1."""
    empty = jpeg(np.full((480, 640, 3), 200, np.uint8))
    for value in ("0", "", "no"):
        answer = kiosk.client.post("/kiosk/api/v1/scan", query_string={"session": "by-hand-1", "capture": value},
                                   data=empty, headers={"Content-Type": "image/jpeg", "X-CSRFToken": kiosk.csrf}).json
        assert answer["captured"] is False, value
    answer = kiosk.client.post("/kiosk/api/v1/scan", query_string={"session": "by-hand-1", "capture": "1"},
                               data=empty, headers={"Content-Type": "image/jpeg", "X-CSRFToken": kiosk.csrf}).json
    assert answer["captured"] is True


def test_forgetting_a_scan_session_with_an_id_no_kiosk_makes_is_refused(kiosk):
    """The kiosk API's published description (openapi.json) answers a bad session id with 400."""
    for bad in ("x", "a b c d e f g h", "%2E%2E%2Fetc%2Fpasswd"):
        response = kiosk.client.delete(f"/kiosk/api/v1/scan/{bad}", headers={"X-CSRFToken": kiosk.csrf})
        assert response.status_code in (400, 404), bad
    ok = kiosk.client.delete("/kiosk/api/v1/scan/a-good-session-1", headers={"X-CSRFToken": kiosk.csrf})
    assert ok.status_code == 200


def test_codes_sent_with_a_visit_are_kept_to_a_few_of_bounded_length(app, kiosk, ktp_scene):
    """The codes read beside the KTP (an IKD QR, a scanner's reading) are stored with the visit:
    a few, each no longer than such a code holds (kiosk/scan_api.py), not whatever a client sends."""
    token = capture_id(kiosk, ktp_scene[0], session="codes-session")
    flood = [f"{i:04d}" + "Q" * 5000 for i in range(100)]
    response = kiosk.post_json("/visits", entry(capture=token, scan_session="codes-session", scanned_codes=flood))
    assert response.status_code == 201
    with app.app_context():
        stored = db.session.query(Visit).one().id_barcodes or []
    assert 0 < len(stored) <= 10
    assert all(len(code["text"]) <= 1024 for code in stored)


def test_a_capture_from_hours_ago_is_too_old_to_file_a_visit(app, kiosk, ktp_scene, monkeypatch):
    """The capture token is short-lived (kiosk/scan_api.py): a KTP shown hours ago, by whoever stood
    at the kiosk then, does not file a visit now."""
    import time as clock

    from itsdangerous.timed import TimestampSigner

    token = capture_id(kiosk, ktp_scene[0], session="old-capture")
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: int(clock.time()) + 3 * 3600)
    response = kiosk.post_json("/visits", entry(capture=token, scan_session="old-capture"))
    assert response.status_code == 400 and "capture" in response.get_json()["fields"]


def test_a_scan_session_pushed_out_by_newer_ones_takes_its_unused_captures_with_it(app, kiosk, ktp_scene):
    """docs/kiosk.md: the server keeps a bounded number of scan sessions; a session that goes
    deletes every KTP capture no visit used, as a discarded one does. Here the bound is one."""
    from kiosk.scan_sessions import ScanSessions

    app.extensions["kiosk_scan_sessions"] = ScanSessions(max_sessions=1)
    storage = app.extensions["storage"]
    capture_id(kiosk, ktp_scene[0], session="walked-away-visitor")
    assert len([k for k in storage.keys() if k.startswith("ktp/")]) == 1
    empty = jpeg(np.full((480, 640, 3), 200, np.uint8))
    kiosk.client.post("/kiosk/api/v1/scan", query_string={"session": "next-visitor-1"}, data=empty,
                      headers={"Content-Type": "image/jpeg", "X-CSRFToken": kiosk.csrf})
    assert [k for k in storage.keys() if k.startswith("ktp/")] == []
