"""h30v: on the 800x1280 portrait kiosk (the 1280x800 tablet turned) the KTP screen, once the photo was
taken, was 238 px taller than the glass with the camera (204 px on a kiosk without one, the photo
uploaded), in Indonesian and English: "Ambil ulang" (take again) and "Diundang?..." (show the
invitation's QR as well) lay under the fold, where an elderly visitor, who does not know a kiosk page
scrolls, never finds them. The same with a card whose NIK was not read (h21u: its "NIK tidak terbaca"
title and the line asking to type it).
h30w: on the 1280x800 tablet the same screen with a card whose NIK was not read was 55 px (camera) and
12 px (uploaded) taller than the glass, "Ambil ulang" cut by its bottom edge.

What the visitor needs: with the photo taken, the whole screen on the glass without a scroll, the
header and the heading in sight, every line and every button whole in sight and at least 44 px; in
Indonesian and English; axe-clean. Then "Lanjut" goes on as before."""
from __future__ import annotations

import pytest

from tests.kiosk.e2e_support import CAPTURE_WAIT_MS, TABLET, TURNED, ktp_video, upload_ktp

from .settle import settled
from .test_kiosk_find_without_camera_keyboard_h29u import kiosk_in, top_in_sight, whole_on_the_glass
from .test_kiosk_look_again_h22u import _thumb_on_nik_video
from .test_kiosk_nik_unread_h21u import _thumb_jpeg

pytestmark = pytest.mark.layout

SIZES = {"800x1280": TURNED, "1280x800": TABLET}
TAKE_AGAIN = {"id": "Ambil ulang", "en": "Take again"}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("how", ["camera", "camera-nik-unread", "upload", "upload-nik-unread"])
@pytest.mark.parametrize("size", list(SIZES))
def test_the_ktp_screen_with_the_photo_taken_fits_the_glass(app, live_server, launch_browser, tmp_path, shot,
                                                            size, how, lang):
    video = {"camera": lambda: ktp_video(tmp_path / "ktp.y4m")[0],
             "camera-nik-unread": lambda: _thumb_on_nik_video(tmp_path / "thumb.y4m")}.get(how, lambda: None)()
    page = kiosk_in(app, launch_browser(fake_video=video), live_server, SIZES[size], lang)
    page.click("[data-action=checkin]")
    page.wait_for_selector("section[data-screen=ktp]:not([hidden])")
    if video is not None:
        page.wait_for_selector("[data-capture-done]:not([hidden])", timeout=CAPTURE_WAIT_MS)
    else:
        upload_ktp(page, _thumb_jpeg() if how.endswith("nik-unread") else None)
    if how.endswith("nik-unread"):
        assert page.locator("[data-nik-unread-title]").is_visible()
    settled(page)
    shot(page, f"h30v-kiosk-ktp-taken-{how}-{size}-{lang}", full_page=False)

    assert page.locator("section[data-screen=ktp] [data-preview]").is_visible(), "the photo taken is not shown"
    take_again = page.locator("[data-capture-done] [data-action=retake]")
    assert take_again.inner_text().strip() == TAKE_AGAIN[lang]
    top_in_sight(page, "ktp")
    whole_on_the_glass(page, "the KTP screen with the photo taken")

    page.click("[data-action=to-who]")
    page.wait_for_selector("section[data-screen=who]:not([hidden])")
    assert not [e for e in page.errors if "status of 410" not in e], page.errors
