"""The camera loop sends each frame as the request's body (image/jpeg, the rest in the query):
the same answers and the same refusals as a frame sent as a form."""
from __future__ import annotations

from tests.support import needs_ocr

from .conftest import jpeg

SCAN = "/kiosk/api/v1/scan"


def _raw(kiosk, data: bytes, *, csrf: bool = True, **query):
    query.setdefault("session", "raw-session-1")
    headers = {"Content-Type": "image/jpeg"}
    if csrf:
        headers["X-CSRFToken"] = kiosk.csrf
    return kiosk.client.post(SCAN, query_string=query, data=data, headers=headers)


@needs_ocr
def test_a_steady_card_sent_as_raw_frames_is_captured_with_its_nik_read(kiosk, ktp_scene):
    frame, person = ktp_scene
    answers = [_raw(kiosk, jpeg(frame), mode="ktp").json for _ in range(4)]
    assert answers[0]["result"]["card"] is True and answers[0]["captured"] is False
    fired = [a for a in answers if a["captured"]]
    assert len(fired) == 1
    assert fired[0]["capture"]["nik"] == person.nik


def test_capture_now_works_from_the_query(kiosk, ktp_scene):
    answer = _raw(kiosk, jpeg(ktp_scene[0]), mode="ktp", capture="1")
    assert answer.status_code == 200 and answer.json["captured"] is True
    assert answer.json["capture"]["id"]


def test_a_raw_frame_and_a_form_frame_get_the_same_reading(kiosk, ktp_scene):
    data = jpeg(ktp_scene[0])
    raw = _raw(kiosk, data, session="raw-session-2", mode="ticket").json
    form = kiosk.post_frame(data, session="form-session-2", mode="ticket").json
    raw["result"].pop("ms"), form["result"].pop("ms")  # the time it took
    assert raw["result"] == form["result"] and raw["guidance"] == form["guidance"]


def test_a_raw_frame_needs_the_csrf_token(kiosk, ktp_scene):
    response = _raw(kiosk, jpeg(ktp_scene[0]), csrf=False)
    assert response.status_code == 400


def test_a_raw_frame_needs_a_scan_session_and_a_body(kiosk, ktp_scene):
    response = _raw(kiosk, jpeg(ktp_scene[0]), session="")
    assert response.status_code == 400 and response.json["message"]
    response = _raw(kiosk, b"")
    assert response.status_code == 400 and response.json["error"] == "image_missing"


def test_a_raw_body_that_is_not_a_jpeg_or_is_damaged_or_too_big_is_refused(app, kiosk, ktp_scene):
    response = _raw(kiosk, b"%PDF-1.7 not a photo")
    assert response.status_code == 415 and response.json["error"] == "not_image"
    data = jpeg(ktp_scene[0])
    response = _raw(kiosk, data[: len(data) // 3])
    assert response.status_code == 400 and response.json["error"] == "image_damaged"
    app.config["MAX_CONTENT_LENGTH"] = 200_000
    response = _raw(kiosk, b"\xff\xd8" + b"0" * 300_000)
    assert response.status_code == 413 and response.json["message"]
    # The server keeps serving.
    app.config["MAX_CONTENT_LENGTH"] = 16 * 1024 * 1024
    assert _raw(kiosk, data).status_code == 200
