"""A touch held on the kiosk opens no browser menu (probe h36f).

Chromium in --kiosk mode still opens its context menu on a right click or a long press on a
touchscreen. That menu is a way out of the locked kiosk browser: "Inspect" opens the developer tools
(the device cookie, which is the kiosk's credential, is read there in plain), "Save image as..." opens
the operating system's file dialog, "Print..." the print dialog, and "Search for ..." a new window on
the internet. The kiosk's screens need no menu: every action is a button on the page. The page that
enrols a kiosk and the one a revoked kiosk shows stand on the same screen, so they refuse it too.
An invitation card is opened on the participant's own phone, where the menu (save the QR) stays.
"""
from __future__ import annotations

from tests.kiosk.e2e_support import LANDSCAPE, enrol_page

from .test_invitations import training

# Playwright's right click goes through chromium's input pipeline like a mouse or a long press does:
# the page's own listeners run, and the browser opens its menu unless one of them prevented it.
_RECORD = """() => {
  window.__menuEvents = [];
  window.addEventListener("contextmenu", (e) => window.__menuEvents.push(e.defaultPrevented));
}"""


def _menu_opened(page, selector: str) -> bool:
    page.evaluate(_RECORD)
    page.click(selector, button="right")
    seen = page.evaluate("() => window.__menuEvents")
    assert seen, "the right click reached the page"
    return not all(seen)


def test_a_long_press_on_the_kiosk_screens_opens_no_browser_menu(app, live_server, browser):
    page = enrol_page(app, browser, live_server, LANDSCAPE)
    assert not _menu_opened(page, "section[data-screen=welcome] h1 >> visible=true")
    page.click("[data-action=checkin]")
    page.wait_for_selector("section[data-screen=ktp].k-no-camera:not([hidden])")
    # the KTP screen (chromium here has no camera): its heading and the upload button
    assert not _menu_opened(page, "section[data-screen=ktp] h1")
    assert not _menu_opened(page, "section[data-screen=ktp] label.k-file")
    assert page.errors == []


def test_the_enrolment_and_not_registered_pages_open_no_browser_menu(live_server, browser):
    page = browser.new_context(viewport=LANDSCAPE).new_page()
    page.goto(f"{live_server}/kiosk/")  # no device cookie: "this screen is not a registered kiosk"
    assert not _menu_opened(page, "h1")
    page.goto(f"{live_server}/kiosk/enrol")
    assert not _menu_opened(page, "input[name=code]")


def test_an_invitation_card_on_a_phone_keeps_its_menu(app, live_server, browser):
    _inv_id, code = training(app, nik="3373024107900001", name="Sari Uji Coba")
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto(f"{live_server}/kiosk/i/{code}")
    assert _menu_opened(page, "h1")
