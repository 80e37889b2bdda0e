"""The Admin's kiosks page tells a kiosk whose webcam gives only 640x480 that names will be misread
and what to use instead (a 720p webcam, README "Setting up the kiosk PC"), on a desk screen and on a
360 px phone, readable (axe-core) and without sideways scrolling. Indonesian and English."""
from __future__ import annotations

import pytest

from lpsedesk import devices
from lpsedesk.extensions import db

from .axe import axe_source, violations
from .test_staff_flow import close_pages, staff_page

ADVICE = {"id": "pakai webcam 720p", "en": "use a 720p (1280 × 720) webcam"}


def _kiosks(app) -> None:
    with app.app_context():
        for name, size in (("Kios lobi", (640, 480)), ("Kios ruang tunggu", (1280, 720)), ("Kios baru", None)):
            device, _code = devices.create_device(db.session, None, name)
            if size:
                devices.note_camera(device, *size)
        db.session.commit()


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("viewport", [{"width": 1366, "height": 768}, {"width": 360, "height": 640}])
def test_the_admin_sees_which_kiosks_camera_is_too_small(app, live_server, browser, make_user, shot, lang, viewport):
    make_user("sinta", "admin", name="Sinta Admin")
    _kiosks(app)
    errors: list[str] = []
    page = staff_page(browser, live_server, "sinta", viewport, errors)
    page.goto(f"{live_server}/admin/kiosks?lang={lang}")
    # by name: PostgreSQL's ids go on between tests, so the first kiosk created is not id 1 there
    small = page.locator(".kiosk-row", has_text="Kios lobi").locator(".kiosk-camera-small")  # 640x480
    assert small.count() == 1 and "640 × 480" in small.inner_text() and ADVICE[lang] in small.inner_text()
    assert page.locator(".kiosk-camera-small").count() == 1, "only the 640x480 kiosk is told"
    assert "1280 × 720" in page.locator(".kiosk-row", has_text="Kios ruang tunggu").inner_text()
    shot(page, f"kiosks_camera_{lang}_{viewport['width']}")
    # the settings' tab strip scrolls on its own; the page must not, and the advice must fit its column
    assert page.evaluate("document.scrollingElement.scrollWidth - innerWidth") <= 0
    box = small.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    assert violations(page, axe_source()) == []
    assert errors == []
    close_pages(page)
