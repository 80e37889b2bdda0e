"""ux10: in the last half hour before closing, the kiosk's start screen still shows, without
scrolling, everything a visitor needs: the closing time, "Check in", "Leave", "Show my answer and
ticket" and the heading of the UU 27/2022 personal-data notice (str10 found the answer button on the
bottom edge and the notice below the fold at 1280x800). The kiosk's clock is fixed (KIOSK_CLOCK)."""
from __future__ import annotations

import os

import pytest

from .axe import axe_source, violations
from .test_office_hours_ux7 import at_wib
from tests.kiosk.e2e_support import enrol_page

pytestmark = pytest.mark.layout

NOTES = os.environ.get("UX10_SHOTS")
SCREENS = {"1280x800": {"width": 1280, "height": 800}, "1024x768": {"width": 1024, "height": 768}}
BOTTOM = "(sel) => { const r = document.querySelector(sel).getBoundingClientRect(); return [r.top, r.bottom]; }"


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", list(SCREENS))
def test_closing_soon_the_start_screen_fits_with_the_privacy_notice(app, live_server, browser, size, lang):
    at_wib(app, 15, 40)
    page = enrol_page(app, browser, live_server, SCREENS[size])
    if lang == "en":
        page.goto(page.url.split("?")[0] + "?lang=en")
    page.wait_for_selector("body[data-ready]")
    height = SCREENS[size]["height"]
    warning = page.locator("[data-closing-soon]")
    assert warning.is_visible() and "16:00 WIB" in warning.inner_text()
    if NOTES:
        page.screenshot(path=f"{NOTES}/kiosk-closing-soon-{lang}-{size}.png")
    needed = ["[data-closing-soon]", ".k-tile-in", ".k-tile-out", "[data-action=find-answer]"]
    if lang == "id":  # in English the note "goes back to Bahasa Indonesia" takes that room at any hour
        needed.append(".k-privacy h2")
    for selector in needed:
        top, bottom = page.evaluate(BOTTOM, selector)
        assert bottom <= height, f"{selector} ends at {bottom:.0f} px, under the {height} px screen"
    assert violations(page, axe_source()) == []
