"""h29k: on the rules screen ("Tata tertib fasilitas") of the 1280x800 landscape kiosk, a visitor who
taps "Kirim permintaan" without ticking "I have read the rules" and without signing is told both, and
the screen's summary line says there is something to fix. With those three messages the page was 93 px
taller than the glass and was scrolled so that the header (the steps, "Mulai lagi") went off the top.

What the visitor needs: with the messages shown, the whole screen still on the glass without a scroll
and not scrolled, the header in sight, every message, every line of the rules and every control whole
in sight (none under the button bar), each control at least 44 px; in Indonesian and English; and the
same on the 1080x1920 portrait kiosk; axe-clean.

h30k: and on the 800x1280 portrait kiosk (the tablet turned), where with the messages the screen was
117 px (Indonesian) and 43 px (English) taller than the glass, and on a 1024x768 screen, where it was
867 px and 774 px tall."""
from __future__ import annotations

import pytest

from tests.kiosk.e2e_support import PORTRAIT, SMALL, TABLET, TURNED, sign

from .settle import settled
from .test_kiosk_find_without_camera_keyboard_h29u import whole_on_the_glass
from .test_kiosk_rules_fit_without_scroll_h29u import on_the_rules_screen

pytestmark = pytest.mark.layout

SIZES = {"1280x800": TABLET, "1080x1920": PORTRAIT, "800x1280": TURNED, "1024x768": SMALL}
# the rules screen's messages that say something
MESSAGES = """() => [...document.querySelectorAll('section[data-screen=rules] .k-error')]
  .map((el) => el.textContent.trim()).filter(Boolean)"""


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_the_rules_screen_with_its_messages_fits_the_glass(app, live_server, browser, shot, size, lang):
    page = on_the_rules_screen(app, browser, live_server, SIZES[size], lang)
    page.click("section[data-screen=rules] [data-action=submit]")
    page.wait_for_selector("section[data-screen=rules] [data-error-for=signature]:not(:empty)")
    settled(page)
    shot(page, f"h29k-kiosk-rules-errors-{size}-{lang}", full_page=False)

    messages = page.evaluate(MESSAGES)
    assert len(messages) == 3, f"the tick's, the signature's and the summary line: {messages}"
    seen = page.evaluate("""() => ({scrolled: document.scrollingElement.scrollTop,
      header: document.querySelector('.k-top').getBoundingClientRect().top})""")
    assert seen["scrolled"] == 0 and seen["header"] >= 0, f"the header went off the top: {seen}"
    whole_on_the_glass(page, "the rules screen with its messages")

    # ticked and signed, both messages and the summary go, and the screen still fits
    page.click("section[data-screen=rules] .k-check")
    sign(page)
    settled(page)
    left = page.evaluate(MESSAGES)
    assert left == [], left
    assert page.evaluate("() => document.scrollingElement.scrollHeight <= innerHeight")
    # the request refused (400) is the answer that brought the messages; nothing else went wrong
    assert all("status of 400" in e for e in page.errors), page.errors
