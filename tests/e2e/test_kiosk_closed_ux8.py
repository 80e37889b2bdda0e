"""ux8, in the browser: a visitor filling the guest book when the office closes reads why on the
step they are on and finds a big "Kembali ke awal" beside the message, which takes them to the start
screen (closed, with the hours, Leave still offered). The closed start screen carries a line for
staff saying where the Admin sets the hours, as text only.

The kiosk's clock is fixed by each test (KIOSK_CLOCK); nothing depends on the real hour."""
from __future__ import annotations

from pathlib import Path

from tests.kiosk.e2e_support import TABLET, enrol_page, on_to_the_rules, sign, to_the_who_screen

from .axe import axe_source, violations
from .test_kiosk_readable import HIDDEN_ERRORS, PROBLEMS
from .test_office_hours_ux7 import at_wib, the_office_closes_while_filling_in
from .test_remote_direct_phone_ux7 import PHONE
from .test_staff_flow import staff_page

SHOTS = Path("/tmp/ux8")
# Touchable where it is: inside the screen and not under the on-screen keyboard or the action bar.
ON_TOP = """(sel) => { const el = document.querySelector(sel); const b = el.getBoundingClientRect();
  const x = b.left + b.width / 2, y = b.top + b.height / 2;
  return {top: b.top, bottom: b.bottom, height: b.height,
          inside: b.height > 0 && b.top >= 0 && b.bottom <= innerHeight,
          onTop: el.contains(document.elementFromPoint(x, y))}; }"""


def _shot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def test_a_visitor_refused_mid_form_because_the_office_closed_goes_back_to_the_start_in_one_touch(
        app, live_server, browser):
    page = the_office_closes_while_filling_in(app, browser, live_server)
    assert "Kantor sudah tutup" in page.inner_text("section[data-screen=who] [data-form-error]")
    home = page.locator("section[data-screen=who] [data-closed-home]")
    assert home.is_visible() and home.inner_text().strip() == "Kembali ke awal"
    where = page.evaluate(ON_TOP, "section[data-screen=who] [data-closed-home]")
    assert where["inside"] and where["onTop"] and where["height"] >= 48, where
    assert page.evaluate(HIDDEN_ERRORS) == []
    assert page.evaluate(PROBLEMS) == []
    assert violations(page, axe_source()) == []
    _shot(page, "kiosk-closed-mid-form-1280x800")
    home.click()  # no "are you sure?": nothing on this path can be sent any more
    page.wait_for_selector("[data-office-closed]")
    assert page.locator("section[data-screen=welcome]").is_visible()
    assert page.locator("input[name=full_name]").input_value() == "", "the visitor's data is gone"
    assert page.locator("[data-action=checkout]").is_visible()
    staff = page.locator("[data-office-closed] [data-staff-note]")
    assert "Pengaturan → Kantor" in staff.inner_text()
    assert staff.locator("a").count() == 0
    box = page.locator("[data-office-closed]").bounding_box()
    assert box["y"] + box["height"] <= TABLET["height"], "the closed notice, staff line included, fits"
    assert page.evaluate(PROBLEMS) == []
    assert violations(page, axe_source()) == []
    _shot(page, "kiosk-closed-start-1280x800")
    assert [e for e in page.errors if "409" not in e] == []  # the refusal itself is logged by the browser


def test_a_problem_that_is_not_the_closed_office_shows_no_back_to_the_start(app, live_server, browser):
    at_wib(app, 10)
    page = enrol_page(app, browser, live_server, TABLET)
    to_the_who_screen(page)
    page.click("[data-action=to-from]")  # nothing filled in: field errors, the path goes on
    page.wait_for_selector("section[data-screen=who] [data-form-error]:not(:empty)")
    assert page.locator("section[data-screen=who] [data-closed-home]").is_hidden()


def test_the_helpdesk_board_on_a_phone_says_the_kiosk_is_closed_for_new_visits(
        app, live_server, browser, make_user):
    make_user("dewi", "helpdesk", name="Dewi Lestari")
    at_wib(app, 19, 30)
    page = staff_page(browser, live_server, "dewi", PHONE, [])
    page.goto(f"{live_server}/admin/board")
    notice = page.locator("[data-kiosk-closed]")
    assert notice.is_visible() and "Kios tidak menerima kunjungan baru" in notice.inner_text()
    box = notice.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], "read on opening the board"
    assert violations(page, axe_source()) == []
    _shot(page, "board-kiosk-closed-360x740")


def test_a_visitor_refused_on_sending_the_last_step_also_gets_back_to_the_start(app, live_server, browser):
    page = the_office_closes_while_filling_in(app, browser, live_server)
    at_wib(app, 15, 58)  # the same walk, the clock put back: this visitor reaches the last step in time
    on_to_the_rules(page)
    page.check("[data-rules]")
    sign(page)
    at_wib(app, 16, 2)
    page.click("[data-action=submit]")
    page.wait_for_selector("section[data-screen=rules] [data-submit-error]:not(:empty)")
    home = "section[data-screen=rules] [data-closed-home]"
    where = page.evaluate(ON_TOP, home)
    assert where["inside"] and where["onTop"], where
    _shot(page, "kiosk-closed-on-send-1280x800")
    page.click(home)
    page.wait_for_selector("[data-office-closed]")
