"""h46e: the kiosk as a stranger meets it: a first-time visitor, elderly, not used to screens, by touch at
the 1280x800 and 1024x768 kiosks, taking the wrong turns such a visitor takes (docs/kiosk.md, "Stranger
walk, 7 December (h46e)").

- A card the camera sees but never takes (held too far from it, or never still): "Dekatkan kartu ke
  kamera" without end, and nothing said how to go on. After 20 s without a photo a line says it, in
  words that fit a card in sight.
- The idle warning came while a question was open ("Ulang dari awal?", "Ganti ke English?"): the
  question stood over it, so the countdown was unseen, "Saya masih di sini" out of reach, and the screen
  was cleared unannounced. The question is answered "no" and the warning shows.
- The browser's own Back (a swipe on the touchscreen) left the kiosk for the page before it, after
  enrolment the enrolment form with its code. It is the screen's "Kembali" now, and nothing where the
  screen has none (h46g gave the KTP screen one).
- Without a camera, "Keluar" still asked for the ticket's QR code "to the camera".
"""
from __future__ import annotations

import numpy as np
import pytest

from lpsedesk import settings
from lpsedesk.extensions import db
from tests.e2e.video import write_y4m
from tests.kiosk.e2e_support import SMALL, TABLET, enrol_page

from .axe import axe_source, violations
from .settle import settled
from .test_kiosk_find_without_camera_keyboard_h29u import whole_on_the_glass
from .test_kiosk_wrong_turns_h46g import start_over_question

pytestmark = pytest.mark.layout

# the kiosk's body text is at least 18 px (h46e's brief), read at arm's length
SMALLEST_TEXT = 18


def _far_card_video(path):
    """A held-out synthetic KTP held still but far from the camera: 230 px wide in a 1280x720 picture."""
    from tests.synthetic.ktp import render_ktp
    from tests.synthetic.people import make_person
    from tests.synthetic.scenes import place_in_scene
    from tests.synthetic.styles import HELD_OUT_FONTS, CardStyle

    rng = np.random.default_rng(11)
    card = render_ktp(make_person(rng), rng, CardStyle(family=HELD_OUT_FONTS[0]))
    frame, _quad = place_in_scene(card, rng, width_px=230, angle=0, tilt=2, jpeg=None, noise=1)
    return write_y4m(path, [frame] * 10, fps=5)


def _font_px(page, selector: str) -> float:
    return page.locator(selector).evaluate("e => parseFloat(getComputedStyle(e).fontSize)")


def _touch_kiosk(app, browser, live_server, viewport, idle_seconds: int):
    with app.app_context():
        settings.put(db.session, "kiosk_idle_seconds", idle_seconds)
        db.session.commit()
    page = enrol_page(app, browser, live_server, viewport)
    page.wait_for_selector("body[data-ready]")
    return page


