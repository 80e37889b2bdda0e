"""h25u: the kiosk's way in and way out looked at by a visitor on a 360x740 phone used as the kiosk and
on the 800x1280 portrait kiosk (a 1280x800 tablet turned), in Indonesian and English.

- Start, 360x740: only "Masuk" stood on the first screen ("Keluar" under the fold; in English, with the
  language note, not even all of "Check in"): the visitor leaving did not see their way out.
- Check-out, portrait: the camera and "Kembali" stood above the heading "Keluar", and the ticket code
  field sat on the first screen's edge (its button under it).
- Check-out, 360x740: the letter keyboard's rows were wider than the phone: "1", "2", "9", "0", Q, P
  stood off the screen, out of reach, while a ticket code has digits.
- "Terima kasih", 360x740: "Isi survei" and "Selesai" under the fold.
- Start out of office hours, 360x740: the closed notice pushed "Keluar", the only tile, 370 px under the
  fold while it told the visitor to touch "Keluar" below.

What is asserted is what the visitor sees without scrolling: the heading, then what to do (the two
tiles; the code field and its button; the answer's buttons), inside the screen, heading first in the
reading order, no sideways scroll, tap targets of 44 px or more, axe-clean. The 1280x800 landscape kiosk
is held to the same."""
from __future__ import annotations

import pytest

from tests import factories
from tests.kiosk.e2e_support import TABLET, enrol_page

from .axe import axe_source, violations
from .settle import settled
from .test_office_hours_ux7 import at_wib

PHONE = {"width": 360, "height": 740}
TURNED = {"width": 800, "height": 1280}
SIZES = {"360x740": PHONE, "800x1280": TURNED, "1280x800": TABLET}
WORDS = {"id": {"in": "Masuk", "out": "Keluar", "find": "Cari kunjungan saya", "done": "Terima kasih"},
         "en": {"in": "Check in", "out": "Leave", "find": "Find my visit", "done": "Thank you"}}

# What a visitor sees of the shown screen: its heading and the boxes of the named parts, against the
# window (the first screen), the page's width against the window's, and each shown control's size.
SEEN = """(parts) => {
  const screen = document.querySelector('section[data-screen]:not([hidden])');
  const box = (el) => { const r = el.getBoundingClientRect();
                        return {top: r.top, bottom: r.bottom, left: r.left, right: r.right,
                                width: r.width, height: r.height}; };
  const h1 = screen.querySelector('h1:not([hidden])');
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const controls = [...screen.querySelectorAll('button, input, a[href]')].filter(shown);
  const before = controls.filter(c => h1.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_PRECEDING
                                      && !c.closest('.k-lang'));
  return {
    width: document.documentElement.clientWidth, scrollWidth: document.documentElement.scrollWidth,
    height: innerHeight, scrolled: document.scrollingElement.scrollTop,
    heading: {text: h1.textContent.trim(), ...box(h1)},
    parts: Object.fromEntries(Object.entries(parts).map(([name, sel]) => {
      const el = screen.querySelector(sel); return [name, {text: el.innerText.trim(), ...box(el)}]; })),
    small: controls.map(c => ({what: (c.innerText || c.name || c.outerHTML).trim().slice(0, 40), ...box(c)}))
                   .filter(c => c.width < 44 || c.height < 44),
    before: before.map(c => (c.innerText || c.name).trim()),
  };
}"""


def _looked_at(page, screen: str, parts: dict[str, str], *, heading_above: tuple[str, ...] = ()) -> dict:
    settled(page)
    seen = page.evaluate(SEEN, parts)
    assert seen["scrolled"] == 0, f"{screen}: the screen opened scrolled by {seen['scrolled']} px"
    assert seen["scrollWidth"] <= seen["width"], \
        f"{screen}: the page is {seen['scrollWidth']} px wide on a {seen['width']} px screen"
    heading = seen["heading"]
    assert heading["top"] >= 0 and heading["bottom"] <= seen["height"], f"{screen}: the heading is out of sight"
    assert not seen["before"], f"{screen}: {seen['before']} come before the heading {heading['text']!r}"
    for name, part in seen["parts"].items():
        assert part["top"] >= 0 and part["bottom"] <= seen["height"], \
            f"{screen}: {name} ({part['text']!r}) at {part['top']:.0f}-{part['bottom']:.0f}, " \
            f"the first screen ends at {seen['height']}"
        assert part["left"] >= 0 and part["right"] <= seen["width"], f"{screen}: {name} is cut at the side: {part}"
    for name in heading_above:
        assert heading["bottom"] <= seen["parts"][name]["top"] + 1, f"{screen}: {name} stands above the heading"
    assert not seen["small"], f"{screen}: tap targets under 44 px: {seen['small']}"
    assert violations(page, axe_source()) == [], screen
    return seen


