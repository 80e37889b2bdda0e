"""h30s: on a 1024x768 kiosk screen, a visitor who taps "Lanjut" on the purpose screen ("Keperluan Anda")
before choosing is told under each of its three groups of chips (purpose, facility, how long) to choose
one, and the screen's line says there is something to fix. With those four messages the page was 159 px
taller than the glass (Indonesian and English) and was scrolled so that the heading went off the top.

What the visitor needs: with the messages shown, the whole screen on the glass without a scroll and not
scrolled, the header and the heading in sight, every message, every chip and the button bar whole in
sight, each control at least 44 px; in Indonesian and English; axe-clean.

The same on the "about you" screen ("Data diri Anda"): "Lanjut" with NIK, name and phone empty showed
three messages and the screen's line, and the Indonesian page was 6 px taller than the glass."""
from __future__ import annotations

import pytest

from tests.kiosk.e2e_support import SMALL, choose_the_purpose, on_to_the_purpose, to_the_who_screen

from .axe import axe_source, violations
from .settle import settled
from .test_kiosk_find_without_camera_keyboard_h29u import NOT_WHOLE_IN_SIGHT, kiosk_in, top_in_sight, whole_on_the_glass

pytestmark = pytest.mark.layout

SIZES = {"1024x768": SMALL}
MESSAGES = """() => [...document.querySelectorAll('section[data-screen=what] .k-error')]
  .map((el) => el.textContent.trim()).filter(Boolean)"""
# a chip's radio lies, invisible, over its whole chip (the tap lands on it): its words are under their own input
CHIP_WORDS = """() => [...document.querySelectorAll('section[data-screen=what] .k-chip span')]
  .map((el) => el.textContent.trim().slice(0, 60))"""


def on_the_purpose_screen(app, browser, live_server, viewport: dict, lang: str):
    """A visitor who gave the KTP, their name and phone and where they come from: the purpose screen."""
    page = kiosk_in(app, browser, live_server, viewport, lang)
    to_the_who_screen(page)
    page.fill("input[name=full_name]", "SITI RAHAYU")
    page.fill("input[name=phone]", "081234560077")
    on_to_the_purpose(page)
    return page


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_the_purpose_screen_with_its_messages_fits_the_glass(app, live_server, browser, shot, size, lang):
    page = on_the_purpose_screen(app, browser, live_server, SIZES[size], lang)
    page.click("section[data-screen=what] [data-action=to-rules]")
    page.wait_for_selector("section[data-screen=what] [data-error-for=planned_minutes]:not(:empty)")
    settled(page)
    shot(page, f"h30s-kiosk-purpose-errors-{size}-{lang}", full_page=False)

    messages = page.evaluate(MESSAGES)
    assert len(messages) == 4, f"the three groups' and the summary line: {messages}"
    tall = page.evaluate("() => [document.scrollingElement.scrollHeight, innerHeight]")
    assert tall[0] <= tall[1], f"the purpose screen with its messages is {tall[0]} px tall on a {tall[1]} px screen"
    top_in_sight(page, "what")
    chips = page.evaluate(CHIP_WORDS)
    hidden = [h for h in page.evaluate(NOT_WHOLE_IN_SIGHT)
              if not (h.get("line") in chips and set(h["under"]) == {"INPUT."})]
    assert hidden == [], f"not whole in sight: {hidden}"
    assert violations(page, axe_source()) == []

    # chosen, the messages go and the visitor goes on to the rules
    choose_the_purpose(page)
    assert not page.errors, page.errors


@pytest.mark.parametrize("lang", ["id"])  # (the English screen fitted already)
@pytest.mark.parametrize("size", list(SIZES))
def test_the_about_you_screen_with_its_messages_fits_the_glass(app, live_server, browser, shot, size, lang):
    page = kiosk_in(app, browser, live_server, SIZES[size], lang)
    to_the_who_screen(page)
    for name in ("nik", "full_name", "phone"):
        page.fill(f"input[name={name}]", "")
    page.click("section[data-screen=who] [data-action=to-from]")
    page.wait_for_selector("section[data-screen=who] [data-error-for=phone]:not(:empty)")
    if page.is_visible(".k-osk"):
        page.click(".k-osk [data-key='{hide}']")
    settled(page)
    shot(page, f"h30s-kiosk-who-errors-{size}-{lang}", full_page=False)

    messages = page.evaluate("""() => [...document.querySelectorAll('section[data-screen=who] .k-error')]
      .map((el) => el.textContent.trim()).filter(Boolean)""")
    assert len(messages) == 4, f"NIK's, name's, phone's and the summary line: {messages}"
    whole_on_the_glass(page, "the about-you screen with its messages")
