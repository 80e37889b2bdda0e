"""A kiosk with a working camera offers no file picker (str10's walk).

On a kiosk PC, "Unggah foto saja" opens the operating system's file dialog: a visitor has no file
to give there, and on Windows the dialog is a way out of the locked kiosk browser. The upload is the
fallback for a kiosk whose camera is not available (ux5), and only there is it offered.
"""
from __future__ import annotations

import numpy as np

from tests.e2e.video import write_y4m
from tests.kiosk.e2e_support import LANDSCAPE, enrol_page

UPLOAD = "section[data-screen=ktp] label.k-file"


def _desk_video(path):
    from tests.synthetic.scenes import background

    frame = np.ascontiguousarray(background(np.random.default_rng(7))[:720, :1280])
    return write_y4m(path, [frame] * 10)


def test_with_a_camera_the_ktp_screen_shows_no_upload_button(app, live_server, launch_browser, tmp_path, shot):
    page = enrol_page(app, launch_browser(fake_video=_desk_video(tmp_path / "desk.y4m")), live_server, LANDSCAPE)
    page.click("[data-action=checkin]")
    page.wait_for_selector("[data-screen=ktp]:not([hidden])")
    # The camera has started: its tips are shown and "Take the photo now" is on screen.
    page.wait_for_function("() => document.querySelector('[data-guidance]').textContent.length > 0")
    assert page.is_visible("section[data-screen=ktp] [data-action=capture]")
    assert not page.is_visible(UPLOAD)
    shot(page, "kiosk-ktp-camera-no-file-picker", full_page=False)


def test_without_a_camera_the_upload_is_offered(app, live_server, browser):
    page = enrol_page(app, browser, live_server, LANDSCAPE)  # chromium without a camera device
    page.click("[data-action=checkin]")
    page.wait_for_selector("[data-screen=ktp].k-no-camera:not([hidden])")
    assert page.is_visible(UPLOAD)
    assert not page.is_visible("section[data-screen=ktp] [data-action=capture]")
