"""The frame the kiosk sends from a 720p webcam (issue 10, Run 35r): the whole 1280x720 picture as a
JPEG, not a 960x540 one. The engine reads names from value rows a few pixels tall; scaled to 960 px
wide, the bench's dev splits read fewer of them (docs/idscan.md, Run 35r)."""
from __future__ import annotations

import io

from PIL import Image

from tests.kiosk.e2e_support import CAPTURE_WAIT_MS, LANDSCAPE, enrol_page, ktp_video


def test_the_server_receives_the_720p_camera_frame_at_its_full_width(app, live_server, launch_browser, tmp_path):
    video, _person = ktp_video(tmp_path / "ktp.y4m")
    page = enrol_page(app, launch_browser(fake_video=video), live_server, LANDSCAPE)
    sizes: list[tuple[str, int, int]] = []

    def frame(route):
        body = route.request.post_data_buffer
        if body:
            picture = Image.open(io.BytesIO(body))
            sizes.append((picture.format, *picture.size))
        route.continue_()

    page.route("**/kiosk/api/v1/frames?*", frame)
    page.click("[data-action=checkin]")
    page.wait_for_selector("[data-capture-done]:not([hidden])", timeout=CAPTURE_WAIT_MS)
    assert sizes and set(sizes) == {("JPEG", 1280, 720)}, sizes