def _on_the_start_screen(app, browser, live_server, size: str, lang: str):
    page = enrol_page(app, browser, live_server, SIZES[size])
    if lang != "id":
        page.goto(f"{live_server}/kiosk/?lang={lang}")
        page.wait_for_selector(f"html[lang={lang}] body[data-ready]")
    page.wait_for_selector("body[data-ready]")
    return page


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_both_start_tiles_arriving_and_leaving_are_on_the_first_screen(app, live_server, browser, shot, size, lang):
    page = _on_the_start_screen(app, browser, live_server, size, lang)
    seen = _looked_at(page, "start", {"arriving": ".k-tile-in", "leaving": ".k-tile-out"},
                      heading_above=("arriving", "leaving"))
    assert WORDS[lang]["in"] in seen["parts"]["arriving"]["text"]
    assert WORDS[lang]["out"] in seen["parts"]["leaving"]["text"]
    shot(page, f"h25u-kiosk-start-{size}-{lang}", full_page=False)
    assert not page.errors, page.errors


@pytest.mark.parametrize("lang", ["id", "en"])
def test_out_of_office_hours_the_leave_tile_is_on_the_phones_first_screen(app, live_server, browser, shot, lang):
    at_wib(app, 17)  # an office day, after closing time: only "Keluar" is offered
    page = _on_the_start_screen(app, browser, live_server, "360x740", lang)
    seen = _looked_at(page, "closed start", {"closed": "[data-office-closed] h2", "leaving": ".k-tile-out"},
                      heading_above=("closed", "leaving"))
    assert seen["parts"]["closed"]["bottom"] <= seen["parts"]["leaving"]["top"]
    assert WORDS[lang]["out"] in seen["parts"]["leaving"]["text"]
    assert not page.query_selector(".k-tile-in")
    shot(page, f"h25u-kiosk-start-closed-360x740-{lang}", full_page=False)
    assert not page.errors, page.errors


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_leaving_the_heading_then_the_code_field_and_its_button_come_first(app, live_server, browser, shot,
                                                                           size, lang):
    with app.app_context():
        visit = factories.visit("approved", visitor=factories.visitor(full_name="Rahmat Hidayat Santoso"))
        ticket = visit.ticket_code
    page = _on_the_start_screen(app, browser, live_server, size, lang)
    page.click("[data-action=checkout]")
    page.wait_for_selector("section[data-screen=checkout]:not([hidden])")
    page.wait_for_selector("[data-screen=checkout] [data-camera-off]:not([hidden])")
    seen = _looked_at(page, "check-out", {"code field": "input[name=ticket]", "its button": ".k-ticket-form .k-btn"},
                      heading_above=("code field",))
    assert seen["heading"]["text"] == WORDS[lang]["out"]
    assert seen["parts"]["its button"]["text"] == WORDS[lang]["find"]
    # the camera and "Back" come after the heading, also where they stand beside it (landscape)
    order = page.evaluate("""() => { const s = document.querySelector('[data-screen=checkout]');
      const h1 = s.querySelector('h1'), after = (el) => !!(h1.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
      return {camera: after(s.querySelector('.k-camera')), back: after(s.querySelector('[data-action=to-start]'))}; }""")
    assert order == {"camera": True, "back": True}
    shot(page, f"h25u-kiosk-checkout-{size}-{lang}", full_page=False)

    # the visitor types the code on the screen's keyboard: every key on the screen, none under a finger's reach
    page.click("input[name=ticket]")
    page.wait_for_selector(".k-osk:not([hidden])")
    settled(page)
    keys = page.evaluate("""() => [...document.querySelectorAll('.k-osk .k-key')].map(k => {
      const r = k.getBoundingClientRect(); return {key: k.textContent.trim(), left: r.left, right: r.right,
      top: r.top, bottom: r.bottom, width: r.width, height: r.height, cut: k.scrollWidth > k.clientWidth + 1}; })""")
    width, height = SIZES[size]["width"], SIZES[size]["height"]
    for key in keys:
        assert key["left"] >= 0 and key["right"] <= width and key["bottom"] <= height, f"key off the screen: {key}"
        # as on a phone's own keyboard, a key may be narrower than 44 px, never under WCAG 2.5.8's 24 px
        assert key["width"] >= 24 and key["height"] >= 44 and not key["cut"], f"key too small or its word cut: {key}"
    shot(page, f"h25u-kiosk-checkout-keyboard-{size}-{lang}", full_page=False)
    for char in ticket:
        page.click(f".k-osk [data-key='{char}']")
    assert page.input_value("input[name=ticket]") == ticket
    page.click(".k-osk [data-key='{hide}']")
    page.click(".k-ticket-form .k-btn")

    page.wait_for_selector("[data-screen=checkout-confirm]:not([hidden])")
    seen = _looked_at(page, "found visit", {"name": "[data-out-name]", "check out": "[data-action=confirm-checkout]",
                                            "cancel": "[data-checkout-leave]"}, heading_above=("name",))
    assert seen["parts"]["name"]["text"] == "Rahmat Hidayat Santoso"
    shot(page, f"h25u-kiosk-checkout-confirm-{size}-{lang}", full_page=False)
    page.click("[data-action=confirm-checkout]")

    page.wait_for_selector("section[data-screen=checkout-done]:not([hidden])")
    seen = _looked_at(page, "done", {"survey": "[data-action=survey-start]", "finish": "[data-action=home-now]"},
                      heading_above=("survey", "finish"))
    assert WORDS[lang]["done"] in seen["heading"]["text"]
    shot(page, f"h25u-kiosk-checkout-done-{size}-{lang}", full_page=False)
    assert not [e for e in page.errors if "status of 40" not in e], page.errors
