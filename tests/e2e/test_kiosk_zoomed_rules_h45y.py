"""h45y: the kiosk with the browser's text at 150 % (the 1280x800 kiosk is 853x533 CSS px), left by h45x's
walk. On the rules screen the tick box stands at the top of the right column and the signature box under
it ran below the button bar: ticked, the visitor saw no box to sign in and nothing said to scroll. Once
ticked, the next thing to do (the signature box, and "Clear the signature" when it fits) comes up whole
above the bar; at 1280x800, where it already stood there, nothing moves."""
from __future__ import annotations

import pytest

from .axe import axe_source, violations
from .test_kiosk_rules_fit_without_scroll_h29u import on_the_rules_screen
from .settle import settled

SIZES = {"1280x800 at 150 %": {"width": 853, "height": 533}, "1280x800": {"width": 1280, "height": 800}}
SEEN = """() => { const s = document.querySelector('section[data-screen=rules]');
  const box = e => s.querySelector(e).getBoundingClientRect();
  return {sign: box('[data-signature]'), clear: box('[data-action=clear-signature]'),
          bar: box('.k-actions'), tick: box('input[data-rules]'), scrollY}; }"""


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_ticked_the_rules_the_signature_box_comes_up_above_the_button_bar(
        app, live_server, browser, shot, size, lang):
    viewport = SIZES[size]
    page = on_the_rules_screen(app, browser, live_server, viewport, lang)
    before = page.evaluate(SEEN)
    page.click("input[data-rules]")
    settled(page)  # brought up on the next frame
    seen = page.evaluate(SEEN)
    shot(page, f"h45y-rules-ticked-{viewport['width']}x{viewport['height']}-{lang}", full_page=False)
    assert page.is_checked("input[data-rules]")
    # the box to sign in stands whole between the screen's top and the bar, and so does its Clear button
    assert seen["sign"]["top"] >= 0 and seen["sign"]["bottom"] <= seen["bar"]["top"], (size, lang, seen)
    assert seen["clear"]["bottom"] <= seen["bar"]["top"], (size, lang, seen)
    if before["sign"]["bottom"] <= before["bar"]["top"]:
        assert seen["scrollY"] == before["scrollY"], "nothing moves where the box was already in sight"
    assert violations(page, axe_source()) == [], (size, lang)
