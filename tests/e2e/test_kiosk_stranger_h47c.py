"""h47c: the kiosk at arm's length, walked as a stranger (docs/kiosk.md, "Stranger walk, 7 December (h47c)").

- Back swiped again and again, with no tap between, never leaves the kiosk's page.
- "Lihat jawaban dan tiket saya" at 1280x800 with the number pad open: the line offering the camera went
  under the sticky heading.
- The text at 200 %: the 1024x768 kiosk's "Data diri Anda" and rules screens scrolled sideways.
"""
from __future__ import annotations

import numpy as np
import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.kiosk.e2e_support import TABLET, enrol_page

from lpsedesk import devices
from lpsedesk.extensions import db
from tests.e2e.video import write_y4m

from .axe import axe_source, violations
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
    assert violations(page, axe_source()) == []


def _in_sight(page, locator) -> bool:
    """Whole in the window, and what is drawn at its top and bottom corners' insides is it."""
    return locator.evaluate("""e => { const r = e.getBoundingClientRect();
      if (r.top < 0 || r.bottom > innerHeight || !r.height) return false;
      return [r.top + 3, r.bottom - 3].every((y) => e.contains(document.elementFromPoint(r.left + 8, y))); }""")


# The browser's text at 200 %: the 1280x800 kiosk is 640x400 CSS px, the 1024x768 one 512x384, the
# 1080x1920 portrait one 540x960 (each CSS px two of the screen's)
ZOOMED = [{"width": 640, "height": 400}, {"width": 512, "height": 384}, {"width": 540, "height": 960}]

_SIDEWAYS = """() => {
  const W = document.documentElement.clientWidth, out = [];
  for (const e of document.querySelectorAll('body *')) {
    if (e.offsetParent === null && getComputedStyle(e).position !== 'fixed') continue;
    const r = e.getBoundingClientRect();
    if (r.width && (r.right > W + 1 || r.left < -1)) out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right));
  }
  return {page: document.scrollingElement.scrollWidth, window: W, out: out.slice(0, 5)};
}"""


def _type_quietly(page, name: str, value: str) -> None:
    # typed as the keys would, without leaving them open over the bar (they hide it under 480 px, h45x)
    page.locator(f"input[name={name}]").evaluate(
        "(e, v) => { e.value = v; e.dispatchEvent(new Event('input', {bubbles: true})); }", value)


@pytest.mark.parametrize("viewport", ZOOMED, ids=lambda v: f"{v['width']}x{v['height']}")
def test_text_at_200_percent_needs_no_sideways_scrolling(app, live_server, browser, viewport):
    from tests.kiosk.e2e_support import choose_the_purpose, on_to_the_purpose, sends_from_the_rules

    with app.app_context():
        _device, code = devices.create_device(db.session, None, "Kios lobi")
        db.session.commit()
    page = browser.new_context(viewport=viewport, device_scale_factor=2).new_page()
    page.goto(f"{live_server}/kiosk/enrol?code={code}")
    page.click("button[type=submit]")
    page.wait_for_selector("body[data-ready]")
    tag = f"{viewport['width']}x{viewport['height']}"
    wide = []

    def look(screen):
        settled(page)
        page.screenshot(path=f"/tmp/h47c/zoom200-{tag}-{screen}.png", full_page=True)
        seen = page.evaluate(_SIDEWAYS)
        if seen["page"] > seen["window"] or seen["out"]:
            wide.append((screen, seen))

    look("welcome")
    page.click("[data-action=checkin]")
    page.wait_for_selector("section[data-screen=ktp]:not([hidden])")
    look("ktp")
    page.click("[data-action=no-photo]")
    page.wait_for_selector("section[data-screen=who]:not([hidden])")
    look("who")
    for name, value in (("full_name", "Sari Uji Coba"), ("nik", "3374015708900003"), ("phone", "081234560077")):
        _type_quietly(page, name, value)
    on_to_the_purpose(page, look)
    choose_the_purpose(page)
    look("rules")
    assert violations(page, axe_source()) == []
    sends_from_the_rules(page)
    look("ticket")
    page.goto(f"{live_server}/kiosk/")
    page.wait_for_selector("body[data-ready]")
    page.click("[data-action=checkout]")
    page.wait_for_selector("section[data-screen=checkout]:not([hidden])")
    look("checkout")
    page.click("[data-action=find-checkout]")
    page.wait_for_selector("section[data-screen=find]:not([hidden])")
    look("find")
    assert wide == [], wide


@pytest.mark.parametrize("lang", ["id", "en"])
def test_leaving_while_the_request_waits_is_not_told_to_watch_the_screen(app, live_server, browser, lang):
    from tests.kiosk.e2e_support import to_the_ktp_screen, typed_visitor_sends

    page = _kiosk(app, browser, live_server, TABLET)
    page.goto(f"{live_server}/kiosk/?lang={lang}")
    to_the_ktp_screen(page)
    page.click("[data-action=no-photo]")
    page.wait_for_selector("section[data-screen=who]:not([hidden])")
    typed_visitor_sends(page, "3374015708900003")
    ticket = page.inner_text("[data-ticket-code]").strip()
    # she leaves before the answer, by "Keluar" with her ticket's code
    page.goto(f"{live_server}/kiosk/?lang={lang}")
    page.wait_for_selector("body[data-ready]")
    page.click("[data-action=checkout]")
    page.fill("input[name=ticket]", ticket)
    page.keyboard.press("Enter")
    why = page.wait_for_selector("section[data-screen=checkout-confirm] [data-checkout-error]:not(:empty)")
    settled(page)
    page.screenshot(path=f"/tmp/h47c/keluar-waiting-{lang}-1280x800.png")
    said = why.inner_text()
    # the ticket screen's "the answer appears on this screen" is for one who stays, not for one leaving
    assert ("muncul di layar ini" if lang == "id" else "appears on this screen") not in said, said
    assert ("belum dijawab" if lang == "id" else "not been answered yet") in said, said
    assert page.is_visible("[data-action=withdraw-ask]")
    assert violations(page, axe_source()) == []
