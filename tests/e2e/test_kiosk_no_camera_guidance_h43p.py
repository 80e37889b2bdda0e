"""h43p: on a kiosk without a camera (or with it refused), a refused photo left the guidance line saying
"Pilih foto lain, atau tunjukkan KTP Anda ke kamera": the upload is offered only where the camera is not
available (ux5), so no line the visitor reads may send them to it. A photo refused (not an image, too
small), a photo taken again after "no card was found", the help beside "Coba lagi" and the invited
visitor's line: each says what can be done without one ("Tidak ada kamera", the state, is said)."""
from __future__ import annotations

import cv2
import numpy as np

from tests.kiosk.e2e_support import TABLET, enrol_page, upload_not_a_photo


def _lines(page) -> str:
    # the camera is tried again after each photo, and its refusal (getUserMedia) comes back a moment
    # later: wait for it (h44f: a fixed 1.5 s could end before it on a busy machine, and then the line
    # the refusal writes was never read)
    page.wait_for_selector("section[data-screen=ktp] [data-camera-off]:not([hidden])")
    return page.inner_text("[data-guidance]") + " | " + page.inner_text("[data-ktp-error]")


def test_without_a_camera_no_line_after_a_refused_photo_sends_the_visitor_to_the_camera(app, live_server, browser):
    page = enrol_page(app, browser, live_server, TABLET)
    page.wait_for_selector("body[data-ready]")
    page.click("[data-action=checkin]")
    page.wait_for_selector("section[data-screen=ktp].k-no-camera:not([hidden])")

    upload_not_a_photo(page)
    said = _lines(page)
    assert "Pilih foto lain" in said, said
    assert "kamera" not in said.lower(), said

    tiny = cv2.imencode(".png", np.full((8, 8, 3), 128, np.uint8))[1].tobytes()
    page.set_input_files("[data-upload]", files=[{"name": "kecil.png", "mimeType": "image/png", "buffer": tiny}])
    page.wait_for_function("() => document.querySelector('[data-ktp-error]').textContent.includes('32')")
    said = _lines(page)
    assert "kamera" not in said.lower(), said

    # a photo with no card in it, taken again: "Hold your KTP in front of the camera" was said at once
    blank = cv2.imencode(".jpg", np.full((720, 1280, 3), 180, np.uint8))[1].tobytes()
    page.set_input_files("[data-upload]", files=[{"name": "meja.jpg", "mimeType": "image/jpeg", "buffer": blank}])
    page.wait_for_selector("[data-no-card]:not([hidden])", timeout=30000)
    shown = page.locator("section[data-screen=ktp] p:visible").all_inner_texts()
    assert not [t for t in shown if "kamera" in t.lower() and t.strip() != "Tidak ada kamera"], shown
    assert page.is_visible("[data-no-card-help-upload]") and page.is_visible("[data-invited-no-camera]")
    page.screenshot(path="/tmp/h43p/kiosk-no-camera-no-card-1280x800.png")
    page.click("[data-no-card] [data-action=retake]")
    said = page.inner_text("[data-guidance]")  # at once, before the camera is tried again
    assert "kamera" not in said.lower(), said
    said = _lines(page)
    assert "kamera" not in said.lower(), said
    page.screenshot(path="/tmp/h43p/kiosk-no-camera-after-retake-1280x800.png")
    # the refused photos' 4xx are logged by the browser as failed loads; nothing else may go wrong
    assert [e for e in page.errors if not e.startswith("Failed to load resource")] == []
