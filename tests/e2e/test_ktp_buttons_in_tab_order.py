"""h34v put the returning visitor's "Lanjut" and "Ambil ulang" side by side at 1024x768 and drew
"Ambil ulang" first, while Tab (and a screen reader) reach "Lanjut" first: the order a keyboard or
switch user meets them must be the order they are seen in (WCAG 2.4.3), left to right."""
from __future__ import annotations

import pytest

from tests.support import needs_ocr

from .axe import axe_source, violations
from .test_pad_leaves_next_step_h32p import _returning_on_the_ktp_screen

BUTTONS = "[data-screen=ktp] [data-capture-done] > .k-btn"


@needs_ocr
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_returning_visitors_next_steps_are_seen_in_the_order_tab_reaches_them(app, live_server, browser, lang):
    page = _returning_on_the_ktp_screen(app, browser, live_server, "1024x768", lang)
    boxes = [(b.bounding_box(), b.get_attribute("data-action")) for b in page.locator(BUTTONS).all()]
    shown = [(box, action) for box, action in boxes if box and box["width"] > 0]
    assert len(shown) == 2
    tops = {round(box["y"]) for box, _ in shown}
    seen_order = [action for box, action in sorted(shown, key=lambda s: (round(s[0]["y"]), s[0]["x"]))]
    tab_order = [action for _, action in shown]  # the DOM's order is the Tab order (no tabindex on them)
    assert seen_order == tab_order, (tops, seen_order, tab_order)
    assert violations(page, axe_source()) == []
