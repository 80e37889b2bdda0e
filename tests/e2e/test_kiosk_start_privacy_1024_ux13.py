"""ux13: on a 1024x768 kiosk screen the personal-data notice (UU 27/2022) ran 100-120 px under the
screen: a visitor at arm's length does not know a start screen scrolls. It now fits whole, in both
languages and in the last half hour (the closing-soon band), with every button in view and a
finger's size, nothing drawn over anything and nothing wider than the screen."""
from __future__ import annotations

import pytest

from .axe import axe_source, violations
from .test_kiosk_start_privacy_ux11 import BOX, INK, _overlap, start_screen

pytestmark = pytest.mark.layout

SMALL = {"width": 1024, "height": 768}


@pytest.mark.parametrize("hour", [(10, 0), (15, 40)], ids=["morning", "closing-soon"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_whole_personal_data_notice_fits_a_1024x768_start_screen(app, live_server, browser, shot, lang, hour):
    page = start_screen(app, browser, live_server, SMALL, lang, hour)
    shot(page, f"ux13-kiosk-start-1024-{lang}-{hour[0]}", full_page=False)
    height = SMALL["height"]
    assert page.evaluate("document.documentElement.scrollHeight") <= height, "the start screen scrolls"
    notice = page.evaluate(BOX, ".k-privacy")
    assert notice["bottom"] <= height, f"the notice ends at {notice['bottom']:.0f} px, under the {height} px screen"
    assert page.locator(".k-privacy li").count() == 5
    for selector in (".k-tile-in", ".k-tile-out", "[data-action=find-answer]", ".k-lang a"):
        box = page.evaluate(BOX, selector)
        assert box["bottom"] <= height and box["height"] >= 48 and box["width"] >= 48, (selector, box)
    if hour == (15, 40):
        assert page.evaluate(BOX, "[data-closing-soon]")["bottom"] <= height
    # the language buttons share the top row with the welcome; they cover none of its words
    languages = page.evaluate(BOX, ".k-lang")
    for selector in (".k-hero h1", ".k-kicker", ".k-lead", ".k-hours") + (("[data-lang-note]",) if lang == "en" else ()):
        assert not _overlap(languages, page.evaluate(INK, selector)), selector
    tiles = [page.evaluate(BOX, s) for s in (".k-tile-in", ".k-tile-out", "[data-action=find-answer]")]
    assert not any(_overlap(a, b) for i, a in enumerate(tiles) for b in tiles[i + 1:])
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert violations(page, axe_source()) == []
    # the page's own rules still drive it: a touch beside the buttons starts the check-in
    page.mouse.click(SMALL["width"] / 2, page.evaluate(BOX, ".k-lead")["top"] + 5)
    page.wait_for_selector("section[data-screen=ktp]:not([hidden])")
