"""h47c: the kiosk at arm's length, walked as a stranger (docs/kiosk.md, "Stranger walk, 7 December (h47c)").

- Back swiped again and again, with no tap between, never leaves the kiosk's page.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.kiosk.e2e_support import TABLET, enrol_page

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