def test_a_card_the_camera_sees_but_cannot_take_says_how_to_go_on_and_back_is_the_screens_back(
        app, live_server, launch_browser, tmp_path, shot):
    page = _touch_kiosk(app, launch_browser(fake_video=_far_card_video(tmp_path / "far.y4m")), live_server, TABLET,
                        idle_seconds=300)
    page.click("[data-action=checkin]")
    page.wait_for_selector("video[data-video=ktp]")
    # the camera finds the card and asks for it closer; nothing more for 20 s of trying
    page.wait_for_function("() => document.querySelector('[data-guidance]').textContent.includes('Dekatkan')")
    page.wait_for_selector("[data-card-not-taken]:not([hidden])", timeout=60000)
    settled(page)
    shot(page, "h46e-ktp-card-not-taken-1280x800", full_page=False)
    line = page.inner_text("[data-card-not-taken]")
    take_now = page.inner_text("[data-action=capture]").strip()
    assert take_now == "Ambil foto sekarang" and f'"{take_now}"' in line, line
    assert "memeriksa atau mengetik data Anda sendiri" in line, line
    # not the words for a camera that sees nothing, and in the how-to picture's place
    assert not page.is_visible("[data-no-card-yet]") and not page.is_visible("[data-howto]")
    assert _font_px(page, "[data-card-not-taken]") >= SMALLEST_TEXT
    whole_on_the_glass(page, "the KTP screen, a card in sight not taken for a while")

    page.click("[data-action=capture]")
    page.wait_for_selector("[data-capture-done]:not([hidden]), [data-no-card]:not([hidden])", timeout=120000)
    assert not page.is_visible("[data-card-not-taken]")
    if page.is_visible("[data-no-card]"):
        page.click("[data-no-card] [data-action=keep-photo]")
    # h46g: the KTP screen's "Kembali" with a photo taken and nothing typed asks first, about the photo
    # (not "everything you entered"); "no" keeps it
    page.click("section[data-screen=ktp] [data-action=ktp-back]")
    question = start_over_question(page, lambda p: shot(p, "h46g-ktp-back-with-a-photo-1280x800", full_page=False))
    assert "Foto KTP Anda" in question and "Semua yang sudah Anda isi" not in question, question
    page.click("section[data-screen=ktp] [data-action=to-who]")
    page.wait_for_selector("section[data-screen=who]:not([hidden])")
    page.click("input[name=phone]")
    for key in "081234567890":
        page.click(f".k-osk [data-key='{key}']")

    # the touchscreen's Back swipe: the screen's own "Kembali", the photo and the typed number kept
    page.go_back()
    page.wait_for_selector("section[data-screen=ktp]:not([hidden]) [data-capture-done]:not([hidden])")
    assert "/kiosk/" in page.url and "enrol" not in page.url
    page.click("section[data-screen=ktp] [data-action=to-who]")
    page.wait_for_selector("section[data-screen=who]:not([hidden])")
    assert page.input_value("input[name=phone]") == "081234567890"
    # h46g: the KTP screen has its "Kembali" now, so Back there is it: with a photo and a typed number it
    # asks first, and "no" keeps both
    page.click("section[data-screen=who] [data-action=back-ktp]")
    page.wait_for_selector("section[data-screen=ktp]:not([hidden])")
    page.go_back()
    assert "Semua yang sudah Anda isi" in start_over_question(page)
    assert page.evaluate("document.body.dataset.screen") == "ktp" and "enrol" not in page.url
    assert page.is_visible("[data-capture-done]") and page.input_value("input[name=phone]") == "081234567890"


def test_the_idle_warning_is_not_hidden_by_an_open_question_and_leaving_without_a_camera_asks_no_qr(
        app, live_server, browser, shot):
    # 30 s: the countdown is as long (never longer than the quiet time before it), time enough on a
    # loaded machine for the measurements and axe-core before the tap
    page = _touch_kiosk(app, browser, live_server, SMALL, idle_seconds=30)
    page.click("[data-action=checkin]")
    page.wait_for_selector("section[data-screen=ktp].k-no-camera:not([hidden])")
    page.click("[data-action=no-photo]")
    page.wait_for_selector("section[data-screen=who]:not([hidden])")
    page.fill("input[name=full_name]", "Sumarni Hadi")
    # she wonders whether to start over, and leaves the question open
    page.click(".k-top [data-action=home]")
    page.wait_for_selector("[data-dialog=start-over][open]")
    page.wait_for_selector("[data-idle]:not([hidden])", timeout=60000)
    page.wait_for_function("() => !document.querySelector('dialog[open]')")
    settled(page)
    shot(page, "h46e-idle-after-an-open-question-1024x768", full_page=False)
    on_top = page.locator("[data-action=idle-continue]").evaluate(
        "b => { const r = b.getBoundingClientRect();"
        " return b.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)); }")
    assert on_top, "'Saya masih di sini' is under something"
    assert "dikosongkan" in page.inner_text("[data-idle]") and page.is_visible("[data-idle-count]")
    assert violations(page, axe_source()) == []
    page.click("[data-action=idle-continue]")
    page.wait_for_selector("[data-idle]", state="hidden")
    assert page.evaluate("document.body.dataset.screen") == "who"
    assert page.input_value("input[name=full_name]") == "Sumarni Hadi"

    # on her way out, a kiosk without a camera asks for no QR code "to the camera"
    page.click(".k-top [data-action=home]")
    page.click("[data-dialog=start-over] button[value=ok]")
    page.wait_for_selector("body[data-ready]")
    page.click("[data-action=checkout]")
    page.wait_for_selector("section[data-screen=checkout] [data-camera-off]:not([hidden])")
    lead = page.inner_text("section[data-screen=checkout] .k-lead")
    assert lead == "Ketik kode pada tiket Anda: huruf dan angkanya.", lead
    settled(page)
    shot(page, "h46e-leave-without-a-camera-1024x768", full_page=False)
    whole_on_the_glass(page, "Keluar without a camera")
    # Back on "Keluar" is its "Kembali": the start screen
    page.go_back()
    page.wait_for_selector("body[data-ready][data-screen=welcome]")
    assert "enrol" not in page.url
    assert page.errors == [], page.errors
