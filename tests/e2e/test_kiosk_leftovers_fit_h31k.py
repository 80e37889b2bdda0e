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
