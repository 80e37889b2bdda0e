"""The camera loop's narrow path in real chromium (issue 16): the KTP screen opens its scan session,
sends frames with the session's capability, and when the server says the session is over (a
restart, an expiry) it opens the session again by itself and the card is still captured."""
from __future__ import annotations

import pytest

from tests.kiosk.e2e_support import CAPTURE_WAIT_MS, LANDSCAPE, enrol_page, ktp_video


def test_the_camera_loop_opens_its_scan_session_again_when_the_server_forgot_it(
        app, live_server, launch_browser, tmp_path):
    if app.extensions["kiosk_scan_sessions"].shared:
        pytest.skip("forgets the in-memory scan sessions (SQLite); PostgreSQL's are shared rows")
    video, _person = ktp_video(tmp_path / "ktp.y4m")
    page = enrol_page(app, launch_browser(fake_video=video), live_server, LANDSCAPE)
    opened, frames, forgotten = [], [], []
    page.on("request", lambda r: opened.append(r.url) if r.url.endswith("/capability") else None)

    def frame(route):
        request = route.request
        frames.append(request.headers.get("x-scan-capability"))
        if len(frames) == 2:  # the server restarted: its in-memory scan sessions are gone
            app.extensions["kiosk_scan_sessions"]._items.clear()
            forgotten.append(True)
        route.continue_()

    page.route("**/kiosk/api/v1/frames?*", frame)
    page.click("[data-action=checkin]")
    page.wait_for_selector("[data-capture-done]:not([hidden])", timeout=CAPTURE_WAIT_MS)
    assert forgotten, "no frame reached the narrow path"
    assert len(opened) == 2, opened  # once at the start, once after the session was forgotten
    assert all(frames) and len(set(frames)) == 2  # every frame carried a capability; a new one after
    assert [e for e in page.errors if "status of 410" not in e] == [], page.errors


def test_the_ktp_screen_tells_the_server_its_cameras_picture_size(app, live_server, launch_browser, tmp_path):
    """The fake camera plays a 1280x720 video: the Admin's kiosks page must learn 1280 x 720 (the
    camera's own size, not the smaller frame the page sends)."""
    from sqlalchemy import select

    from lpsedesk.extensions import db
    from lpsedesk.models import KioskDevice

    video, _person = ktp_video(tmp_path / "ktp.y4m")
    page = enrol_page(app, launch_browser(fake_video=video), live_server, LANDSCAPE, name="Kios kamera")
    bodies = []
    page.on("request", lambda r: bodies.append(r.post_data_json) if r.url.endswith("/capability") else None)
    page.click("[data-action=checkin]")
    page.wait_for_selector("[data-capture-done]:not([hidden])", timeout=CAPTURE_WAIT_MS)
    assert bodies and bodies[0] == {"camera": {"width": 1280, "height": 720}}, bodies
    with app.app_context():
        device = db.session.scalars(select(KioskDevice).where(KioskDevice.name == "Kios kamera")).one()
        assert (device.camera_width, device.camera_height) == (1280, 720)
