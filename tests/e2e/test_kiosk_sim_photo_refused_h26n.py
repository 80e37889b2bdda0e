"""Issue 10, Run 29n: a photo of a driving licence (SIM) given instead of the KTP is not taken; the
kiosk says in the visitor's language that the photo does not show a KTP's front, the camera starts again, and
the KTP given next is taken."""
from __future__ import annotations

import cv2

from tests.idscan.test_sim_not_handed_over import _sim_without_its_band
from tests.kiosk.e2e_support import TABLET, enrol_page, upload_ktp

from .axe import axe_source, violations

# The photo's own words: "... ke kamera" (the camera's sentence) cannot be followed on a kiosk without one.
NOT_KTP = "Foto ini tidak menunjukkan sisi depan KTP. Silakan pilih foto sisi depan KTP Anda."


def test_a_photo_of_a_sim_is_not_taken_and_the_ktp_given_next_is(app, live_server, browser, shot):
    page = enrol_page(app, browser, live_server, TABLET)
    page.wait_for_selector("body[data-ready]")
    page.click("[data-action=checkin]")
    page.wait_for_selector("section[data-screen=ktp]:not([hidden])")
    ok, buf = cv2.imencode(".jpg", _sim_without_its_band(2), [cv2.IMWRITE_JPEG_QUALITY, 90])
    assert ok
    page.set_input_files("[data-upload]", files=[{"name": "sim.jpg", "mimeType": "image/jpeg", "buffer": buf.tobytes()}])
    page.wait_for_selector("[data-ktp-error]:not(:empty)", timeout=30000)
    assert page.inner_text("[data-ktp-error]") == NOT_KTP
    assert page.locator("[data-capture-done]").is_hidden()
    shot(page, "h26n-sim-photo-refused-1280x800", full_page=False)
    assert violations(page, axe_source()) == []
    upload_ktp(page)
    assert page.locator("[data-capture-done]").is_visible()
