"""h28u: on the kiosk's check-out screen a visitor using a keyboard, a switch device or a screen reader
met "Kembali" last, after the camera and both "no ticket?" buttons, while it stands straight under the
code field's button (portrait) - the way out of a screen entered by mistake came after every other way.

The kiosk's other screens with "Kembali" (find without a ticket, choose your name) are reached in the
order they are seen, top to bottom, left to right: Tab never jumps back up past what it skipped. Check-out
is held to the same rule (in the page's order, no tabindex above 0), at the 1080x1920 portrait kiosk, the
800x1280 tablet turned, a 360x740 phone and the 1280x800 landscape tablet; axe-clean."""
from __future__ import annotations

import pytest

from tests.kiosk.e2e_support import PORTRAIT

from .axe import axe_source, violations
from .settle import settled
from .test_kiosk_find_without_camera_keyboard_h29u import kiosk_in
from .test_kiosk_start_and_checkout_phone_h25u import SIZES, _on_the_start_screen

pytestmark = pytest.mark.layout

SIZES_HERE = {"1080x1920": PORTRAIT, **SIZES}
BACK = {"id": "Kembali", "en": "Back"}

# Where the controls Tab reached stand once the screen's keyboard is closed again (focusing the code
# field opens it and moves the page under it): the order seen is the resting screen's.
MARK = """(n) => { const a = document.activeElement;
  const screen = document.querySelector('section[data-screen]:not([hidden])');
  if (!screen.contains(a) || a.hasAttribute('data-tab-n')) return null;
  a.setAttribute('data-tab-n', n); return a.tabIndex; }"""
BOXES = """() => [...document.querySelectorAll('[data-tab-n]')]
  .sort((a, b) => a.dataset.tabN - b.dataset.tabN)
  .map(a => { const r = a.getBoundingClientRect(); a.removeAttribute('data-tab-n');
              return {text: (a.innerText || a.name || '').trim(), top: r.top + scrollY, bottom: r.bottom + scrollY,
                      left: r.left, tabindex: a.tabIndex}; })"""


def _close_the_keyboard(page) -> None:
    hide = page.locator('.k-osk:not([hidden]) [data-key="{hide}"]')
    if hide.count():
        hide.click()
    settled(page)


def _tab_through(page, screen: str) -> list[dict]:
    """The shown screen's controls in the order Tab reaches them from the screen's heading, each
    with where it stands."""
    page.evaluate("""() => { const h = document.querySelector('section[data-screen]:not([hidden]) h1:not([hidden])');
      h.setAttribute('tabindex', '-1'); h.focus(); }""")
    for n in range(12):
        page.keyboard.press("Tab")
        if page.evaluate(MARK, n) is None:
            break
    _close_the_keyboard(page)
    reached = page.evaluate(BOXES)
    assert reached, f"{screen}: Tab reached nothing on the screen"
    return reached


def _in_seen_order(reached: list[dict]) -> bool:
    # seen order: a control lower on the screen comes later; side by side (same row), the left one first
    for before, after in zip(reached, reached[1:]):
        same_row = abs(before["top"] - after["top"]) < 8
        if (same_row and after["left"] < before["left"]) or (not same_row and after["top"] < before["top"]):
            return False
    return True


def _kiosk(app, browser, live_server, size: str, lang: str):
    if size in SIZES:
        return _on_the_start_screen(app, browser, live_server, size, lang)
    return kiosk_in(app, browser, live_server, SIZES_HERE[size], lang)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", ["1080x1920", "800x1280", "360x740"])
def test_other_screens_with_back_are_tabbed_in_the_order_seen(app, live_server, browser, size, lang):
    """The rule check-out is held to, read from the screens beside it (not from check-out's code)."""
    page = _kiosk(app, browser, live_server, size, lang)
    for action, screen in (("find-checkout", "find"), ("inside", "inside")):
        page.click("[data-action=checkout]")
        page.wait_for_selector("section[data-screen=checkout]:not([hidden])")
        page.click(f"section[data-screen=checkout] [data-action={action}]")
        page.wait_for_selector(f"section[data-screen={screen}]:not([hidden])")
        settled(page)
        reached = _tab_through(page, screen)
        assert BACK[lang] in [r["text"] for r in reached], f"{screen}: Tab never reaches {BACK[lang]!r}"
        assert _in_seen_order(reached), f"{screen}: {[r['text'] for r in reached]}"
        page.goto(f"{live_server}/kiosk/?lang={lang}")
        page.wait_for_selector(f"html[lang={lang}] body[data-ready]")
    assert not page.errors, page.errors


def _on_checkout(app, browser, live_server, size: str, lang: str):
    page = _kiosk(app, browser, live_server, size, lang)
    page.click("[data-action=checkout]")
    page.wait_for_selector("section[data-screen=checkout]:not([hidden])")
    page.wait_for_selector("[data-screen=checkout] [data-camera-off]:not([hidden])")
    settled(page)
    return page


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", list(SIZES_HERE))
def test_checkout_is_tabbed_in_the_order_seen_back_before_the_ways_without_a_ticket(app, live_server, browser,
                                                                                   shot, size, lang):
    page = _on_checkout(app, browser, live_server, size, lang)
    reached = _tab_through(page, "check-out")
    texts = [r["text"] for r in reached]
    assert BACK[lang] in texts, f"Tab never reaches {BACK[lang]!r}: {texts}"
    assert _in_seen_order(reached), f"check-out is tabbed out of the order seen: {texts}"
    # the code field and its button first, then the way back, before the ways without a ticket
    back = texts.index(BACK[lang])
    assert back == 2, f"{BACK[lang]!r} is reached as number {back + 1}: {texts}"
    # in the page's order, not by a tabindex above 0 (which would take it out of every other screen's order)
    assert all(r["tabindex"] <= 0 for r in reached), reached
    if size == "1280x800":  # the landscape tablet showed every way out on its first screen: it still does
        assert all(r["bottom"] <= 800 for r in reached), reached
    assert violations(page, axe_source()) == []
    shot(page, f"h28u-kiosk-checkout-tab-{size}-{lang}", full_page=False)
    page.focus("section[data-screen=checkout] [data-action=to-start]")
    page.keyboard.press("Enter")
    page.wait_for_selector("section[data-screen=welcome]:not([hidden])")
    assert not page.errors, page.errors
