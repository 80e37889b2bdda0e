"""Office hours at the kiosk, in the browser (ux7): a visitor who arrives after closing time reads,
before starting, that the office is closed and its hours (Indonesian by default), finds no check-in
to start and can still leave; one who was filling the guest book when the office closed is told so
on the step they are on; the start screen changes by itself when the office closes.

The kiosk's clock is fixed by each test (KIOSK_CLOCK); nothing depends on the real hour."""
from __future__ import annotations

from datetime import time, timedelta
from pathlib import Path

from lpsedesk.clock import wib_at
from tests import factories
from tests.conftest import office_day
from tests.kiosk.e2e_support import PORTRAIT, TABLET, check_out_by_ticket, enrol_page, to_the_who_screen

from .axe import axe_source, violations
from .settle import settled
from .test_kiosk_readable import HIDDEN_ERRORS, PROBLEMS

SHOTS = Path("/tmp/ux7")


def at_wib(app, h: int, m: int = 0, s: int = 0) -> None:
    moment = wib_at(office_day(), time(h, m, s))  # on an office day, Monday to Friday
    app.config["KIOSK_CLOCK"] = lambda: moment


def the_office_closes_while_filling_in(app, browser, live_server):
    """A visitor begins at 15:55, fills in who they are, and presses Next at 16:01."""
    at_wib(app, 15, 55)
    page = enrol_page(app, browser, live_server, TABLET)
    person = to_the_who_screen(page)
    at_wib(app, 16, 1)
    page.fill("input[name=full_name]", person.name)
    page.fill("input[name=nik]", person.nik)
    page.fill("input[name=phone]", "081234560001")
    page.click("[data-action=to-from]")
    page.wait_for_selector("section[data-screen=who] [data-form-error]:not(:empty)")
    return page


def _shot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def test_after_closing_the_start_screen_says_so_first_and_a_visitor_inside_still_leaves(app, live_server, browser):
    with app.app_context():
        ticket = factories.visit("approved").ticket_code
    at_wib(app, 16, 20)
    page = enrol_page(app, browser, live_server, TABLET)
    page.wait_for_selector("body[data-ready]")
    notice = page.locator("[data-office-closed]")
    assert notice.is_visible()
    text = notice.inner_text()
    assert "Kantor sudah tutup" in text and "07:30\u201316:00 WIB" in text and "Keluar" in text, text
    box = notice.bounding_box()
    assert box["y"] + box["height"] <= 800, "the notice is read without scrolling"
    assert page.locator("[data-action=checkin]").count() == 0
    assert page.evaluate(PROBLEMS) == []
    assert violations(page, axe_source()) == []
    _shot(page, "kiosk-closed-1280x800")
    page.set_viewport_size(PORTRAIT)
    settled(page)
    assert page.evaluate(PROBLEMS) == []
    _shot(page, "kiosk-closed-1080x1920")
    page.set_viewport_size(TABLET)
    page.mouse.click(640, 200)  # "touch the screen to begin" begins nothing now
    # Asserts that something does NOT happen, so a time: an open kiosk leaves the welcome screen in the
    # click's own handler, well within 300 ms on any machine; a slow one can only hide a fault, not fail.
    page.wait_for_timeout(300)
    assert page.locator("section[data-screen=welcome]").is_visible()
    check_out_by_ticket(page, ticket)  # SOP step 6 at any hour
    assert page.errors == []


def test_a_visitor_filling_the_guest_book_when_the_office_closes_is_told_on_that_step(app, live_server, browser):
    page = the_office_closes_while_filling_in(app, browser, live_server)
    said = page.inner_text("section[data-screen=who] [data-form-error]")
    assert "Kantor sudah tutup pukul 16:00 WIB" in said, said
    assert page.locator("section[data-screen=who]").is_visible()
    assert page.evaluate(HIDDEN_ERRORS) == [], "the message is read, not left under the on-screen keyboard"
    _shot(page, "kiosk-closed-mid-form-1280x800")


def test_the_start_screen_changes_by_itself_when_the_office_closes(app, live_server, browser):
    closing = wib_at(office_day(), time(16))
    app.config["KIOSK_CLOCK"] = lambda: closing - timedelta(seconds=2)
    page = enrol_page(app, browser, live_server, TABLET)
    page.wait_for_selector("body[data-ready]")
    assert page.locator("[data-action=checkin]").count() >= 1
    app.config["KIOSK_CLOCK"] = lambda: closing + timedelta(seconds=5)
    page.wait_for_selector("[data-office-closed]", timeout=15000)
    assert page.locator("[data-action=checkin]").count() == 0


def test_in_the_last_half_hour_the_start_screen_warns_of_closing_and_still_lets_the_visitor_begin(
        app, live_server, browser):
    at_wib(app, 15, 40)
    page = enrol_page(app, browser, live_server, TABLET)
    page.wait_for_selector("body[data-ready]")
    warning = page.locator("[data-closing-soon]")
    assert warning.is_visible() and "16:00 WIB" in warning.inner_text()
    assert "Jam layanan: 07:30\u201316:00 WIB" in page.inner_text("[data-screen=welcome]")
    assert page.evaluate(PROBLEMS) == []
    assert violations(page, axe_source()) == []
    _shot(page, "kiosk-closing-soon-1280x800")
    page.click(".k-tile-in")
    page.wait_for_selector("section[data-screen=ktp]:not([hidden])")
