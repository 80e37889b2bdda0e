"""ux11: a visitor at the 1280x800 kiosk types with the on-screen keyboard and taps "Lanjut" with a
field still wrong. What needs fixing must be in sight with its name, and the keyboard must type into
it: before, the screen scrolled the empty name field's label under the screen's heading (only
"Kolom ini wajib diisi." under a nameless box showed) while the keys went on typing into the phone
number, the field tapped last. And at "Keluar", a wrong ticket code typed on the keyboard: the
message under the code pushed "Cari kunjungan saya" under the keyboard."""
from __future__ import annotations

import pytest

from tests.kiosk.e2e_support import TABLET, enrol_page, to_the_who_screen

from .axe import axe_source, violations
from .settle import settled

# top and bottom of an element, and of the heading that sticks to the top while the keyboard is open
BOX = "(sel) => { const r = document.querySelector(sel).getBoundingClientRect(); return [r.top, r.bottom]; }"
HEADING_BOTTOM = """() => [...document.querySelectorAll('section[data-screen=who] h1')]
  .find((h) => h.offsetParent !== null).getBoundingClientRect().bottom"""
BAR_TOP = "() => document.querySelector('section[data-screen=who] .k-actions').getBoundingClientRect().top"


def _tap_keys(page, text: str) -> None:
    for key in text:
        page.locator(f".k-osk [data-key='{key}']").click()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_after_next_the_field_to_fix_is_in_sight_and_the_keyboard_types_into_it(app, live_server, browser, shot, lang):
    page = enrol_page(app, browser, live_server, TABLET)
    if lang == "en":
        page.goto(f"{live_server}/kiosk/?lang=en")
    to_the_who_screen(page)
    page.fill("input[name=full_name]", "")  # the name read from the card wiped out by mistake
    page.click("input[name=phone]")
    assert page.locator(".k-osk").is_visible(), "tapping a field brings the on-screen keyboard"
    page.fill("input[name=phone]", "")
    _tap_keys(page, "0812345678")
    page.click("[data-action=to-from]")
    page.wait_for_selector("[data-error-for=full_name]:not(:empty)")
    settled(page)  # the keyboard settles and scrolls
    shot(page, f"ux11-kiosk-who-error-keyboard-{lang}", full_page=False)

    assert page.evaluate("document.body.dataset.screen") == "who", "the screen stays to be fixed"
    heading, bar = page.evaluate(HEADING_BOTTOM), page.evaluate(BAR_TOP)
    label = page.locator("label:has(input[name=full_name]), .k-field:has(input[name=full_name]) label").first
    name = "Nama lengkap" if lang == "id" else "Full name"
    assert name in label.inner_text()
    label_top, _ = page.evaluate("(el) => { const r = el.getBoundingClientRect(); return [r.top, r.bottom]; }",
                                 label.element_handle())
    error_top, error_bottom = page.evaluate(BOX, "[data-error-for=full_name]")
    assert label_top >= heading - 1, f"the field's name is under the heading ({label_top:.0f} < {heading:.0f})"
    assert error_bottom <= bar, f"its error is under the button bar ({error_bottom:.0f} > {bar:.0f})"
    assert page.inner_text("[data-error-for=full_name]").strip()

    # the keys now type the name, not more digits into the phone number
    _tap_keys(page, "BUDI")
    assert page.input_value("input[name=full_name]") == "BUDI"
    assert page.input_value("input[name=phone]") == "0812345678"
    assert page.inner_text("[data-error-for=full_name]").strip() == "", "a fixed field's error goes"
    assert violations(page, axe_source()) == []
    assert not page.errors, page.errors  # h23v/h44k: a wrong field is an answer (200), not a failed load


def test_a_wrong_ticket_code_keeps_its_message_and_the_find_button_above_the_keyboard(app, live_server, browser, shot):
    page = enrol_page(app, browser, live_server, TABLET)
    page.wait_for_selector("body[data-ready]")
    page.click("[data-action=checkout]")
    page.wait_for_selector("section[data-screen=checkout]:not([hidden])")
    page.click(".k-ticket-form input")
    _tap_keys(page, "ZZZZ9999")  # a code that belongs to no visit
    find = page.locator(".k-ticket-form [type=submit]")
    find.click()
    page.wait_for_selector("section[data-screen=checkout] [data-error-for=ticket]:not(:empty)")
    settled(page)
    shot(page, "ux11-kiosk-wrong-ticket-keyboard", full_page=False)
    keyboard_top = page.evaluate("() => document.querySelector('.k-osk').getBoundingClientRect().top")
    _, message_bottom = page.evaluate(BOX, "section[data-screen=checkout] [data-error-for=ticket]")
    button = find.bounding_box()
    assert page.locator(".k-osk").is_visible(), "the keyboard stays to correct the code"
    assert message_bottom <= keyboard_top, "the message is under the keyboard"
    assert button["y"] + button["height"] <= keyboard_top, "the button to try again is under the keyboard"
    assert page.evaluate(BOX, ".k-ticket-form input")[0] >= 0, "the code itself scrolled off the top"
    assert "Tidak ada kunjungan" in page.inner_text("section[data-screen=checkout] [data-error-for=ticket]")
    assert violations(page, axe_source()) == []
