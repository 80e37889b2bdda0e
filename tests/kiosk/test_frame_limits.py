"""A kiosk frame costs bounded memory: more pixels than a camera sends are refused before decoding
(a large JPEG photo is decoded at reduced scale instead), and only a few frames are decoded at once;
the rest get a clear 503 (issue 12)."""
from __future__ import annotations

import io
import threading

import numpy as np
from PIL import Image

from kiosk.frame_limits import BUSY_WAIT_SECONDS

from .conftest import API, jpeg


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("L", (width, height), 0).save(out, format="PNG", optimize=True)
    return out.getvalue()


def test_a_tiny_png_claiming_4096x3900_pixels_is_refused_before_decoding(kiosk):
    data = png(4096, 3900)
    assert len(data) < 100_000, "a few KB on the wire"
    response = kiosk.post_frame(data, filename="frame.png")
    assert response.status_code == 413
    assert response.json["error"] == "frame_too_many_pixels"
    assert "1920" in response.json["message"]


def test_a_frame_as_large_as_a_full_hd_camera_is_read(kiosk):
    response = kiosk.post_frame(jpeg(np.full((1080, 1920, 3), 200, np.uint8)))
    assert response.status_code == 200, response.json


def test_a_large_jpeg_photo_from_the_upload_button_is_read_at_reduced_scale(kiosk, ktp_scene):
    frame, _person = ktp_scene
    big = np.ascontiguousarray(np.repeat(np.repeat(frame, 2, axis=0), 2, axis=1))  # twice each side
    assert big.shape[0] * big.shape[1] > 1920 * 1080
    data = jpeg(big, 60)
    assert len(data) < 500_000, "the test client spools larger bodies to a file it never closes"
    response = kiosk.post_frame(data, capture=True)
    assert response.status_code == 200, response.json
    assert response.json["captured"] is True


def _camera_frame(kiosk, data: bytes):
    """A frame as the camera loop sends it to the scan route: the JPEG as the body."""
    return kiosk.client.post(API + "/scan?session=test-session-1&mode=ktp", data=data, content_type="image/jpeg",
                             headers={"X-CSRFToken": kiosk.csrf})


def test_frames_beyond_the_decoding_slots_get_a_clear_503(app, kiosk):
    slots = app.extensions["kiosk_frame_slots"]
    held = [slots._semaphore.acquire(timeout=1) for _ in range(slots.slots)]
    assert all(held)
    try:
        app.config["BABEL_DEFAULT_LOCALE"] = "id"
        response = _camera_frame(kiosk, jpeg(np.full((720, 1280, 3), 200, np.uint8)))
        assert response.status_code == 503 and response.headers["Retry-After"] == "1"
        assert response.json["error"] == "busy" and response.json["message"]
    finally:
        for _ in held:
            slots._semaphore.release()
    assert kiosk.post_frame(jpeg(np.full((720, 1280, 3), 200, np.uint8))).status_code == 200


def test_an_uploaded_photo_waits_for_the_camera_frame_still_scanned_longer_than_a_frame_would(kiosk, frame_in_scan):
    """h44f: the visitor picks a photo while the camera loop's last frame is still scanned; on a busy
    server that scan outlasts a camera frame's one-second wait, and the photo was refused as "busy,
    hold the card still", lost."""
    assert _camera_frame(kiosk, jpeg(np.full((720, 1280, 3), 200, np.uint8))).status_code == 503
    threading.Timer(BUSY_WAIT_SECONDS * 2, frame_in_scan.set).start()  # the scan ends after a frame's wait
    response = kiosk.post_frame(jpeg(np.full((720, 1280, 3), 200, np.uint8)), capture=True)
    assert response.status_code == 200, response.json
