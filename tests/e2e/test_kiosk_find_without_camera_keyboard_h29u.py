"""h29u: a visitor leaving without the ticket ("Keluar tanpa tiket") on the 1280x800 landscape kiosk whose
camera is not available types the NIK on the screen's keyboard. With the keyboard open, the camera's "not
available" text (what tells the visitor why to type) was cut in half by the button bar, and the line
above the camera was half under the screen's heading.

What the visitor needs: while typing the NIK, then the last 4 digits, every line of the screen's text
and every button stands whole in sight, none under the heading, the button bar or the keyboard; every
button and field at least 44 px; the "camera not available" text is there; in Indonesian and English,
axe-clean."""
from __future__ import annotations

import pytest

from tests.kiosk.e2e_support import TABLET, enrol_page

from .axe import axe_source, violations
from .settle import settled

pytestmark = pytest.mark.layout

# Every line of text of the shown screen, and every control, that is not whole in sight: outside the
# window, or with something else (the sticky heading, the button bar, the keyboard) drawn over it.
# A line is looked at near its top and its bottom edge; a control at its middle and near its four edges
# (inside the rounded corners).
NOT_WHOLE_IN_SIGHT = """() => {
  const screen = document.querySelector('section[data-screen]:not([hidden])');
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  // words for a screen reader only (a 1 px box that clips them, h34v, h47g) are not a line on the glass
  const readerOnly = (el) => {
    for (let e = el; e && e !== screen; e = e.parentElement) {
      const b = e.getBoundingClientRect();
      if ((b.width < 2 || b.height < 2) && getComputedStyle(e).overflow !== 'visible') return true;
    }
    return false;
  };
  const mine = (hit, el) => !!hit && (hit === el || el.contains(hit));
  const inside = (r) => r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
  const what = (hit) => hit ? (hit.tagName + '.' + String(hit.className)).slice(0, 40) : 'off the screen';
  const found = [];
  const walker = document.createTreeWalker(screen, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const owner = node.parentElement;
    if (!node.textContent.trim() || !shown(owner) || readerOnly(owner)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width < 2 || r.height < 2) continue;
      const x = r.left + Math.min(r.width / 2, 12);
      const hits = [r.top + 2, r.bottom - 2].map((y) => document.elementFromPoint(x, y));
      if (!inside(r) || !hits.every((h) => mine(h, owner)))
        found.push({line: node.textContent.trim().slice(0, 60), top: Math.round(r.top), bottom: Math.round(r.bottom),
                    under: hits.map(what)});
    }
  }
  for (const c of screen.querySelectorAll('button, input, a[href], canvas[data-signature]')) {
    if (!shown(c)) continue;
    const r = c.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    const points = [[x, y], [x, r.top + 3], [x, r.bottom - 3], [r.left + 16, y], [r.right - 16, y]];
    const hits = points.map(([x, y]) => document.elementFromPoint(x, y));
    const small = c.tagName !== 'CANVAS' && (r.width < 44 || r.height < 44);
    if (!inside(r) || small || !hits.every((h) => mine(h, c)))
      found.push({control: (c.innerText || c.name || c.tagName).trim().slice(0, 40), top: Math.round(r.top),
                  bottom: Math.round(r.bottom), width: Math.round(r.width), height: Math.round(r.height),
                  under: hits.map(what)});
  }
  return found;
}"""


def kiosk_in(app, browser, live_server, viewport: dict, lang: str):
    """An enrolled kiosk of that size on its start screen, ready, in `lang`."""
    page = enrol_page(app, browser, live_server, viewport)
    if lang != "id":
        page.goto(f"{live_server}/kiosk/?lang={lang}")
        page.wait_for_selector(f"html[lang={lang}] body[data-ready]")
    page.wait_for_selector("body[data-ready]")
    return page


def on_checkout(app, browser, live_server, viewport: dict, lang: str):
    """A visitor who touched "Keluar": the check-out screen."""
    page = kiosk_in(app, browser, live_server, viewport, lang)
    page.click("[data-action=checkout]")
    page.wait_for_selector("section[data-screen=checkout]:not([hidden])")
    return page


def whole_on_the_glass(page, what: str) -> None:
    """The shown screen needs no scroll, every line and control of it is whole in sight, axe-clean."""
    tall = page.evaluate("() => [document.scrollingElement.scrollHeight, innerHeight]")
    assert tall[0] <= tall[1], f"{what} is {tall[0]} px tall on a {tall[1]} px screen"
    hidden = page.evaluate(NOT_WHOLE_IN_SIGHT)
    assert hidden == [], f"{what}, not whole in sight: {hidden}"
    assert violations(page, axe_source()) == []


