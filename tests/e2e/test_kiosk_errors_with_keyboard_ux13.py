"""ux13: the on-screen keyboard is open and "Lanjut" finds two fields to fix. The keyboard moved to the
first (ux11) while the second field's message sat under the button bar, unseen. Now every message
stands above the bar: with the keyboard where they fit beside it, else the keyboard closes (a tap on
a field brings it back, to that field, its message in sight)."""
from __future__ import annotations

import pytest

from tests.kiosk.e2e_support import TABLET, enrol_page, to_the_who_screen

from .axe import axe_source, violations
from .settle import settled
from .test_kiosk_errors_with_keyboard_ux11 import BOX, _tap_keys

SMALL = {"width": 1024, "height": 768}
BAR_TOP = "() => document.querySelector('section[data-screen=who] .k-actions').getBoundingClientRect().top"
HEADING_BOTTOM = "() => document.querySelector('section[data-screen=who] h1').getBoundingClientRect().bottom"


def _messages_in_sight(page, names) -> None:
    bar, heading = page.evaluate(BAR_TOP), page.evaluate(HEADING_BOTTOM)
    keyboard = page.locator(".k-osk")
    floor = min(bar, keyboard.bounding_box()["y"]) if keyboard.is_visible() else bar
    for name in names:
        selector = f"section[data-screen=who] [data-error-for={name}]"
        assert page.inner_text(selector).strip(), name
        top, bottom = page.evaluate(BOX, selector)
        assert top >= heading - 1 and bottom <= floor, f"{name}'s message at {top:.0f}-{bottom:.0f}, room {heading:.0f}-{floor:.0f}"


@pytest.mark.parametrize("viewport", [TABLET, SMALL], ids=["1280x800", "1024x768"])
def test_two_fields_to_fix_in_two_rows_show_both_messages_above_the_bar(app, live_server, browser, shot, viewport):
    page = enrol_page(app, browser, live_server, viewport)
    to_the_who_screen(page)
    page.fill("input[name=nik]", "123")
    page.fill("input[name=phone]", "")
    page.click("input[name=full_name]")
    assert page.locator(".k-osk").is_visible()
    page.click("[data-action=to-from]")
    page.wait_for_selector("[data-error-for=phone]:not(:empty)")
    settled(page)  # the keyboard moves, or closes, and the screen scrolls
    shot(page, f"ux13-kiosk-who-two-errors-keyboard-{viewport['width']}", full_page=False)
    _messages_in_sight(page, ["nik", "phone"])
    assert violations(page, axe_source()) == []

    # a tap on the second field: the keyboard types there, its message still in sight
    page.click("input[name=phone]")
    settled(page)
    assert page.locator(".k-osk").is_visible()
    _messages_in_sight(page, ["phone"])
    _tap_keys(page, "0812")
    assert page.input_value("input[name=phone]") == "0812" and page.input_value("input[name=nik]") == "123"
    assert not page.errors, page.errors  # h23v/h44k: a wrong field is an answer (200), not a failed load


def test_two_fields_to_fix_side_by_side_keep_the_keyboard_on_the_first(app, live_server, browser):
    page = enrol_page(app, browser, live_server, TABLET)
    to_the_who_screen(page)
    page.fill("input[name=nik]", "123")
    page.fill("input[name=full_name]", "")
    page.fill("input[name=phone]", "081234567890")
    page.click("input[name=phone]")
    page.click("[data-action=to-from]")
    page.wait_for_selector("[data-error-for=full_name]:not(:empty)")
    settled(page)
    assert page.locator(".k-osk").is_visible(), "both messages fit beside the keyboard: it stays"
    assert page.evaluate("document.activeElement.name") == "nik", "on the first field to fix"
    _messages_in_sight(page, ["nik", "full_name"])
