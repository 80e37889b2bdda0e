"""h31k: kiosk screens that still ran under the glass (a visitor does not know a page scrolls).

- The start screen on the 1280x800 tablet in English during the office's last half hour: the longer
  English "closing soon" band takes two lines beside the language note's row, and the page scrolled
  14 px (the end of the personal-data notice under the fold).
- The rules screen at 1024x768 when the office closed before "Kirim permintaan": the message and its
  "Back to the start" stood over the last rules, the page 132 px (Indonesian) and 44 px (English)
  taller than the glass, the tick box's line off the top. And with the tick's and the signature's
  messages, "Hapus tanda tangan" ended a few px above the button bar: a longer label (or one more line)
  would have gone under it.

What the visitor needs: the whole screen on the glass, not scrolled, every line and control whole in
sight, axe-clean; in Indonesian and English."""
from __future__ import annotations

import pytest

from tests.kiosk.e2e_support import SMALL, TABLET, enrol_page, sign

from .test_kiosk_find_without_camera_keyboard_h29u import top_in_sight, whole_on_the_glass
from .test_kiosk_rules_fit_without_scroll_h29u import on_the_rules_screen
from .test_office_hours_ux7 import at_wib


def test_in_the_last_half_hour_the_english_start_screen_is_whole_on_the_1280x800_tablet(app, live_server, browser,
                                                                                         shot):
    lang = "en"
    at_wib(app, 15, 40)  # the office closes at 16:00
    page = enrol_page(app, browser, live_server, TABLET)
    if lang != "id":
        page.goto(f"{live_server}/kiosk/?lang={lang}")
        page.wait_for_selector(f"html[lang={lang}]")
    page.wait_for_selector("body[data-ready]")
    page.wait_for_timeout(300)
    shot(page, f"h31k-kiosk-start-closing-soon-1280x800-{lang}", full_page=False)
    assert "16:00 WIB" in page.inner_text("[data-closing-soon]")
    whole_on_the_glass(page, "the start screen in the last half hour")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_office_closed_before_sending_the_rules_screen_is_whole_at_1024x768(app, live_server, browser, shot,
                                                                                 lang):
    at_wib(app, 15, 58)  # the visitor reaches the last step in time
    page = on_the_rules_screen(app, browser, live_server, SMALL, lang)
    page.check("[data-rules]")
    sign(page)
    at_wib(app, 16, 2)  # and sends it after closing time
    page.click("section[data-screen=rules] [data-action=submit]")
    page.wait_for_selector("section[data-screen=rules] [data-closed-home]:not([hidden])")
    page.wait_for_timeout(300)
    shot(page, f"h31k-kiosk-rules-closed-1024x768-{lang}", full_page=False)
    assert "16:00" in page.inner_text("section[data-screen=rules] [data-submit-error]")
    top_in_sight(page, "rules")
    whole_on_the_glass(page, "the rules screen once the office has closed")


# the bottom of "Hapus tanda tangan" and the top of the screen's button bar
CLEAR_AND_BAR = """() => [document.querySelector('section[data-screen=rules] [data-action=clear-signature]'),
  document.querySelector('section[data-screen=rules] > .k-actions')].map((el) => el.getBoundingClientRect())
  .map((r, i) => i ? r.top : r.bottom)"""


@pytest.mark.parametrize("lang", ["id", "en"])
def test_with_its_messages_clear_the_signature_stands_well_above_the_bar_at_1024x768(app, live_server, browser,
                                                                                       shot, lang):
    page = on_the_rules_screen(app, browser, live_server, SMALL, lang)
    page.click("section[data-screen=rules] [data-action=submit]")
    page.wait_for_selector("section[data-screen=rules] [data-error-for=signature]:not(:empty)")
    page.wait_for_timeout(300)
    shot(page, f"h31k-kiosk-rules-errors-1024x768-{lang}", full_page=False)
    button_bottom, bar_top = page.evaluate(CLEAR_AND_BAR)
    assert bar_top - button_bottom >= 8, f"'Hapus tanda tangan' ends at {button_bottom:.0f} px, the bar starts at {bar_top:.0f}"
    whole_on_the_glass(page, "the rules screen with its messages")