def top_in_sight(page, screen: str) -> None:
    """The page is not scrolled: the kiosk's header and the shown screen's heading are on the glass."""
    seen = page.evaluate("""(screen) => ({scrolled: document.scrollingElement.scrollTop,
      header: document.querySelector('.k-top').getBoundingClientRect().top,
      heading: document.querySelector(`section[data-screen=${screen}] h1`).getBoundingClientRect().top})""", screen)
    assert seen["scrolled"] == 0 and seen["header"] >= 0 and seen["heading"] >= 0, f"the top went off: {seen}"


def _leaving_without_the_ticket(app, browser, live_server, lang: str):
    page = on_checkout(app, browser, live_server, TABLET, lang)
    page.click("section[data-screen=checkout] [data-action=find-checkout]")
    page.wait_for_selector("section[data-screen=find]:not([hidden])")
    # this browser has no camera: the screen says so
    page.wait_for_selector("section[data-screen=find] [data-camera-off]:not([hidden])")
    return page


@pytest.mark.parametrize("lang", ["id", "en"])
def test_without_a_camera_typing_the_nik_every_line_and_button_stays_whole_at_1280x800(app, live_server, browser,
                                                                                        shot, lang):
    page = _leaving_without_the_ticket(app, browser, live_server, lang)
    said = page.inner_text("section[data-screen=find] [data-camera-off]").strip()
    assert said, "the visitor is not told the camera is not available"

    page.click("input[name=find_nik]")
    page.wait_for_selector(".k-osk:not([hidden])")
    settled(page)
    shot(page, f"h29u-kiosk-find-no-camera-keyboard-nik-{lang}", full_page=False)
    assert page.is_visible("section[data-screen=find] [data-camera-off]"), "the camera's note went away"
    hidden = page.evaluate(NOT_WHOLE_IN_SIGHT)
    assert hidden == [], f"typing the NIK: {hidden}"
    assert violations(page, axe_source()) == []

    for digit in "3374011505800001":
        page.click(f".k-osk [data-key='{digit}']")
    page.click(".k-osk [data-key='{next}']")  # on to the last 4 digits, the keyboard still open
    settled(page)
    assert page.evaluate("() => document.activeElement.name") == "find_last4"
    shot(page, f"h29u-kiosk-find-no-camera-keyboard-last4-{lang}", full_page=False)
    hidden = page.evaluate(NOT_WHOLE_IN_SIGHT)
    assert hidden == [], f"typing the last 4 digits: {hidden}"
    assert page.input_value("input[name=find_nik]") == "3374011505800001"
    assert not page.errors, page.errors


@pytest.mark.parametrize("lang", ["id", "en"])
def test_find_my_visit_with_the_fields_empty_every_message_is_in_sight_at_1280x800(app, live_server, browser,
                                                                                  shot, lang):
    """The visitor taps "Cari kunjungan saya" before typing: both boxes are marked and the NIK box takes
    the focus (h21u), and with it the keyboard. The last 4 digits' message stood under the button bar
    and "Ada data yang perlu diperbaiki" under the keys: every message is read, whole, where it stands."""
    page = _leaving_without_the_ticket(app, browser, live_server, lang)
    page.click("section[data-screen=find] [data-action=find-submit]")
    page.wait_for_selector("input[name=find_last4][aria-invalid=true]")
    settled(page)
    shot(page, f"h29u-kiosk-find-no-camera-empty-{lang}", full_page=False)
    assert page.evaluate("() => document.activeElement.name") == "find_nik"
    messages = page.evaluate("""() => [...document.querySelectorAll('section[data-screen=find] .k-error')]
      .filter((el) => el.textContent.trim()).length""")
    assert messages == 3, "both boxes' messages and the summary line"
    hidden = page.evaluate(NOT_WHOLE_IN_SIGHT)
    assert hidden == [], f"not whole in sight: {hidden}"
    assert violations(page, axe_source()) == []

    # a tap on the NIK box brings the keys back to it; typed, then on to the last 4 digits
    page.click("input[name=find_nik]")
    page.wait_for_selector(".k-osk:not([hidden])")
    for digit in "3374011505800001":
        page.click(f".k-osk [data-key='{digit}']")
    assert page.input_value("input[name=find_nik]") == "3374011505800001"
    assert not page.errors, page.errors
