"""h47c: the kiosk at arm's length, walked as a stranger (docs/kiosk.md, "Stranger walk, 7 December (h47c)").

- Back swiped again and again, with no tap between, never leaves the kiosk's page.
"""
from __future__ import annotations

import numpy as np
import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.kiosk.e2e_support import TABLET, enrol_page

from tests.e2e.video import write_y4m

from .settle import settled

pytestmark = pytest.mark.layout


def _kiosk(app, browser, live_server, viewport):
    page = enrol_page(app, browser, live_server, viewport)
    page.wait_for_selector("body[data-ready]")
    return page


def _swipe_back(page):
    """The touchscreen's Back swipe; where it loads a kiosk page afresh, that page is waited for."""
    try:
        page.go_back(wait_until="commit")
    except PlaywrightError:
        pass  # the page Back reached went forward again before Playwright looked (h47c)
    page.wait_for_timeout(300)
    page.wait_for_selector("body[data-ready]")
    page.wait_for_load_state()
    assert "/kiosk/" in page.url and "enrol" not in page.url, page.url


def test_back_swiped_many_times_never_leaves_the_kiosk(app, live_server, browser):
    page = _kiosk(app, browser, live_server, TABLET)
    page.click("[data-action=checkin]")
    page.wait_for_selector("section[data-screen=ktp]:not([hidden])")
    page.click("[data-action=no-photo]")
    page.wait_for_selector("section[data-screen=who]:not([hidden])")
    # one swipe is the screen's "Kembali" (h46e), the next ones find the KTP screen's own, then the start
    # screen, which has none: the kiosk stays on its page, however many times Back is pressed
    for _ in range(5):
        _swipe_back(page)
    page.wait_for_selector("section[data-screen=welcome]:not([hidden])")
    # and after a visitor's tap, the same again
    page.click("[data-action=checkout]")
    page.wait_for_selector("section[data-screen=checkout]:not([hidden])")
    for _ in range(4):
        _swipe_back(page)
    page.wait_for_selector("section[data-screen=welcome]:not([hidden])")


def _empty_desk(path):
    return write_y4m(path, [np.full((720, 1280, 3), 90, np.uint8)] * 10, fps=5)


def test_find_screen_camera_message_in_sight_with_the_number_pad(app, live_server, launch_browser, tmp_path):
    page = _kiosk(app, launch_browser(fake_video=_empty_desk(tmp_path / "desk.y4m")), live_server, TABLET)
    page.click("[data-action=find-answer]")
    page.wait_for_selector("section[data-screen=find]:not([hidden])")
    page.wait_for_timeout(2000)
    page.click("input[name=find_nik]")
    page.wait_for_selector(".k-osk:not([hidden])")
    settled(page)
    page.screenshot(path="/tmp/h47c/find-pad-1280x800.png")
    # the screen scrolled to bring "last 4 digits" above the bar; the line offering the camera is not under
    # the heading for it
    lead = page.locator(".k-find-camera-lead")
    assert _in_sight(page, lead), "'Tunjukkan KTP Anda ke kamera lagi,' is hidden"
    assert _in_sight(page, page.locator("input[name=find_nik]"))


def _in_sight(page, locator) -> bool:
    """Whole in the window, and what is drawn at its top and bottom corners' insides is it."""
    return locator.evaluate("""e => { const r = e.getBoundingClientRect();
      if (r.top < 0 || r.bottom > innerHeight || !r.height) return false;
      return [r.top + 3, r.bottom - 3].every((y) => e.contains(document.elementFromPoint(r.left + 8, y))); }""")
