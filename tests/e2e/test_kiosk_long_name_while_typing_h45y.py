"""h45y: a long name typed on the kiosk's keys stood whole under its box only once the keys closed (h45x's
walk): while typing, the line was drawn under the keys. Now it is brought above the keys with the box as
it appears, at 1024x768 and 1280x800. With the text enlarged (150 %, 200 %) it does not fit with h45x's
rules for a short screen (the heading stuck at the top, the box and its label whole above the keys and
the bar: at 853x533 some 40 px are left for a line two lines tall), so there the box and its label keep
their place and the line stands whole once the keys close, as before."""
from __future__ import annotations

import pytest

from .axe import axe_source, violations
from .test_kiosk_and_desk_strangers_h45x import LONG_NAME, ZOOMED, _key, _kiosk, _to_the_guest_book
from .settle import settled

SIZES = {"1024x768": ({"width": 1024, "height": 768}, 1), "1280x800": ({"width": 1280, "height": 800}, 1),
         **ZOOMED}
ROOM_FOR_THE_LINE = ("1024x768", "1280x800")
SEEN = """() => { const w = document.querySelector('[data-whole-for=full_name]'), box = document.querySelector('input[name=full_name]');
  const r = w.getBoundingClientRect(), keys = document.querySelector('.k-osk').getBoundingClientRect();
  const bar = document.querySelector('section[data-screen=who] .k-actions'), b = bar.getBoundingClientRect();
  const covered = getComputedStyle(bar).display !== 'none' ? b.top : innerHeight;  // under 480 px it goes (h45x)
  return {shown: !w.hidden, text: w.innerText, top: r.top, bottom: r.bottom, keys: keys.top, bar: covered,
          label: box.closest('label').getBoundingClientRect().top, box: box.getBoundingClientRect().bottom,
          focused: document.activeElement === box}; }"""


@pytest.mark.parametrize("size", list(SIZES))
def test_a_long_name_shows_whole_above_the_keys_while_it_is_typed(app, live_server, browser, size):
    viewport, zoom = SIZES[size]
    page = _kiosk(app, browser, live_server, viewport, zoom)
    _to_the_guest_book(page)
    page.tap("input[name=full_name]")
    page.wait_for_selector(".k-osk:not([hidden])")
    for key in LONG_NAME:
        _key(page, "{space}" if key == " " else key)
    settled(page)  # brought up on the next frame
    seen = page.evaluate(SEEN)
    page.screenshot(path=f"/tmp/h45y/whole-while-typing-{viewport['width']}x{viewport['height']}.png")
    assert seen["focused"] and seen["shown"] and seen["text"] == LONG_NAME, (size, seen)
    # the box and its label between the screen's top and the keys (and the bar above them), and where
    # there is room the whole name under the box too
    keys = min(seen["keys"], seen["bar"]) + 1
    assert seen["label"] >= 0 and seen["box"] <= keys, (size, seen)
    assert violations(page, axe_source()) == [], size
    if size in ROOM_FOR_THE_LINE:
        assert seen["bottom"] <= keys, (size, seen)
    else:
        _key(page, "{hide}")
        settled(page)
        seen = page.evaluate(SEEN)
        assert seen["shown"] and seen["top"] >= 0 and seen["bottom"] <= seen["bar"] + 1, (size, "keys closed", seen)
