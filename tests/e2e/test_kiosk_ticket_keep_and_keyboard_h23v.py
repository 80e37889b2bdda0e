"""h23v, a stranger's walk at the touchscreen kiosk (elderly vendors, some new to screens).

1. The ticket screen's "Foto atau cetak tiket ini" is the one thing the visitor must do with the
   ticket, yet it was the smallest, greyest line under the QR. It now stands right under the ticket
   code, at least as large as the body text, bold, dark on a light band (contrast >= 7:1), above the
   button bar at 1280x800 landscape and 800x1280 portrait, in both languages; axe-clean.
2. On a 1280x800 tablet turned to portrait (800 wide) in English, with the on-screen keyboard open on
   "Full name", the next field "Mobile phone" lay under the button bar and the keyboard. Whatever
   field has the focus, and the field after it, now stand between the screen's heading and the
   button bar above the keyboard, in both languages, landscape and portrait.
"""
from __future__ import annotations

import pytest

from tests.kiosk.e2e_support import TABLET, enrol_page, to_the_who_screen

from .axe import axe_source, violations
from .settle import settled
from .test_ticket_withdraw_ux13 import _waiting_ticket

pytestmark = pytest.mark.layout

TURNED = {"width": 800, "height": 1280}  # the 1280x800 tablet turned to portrait
SIZES = [TABLET, TURNED]
KEEP = {"id": "Foto atau cetak tiket ini", "en": "Take a photo of this ticket or print it"}

# The keep line, the ticket code and the button bar as the visitor sees them: boxes, type, colours.
SEEN = """() => {
  const screen = document.querySelector('section[data-screen=ticket]');
  const keep = screen.querySelector('[data-ticket-keep]'), code = screen.querySelector('[data-ticket-code]');
  const body = getComputedStyle(document.body), style = getComputedStyle(keep);
  let back = keep, paint = 'rgba(0, 0, 0, 0)';
  while (back && (paint === 'rgba(0, 0, 0, 0)' || paint === 'transparent')) {
    paint = getComputedStyle(back).backgroundColor; back = back.parentElement;
  }
  const k = keep.getBoundingClientRect(), c = code.getBoundingClientRect();
  return {keep_top: k.top, keep_bottom: k.bottom, code_bottom: c.bottom,
          bar: screen.querySelector('.k-actions').getBoundingClientRect().top,
          size: parseFloat(style.fontSize), body_size: parseFloat(body.fontSize),
          weight: parseInt(style.fontWeight, 10), color: style.color, background: paint,
          scrolled: document.scrollingElement.scrollTop};
}"""


def _luminance(css: str) -> float:
    r, g, b = (int(float(v)) / 255 for v in css[css.index("(") + 1:css.index(")")].split(",")[:3])
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(fg: str, bg: str) -> float:
    a, b = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("viewport", SIZES, ids=["1280x800", "800x1280"])
def test_take_a_photo_or_print_stands_out_under_the_ticket_code(app, live_server, browser, shot, viewport, lang):
    page, _visit_id = _waiting_ticket(app, browser, live_server, viewport, lang=lang)
    settled(page)
    keep = page.locator("[data-ticket-keep]")
    assert KEEP[lang] in keep.inner_text()
    seen = page.evaluate(SEEN)
    shot(page, f"h23v-kiosk-ticket-keep-{lang}-{viewport['width']}x{viewport['height']}", full_page=False)
    assert seen["scrolled"] == 0
    assert seen["size"] >= seen["body_size"] and seen["weight"] >= 600, seen
    assert _contrast(seen["color"], seen["background"]) >= 7, seen
    assert 0 <= seen["keep_top"] - seen["code_bottom"] <= 24, f"right under the ticket code: {seen}"
    assert seen["keep_bottom"] <= seen["bar"], f"above the button bar: {seen}"
    # the bar itself stays a bar (in English its "back to Bahasa Indonesia" note was a word a line, 290 px)
    bar = page.locator("section[data-screen=ticket] .k-actions").bounding_box()
    assert bar["height"] <= 220, bar
    assert violations(page, axe_source()) == []
    assert not page.errors, page.errors


# Where the focused field and the one after it are, against the room between the heading and the bar.
ROOM = """() => {
  const el = document.activeElement, screen = el.closest('[data-screen]');
  const fields = Array.from(document.querySelectorAll('[data-osk]')).filter((f) => f.offsetParent !== null);
  const next = fields[fields.indexOf(el) + 1];
  const box = (f) => { const l = (f.closest('label') || f).getBoundingClientRect(), r = f.getBoundingClientRect();
                       return {name: f.name, top: Math.min(l.top, r.top), bottom: r.bottom}; };
  const osk = document.querySelector('.k-osk');
  const floor = Math.min(screen.querySelector('.k-actions').getBoundingClientRect().top,
                         osk.hidden ? innerHeight : osk.getBoundingClientRect().top, innerHeight);
  const h1 = Array.from(screen.querySelectorAll('h1')).find((h) => h.offsetParent !== null);
  return {focused: box(el), next: next ? box(next) : null, floor, ceiling: h1.getBoundingClientRect().bottom,
          keyboard: !osk.hidden};
}"""


def _in_sight(room: dict, which: str) -> None:
    field = room[which]
    assert field["top"] >= room["ceiling"] - 1 and field["bottom"] <= room["floor"] + 1, \
        f"{which} field {field['name']} at {field['top']:.0f}-{field['bottom']:.0f}, room {room['ceiling']:.0f}-{room['floor']:.0f}"


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("viewport", [TURNED, TABLET], ids=["800x1280", "1280x800"])
def test_the_focused_field_and_the_next_stay_above_the_keyboard_and_the_bar(app, live_server, browser, shot,
                                                                            viewport, lang):
    page = enrol_page(app, browser, live_server, viewport)
    if lang == "en":
        page.goto(f"{live_server}/kiosk/?lang=en")
        page.wait_for_selector("html[lang=en] body[data-ready]")
    to_the_who_screen(page)
    for name in ("full_name", "nik", "phone", "email", "phone_last4"):
        page.click(f"input[name={name}]")
        settled(page)  # the keyboard opens and the screen scrolls
        room = page.evaluate(ROOM)
        assert room["keyboard"] and room["focused"]["name"] == name, room
        if name == "full_name":
            shot(page, f"h23v-kiosk-keyboard-full-name-{lang}-{viewport['width']}x{viewport['height']}",
                 full_page=False)
        _in_sight(room, "focused")
        if room["next"]:
            _in_sight(room, "next")
    # The keyboard's Next key moves on: the new field and the one after it come into sight too.
    page.click("input[name=nik]")
    settled(page)
    page.click(".k-osk [data-key='{next}']")
    settled(page)
    room = page.evaluate(ROOM)
    assert room["focused"]["name"] == "full_name"
    _in_sight(room, "focused")
    _in_sight(room, "next")
    assert violations(page, axe_source()) == []
    assert not [e for e in page.errors if "400" not in e], page.errors
