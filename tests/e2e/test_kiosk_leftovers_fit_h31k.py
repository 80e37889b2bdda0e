"""h31k: kiosk screens that still ran under the glass (a visitor does not know a page scrolls).

- The KTP screen of a returning visitor (the NIK on the card known from an earlier visit: "Selamat
  datang kembali", the last 4 digits of the phone to fill everything in as last time): on the 800x1280
  portrait kiosk 181 px taller than the glass ("Ambil ulang" under the fold), at 1024x768 344-415 px
  and on the 1280x800 tablet 193-296 px ("Lanjut" and "Ambil ulang" under the fold, the heading off
  the top). And 4 wrong digits typed on the number pad said so under the field's row, under the pad
  still open: the visitor saw nothing happen.

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

from tests import factories
from tests.kiosk.e2e_support import SMALL, TABLET, TURNED, enrol_page, ktp_video, sign
from tests.support import needs_ocr

from .settle import settled
from .test_kiosk_find_without_camera_keyboard_h29u import NOT_WHOLE_IN_SIGHT, top_in_sight, whole_on_the_glass
from .test_kiosk_rules_fit_without_scroll_h29u import on_the_rules_screen
from .test_office_hours_ux7 import at_wib

pytestmark = pytest.mark.layout


@pytest.mark.parametrize("lang", ["id", "en"])
def test_in_the_last_half_hour_the_start_screen_is_whole_on_the_1280x800_tablet(app, live_server, browser, shot,
                                                                                lang):
    at_wib(app, 15, 40)  # the office closes at 16:00
    page = enrol_page(app, browser, live_server, TABLET)
    if lang != "id":
        page.goto(f"{live_server}/kiosk/?lang={lang}")
        page.wait_for_selector(f"html[lang={lang}]")
    page.wait_for_selector("body[data-ready]")
    settled(page)
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
    settled(page)
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
    settled(page)
    shot(page, f"h31k-kiosk-rules-errors-1024x768-{lang}", full_page=False)
    button_bottom, bar_top = page.evaluate(CLEAR_AND_BAR)
    assert bar_top - button_bottom >= 8, f"'Hapus tanda tangan' ends at {button_bottom:.0f} px, the bar starts at {bar_top:.0f}"
    whole_on_the_glass(page, "the rules screen with its messages")


def _returning_visitor_on_the_ktp_screen(app, live_server, launch_browser, tmp_path, size: str, lang: str):
    """A visitor whose NIK came before holds the KTP to the camera: the KTP screen with the welcome back."""
    video, person = ktp_video(tmp_path / "ktp.y4m", seed=31)
    with app.app_context():  # the same NIK came before
        factories.visit("reported", visitor=factories.visitor(full_name=person.name, nik=person.nik,
                                                              phone="081234567788"))
    viewport = {"800x1280": TURNED, "1024x768": SMALL, "1280x800": TABLET}[size]
    page = enrol_page(app, launch_browser(fake_video=video), live_server, viewport)
    if lang != "id":
        page.goto(f"{live_server}/kiosk/?lang={lang}")
        page.wait_for_selector(f"html[lang={lang}] body[data-ready]")
    page.click("[data-action=checkin]")
    page.wait_for_selector("[data-returning]:not([hidden])", timeout=30000)
    settled(page)
    return page


@needs_ocr
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", ["800x1280", "1024x768", "1280x800"])
def test_a_returning_visitors_ktp_screen_is_whole_on_the_glass(app, live_server, launch_browser, tmp_path, shot,
                                                               size, lang):
    page = _returning_visitor_on_the_ktp_screen(app, live_server, launch_browser, tmp_path, size, lang)
    shot(page, f"h31k-kiosk-ktp-returning-{size}-{lang}", full_page=False)
    assert page.is_visible("[data-action=same-as-last]") and page.is_visible("[data-screen=ktp] [data-action=to-who]")
    top_in_sight(page, "ktp")
    whole_on_the_glass(page, "the returning visitor's KTP screen")


@needs_ocr
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", ["800x1280", "1024x768"])
def test_wrong_last_digits_typed_on_the_pad_say_so_above_the_pad(app, live_server, launch_browser, tmp_path, shot,
                                                                  size, lang):
    page = _returning_visitor_on_the_ktp_screen(app, live_server, launch_browser, tmp_path, size, lang)
    page.click("input[name=returning_last4]")
    for key in "1234":  # the phone ends in 7788
        page.click(f".k-osk [data-key='{key}']")
    page.click("[data-action=same-as-last]")
    message = page.locator("[data-error-for=returning_last4]")
    message.wait_for(state="visible")
    page.wait_for_selector("[data-error-for=returning_last4]:not(:empty)")
    settled(page)
    shot(page, f"h31k-kiosk-ktp-returning-wrong-digits-{size}-{lang}", full_page=False)
    said = message.inner_text().strip()
    covered = [seen for seen in page.evaluate(NOT_WHOLE_IN_SIGHT)
               if seen.get("line", "") and said.startswith(seen["line"][:20])
               or seen.get("control", "") in ("returning_last4", page.inner_text("[data-action=same-as-last]").strip())]
    assert not covered, f"the message or what it is about is not in sight: {covered}"
