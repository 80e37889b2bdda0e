"""h38e: an elderly first-time visitor walked the whole kiosk at arm's length, by touch, at 1280x800,
1920x1080 and 1024x768, in Bahasa Indonesia and English (docs/kiosk.md, "Stranger walk, 6 December").

- "Keluar" / "Leave", then "Cari kunjungan saya" with the code box still empty, said "Tidak ada kunjungan
  dengan kode tiket ini": a visitor who had typed nothing was told their code was wrong. It now asks for
  the code.
- On the 1280x800 tablet that message, or the one for a wrong code, pushed "Pilih nama saya dari
  daftar" under the glass: the page scrolled, just when a visitor without a valid code needs the ways
  without a ticket.
- With the camera seeing no card at all, the KTP screen said "Tunjukkan KTP Anda ke kamera" without end;
  only "Ambil foto sekarang" leads on to typing one's details, and nothing said so. After 20 s of no card
  a line in the how-to picture's place says it.
- The KTP screen's "Tidak terlihat kartu di foto ini." offered "Coba lagi" and "Simpan sebagai foto"
  and said nothing of what the second does: a visitor whose card the camera cannot see did not learn
  that it leads on to typing their details themselves.
"""
from __future__ import annotations

import pytest

from lpsedesk import devices
from lpsedesk.extensions import db
from tests.support import needs_ocr

from .settle import settled
from .test_kiosk_alone import _empty_desk_video
from .test_kiosk_find_without_camera_keyboard_h29u import whole_on_the_glass
from .test_office_hours_ux7 import at_wib

pytestmark = pytest.mark.layout

SIZES = {"1280x800": {"width": 1280, "height": 800}, "1024x768": {"width": 1024, "height": 768},
         "1920x1080": {"width": 1920, "height": 1080}}
NO_VISIT = {"id": "Tidak ada kunjungan dengan kode tiket ini", "en": "No visit has this ticket code"}
TYPE_THE_CODE = {"id": "Ketik dulu kode tiket Anda", "en": "Please type your ticket code first"}


def _touch_kiosk(app, browser, live_server, size: str, lang: str):
    """An enrolled touchscreen kiosk (no mouse) in office hours, on its start screen in `lang`."""
    at_wib(app, 10, 0)
    with app.app_context():
        _device, code = devices.create_device(db.session, None, "Kios lobi")
        db.session.commit()
    page = browser.new_context(viewport=SIZES[size], has_touch=True).new_page()
    page.goto(f"{live_server}/kiosk/enrol?code={code}")
    page.tap("button[type=submit]")
    page.wait_for_selector("body[data-ready]")
    if lang != "id":
        page.tap(f".k-lang a[hreflang={lang}]")
        page.wait_for_selector(f"html[lang={lang}] body[data-ready]")
    return page


def _message(page) -> str:
    return page.inner_text("section[data-screen=checkout] [data-error-for=ticket]")


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", ["1280x800", "1024x768", "1920x1080"])
def test_leaving_with_no_code_typed_asks_for_it_and_the_ways_without_a_ticket_stay_in_sight(
        app, live_server, browser, shot, size, lang):
    page = _touch_kiosk(app, browser, live_server, size, lang)
    page.tap(".k-tile-out")
    page.wait_for_selector("section[data-screen=checkout]:not([hidden])")
    page.tap("[data-ticket-form] button[type=submit]")  # "Find my visit" before typing anything
    page.wait_for_function("() => document.querySelector('[data-screen=checkout] [data-error-for=ticket]').textContent")
    said = _message(page)
    assert TYPE_THE_CODE[lang] in said and NO_VISIT[lang] not in said, said
    shot(page, f"h38e-leave-empty-{size}-{lang}", full_page=False)
    whole_on_the_glass(page, "Leave, asked for the code")
    # a code that is no ticket's is called so, and both ways without a ticket are still there to touch
    page.fill("input[name=ticket]", "ZZZZ9999")
    page.tap(".k-osk [data-key='{hide}']")
    page.tap("[data-ticket-form] button[type=submit]")
    page.wait_for_function("(t) => document.querySelector('[data-screen=checkout] [data-error-for=ticket]')"
                           ".textContent.includes(t)", arg=NO_VISIT[lang])
    settled(page)
    shot(page, f"h38e-leave-wrong-code-{size}-{lang}", full_page=False)
    whole_on_the_glass(page, "Leave, a wrong code")
    page.tap("[data-action=inside]")  # a tap where it stands, with nothing scrolled
    page.wait_for_selector("section[data-screen=inside]:not([hidden])")


@needs_ocr
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", ["1280x800", "1024x768"])
def test_a_card_the_camera_cannot_see_says_how_to_go_on_and_typing_it_oneself_works(
        app, live_server, launch_browser, tmp_path, shot, size, lang):
    browser = launch_browser(fake_video=_empty_desk_video(tmp_path / "desk.y4m"))
    page = _touch_kiosk(app, browser, live_server, size, lang)
    page.tap(".k-tile-in")
    page.wait_for_selector("section[data-screen=ktp]:not([hidden])")
    # the camera sees only the desk: after a while the screen says how to go on without it
    page.wait_for_selector("[data-no-card-yet]:not([hidden])", timeout=45000)
    settled(page)
    shot(page, f"h38e-ktp-nothing-seen-{size}-{lang}", full_page=False)
    take_now = page.inner_text("[data-action=capture]").strip()
    hint = page.inner_text("[data-no-card-yet]")
    assert take_now in hint and {"id": "mengetik data Anda sendiri", "en": "type your details yourself"}[lang] in hint
    whole_on_the_glass(page, "the KTP screen, no card seen for a while")
    page.tap("[data-action=capture]")  # "Take the photo now"
    page.wait_for_selector("[data-no-card]:not([hidden])", timeout=30000)
    settled(page)
    shot(page, f"h38e-ktp-no-card-{size}-{lang}", full_page=False)
    assert not page.is_visible("[data-no-card-yet]")  # said once: the line beside the buttons now
    help_line = page.inner_text("[data-no-card-help]")
    # the line names the two buttons beside it, as they read, and what the second one leads to
    for button in ("[data-no-card] [data-action=retake]", "[data-no-card] [data-action=keep-photo]"):
        assert page.inner_text(button).strip() in help_line, (button, help_line)
    assert {"id": "ketik data Anda sendiri", "en": "type your details yourself"}[lang] in help_line
    whole_on_the_glass(page, "the KTP screen, no card in the photo")
    page.tap("[data-no-card] [data-action=keep-photo]")
    page.wait_for_selector("[data-capture-done]:not([hidden])")
    assert not page.is_visible("[data-no-card-help]")
    page.tap("section[data-screen=ktp] [data-action=to-who]")
    page.wait_for_selector("section[data-screen=who]:not([hidden])")
    assert page.input_value("input[name=nik]") == ""  # nothing was read: the visitor types it
