"""h46g: the small wrong turns h46e's stranger walk left (docs/kiosk.md, "Stranger walk, 7 December (h46e)").

- The KTP screen had no "Kembali": a visitor who touched the start screen by mistake found only "Ulang dari
  awal", which warned "Semua yang sudah Anda isi ... akan dihapus" with nothing entered. "Kembali" now
  goes back to the start without a question while nothing was given, and asks once something was, in
  words that claim nothing that is not there (the photo alone: h46e's walk in test_kiosk_stranger_h46e.py).
- "Lihat jawaban dan tiket saya" with wrong digits said the miss three times: once now, beside the digits.
- A camera the browser refused read as a missing one ("Kamera tidak tersedia"): it says the camera is
  blocked and to ask the helpdesk officer; a missing one reads as before; both keep the ways without it.
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from tests import factories
from tests.kiosk.e2e_support import SMALL, TABLET, enrol_page

from .settle import settled
from .test_kiosk_find_without_camera_keyboard_h29u import whole_on_the_glass

pytestmark = pytest.mark.layout

SHOTS = Path("/tmp/h46g")

# the browser's answer when the kiosk's camera permission is denied
REFUSE_CAMERA = """navigator.mediaDevices.getUserMedia = () =>
  Promise.reject(new DOMException("Permission denied", "NotAllowedError"));"""


def _shot(page, shot, name: str) -> None:
    settled(page)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))
    shot(page, f"h46g-{name}", full_page=False)


def start_over_question(page, then_shoot=None) -> str:
    """The open "Ulang dari awal?" question's text, answered "no" (after `then_shoot(page)`, if given)."""
    page.wait_for_selector("[data-dialog=start-over][open]")
    question = page.inner_text("[data-dialog=start-over]")
    if then_shoot:
        then_shoot(page)
    page.click("[data-dialog=start-over] button[value=cancel]")
    page.wait_for_selector("[data-dialog=start-over]", state="hidden")
    return question


def _back_goes_to_the_start_unasked(page) -> None:
    """Kembali on the KTP screen leaves for the start screen by itself: no question waits for a tap
    (a question would stop the page from loading again, and the wait would end in a timeout)."""
    with page.expect_navigation():
        page.click("section[data-screen=ktp] [data-action=ktp-back]")
    page.wait_for_selector("body[data-ready][data-screen=welcome]")


@pytest.mark.parametrize(("size", "name", "refused"), [(TABLET, "1280x800", True), (SMALL, "1024x768", False)])
def test_back_from_the_ktp_screen_a_refused_camera_and_a_miss_said_once(
        app, live_server, browser, shot, size, name, refused):
    with app.app_context():
        factories.visit("pending", submitted_at=datetime.now(timezone.utc),
                        visitor=factories.visitor(nik="3373024107900001", phone="081234560001"))
    page = enrol_page(app, browser, live_server, size)
    if refused:
        page.context.add_init_script(REFUSE_CAMERA)
        page.reload()
        page.wait_for_selector("body[data-ready][data-screen=welcome]")

    # a touch on the start screen by mistake: the KTP screen, whose camera is refused or missing
    page.click("[data-action=checkin]")
    page.wait_for_selector("section[data-screen=ktp].k-no-camera:not([hidden])")
    said = page.inner_text("section[data-screen=ktp] [data-guidance]")
    in_the_box = page.inner_text("section[data-screen=ktp] [data-camera-off]")
    if refused:
        assert "diblokir" in said and "tidak tersedia" not in said, said
        assert "diblokir" in in_the_box and "petugas helpdesk" in in_the_box, in_the_box
    else:
        assert said.startswith("Kamera tidak tersedia") and "diblokir" not in said, said
        assert in_the_box == "Tidak ada kamera", in_the_box
    # either way the ways on without a camera stay: go on and type one's details, or upload
    assert page.is_visible("[data-action=no-photo]") and page.is_visible("section[data-screen=ktp] .k-file")
    back = page.locator("section[data-screen=ktp] [data-action=ktp-back]")
    assert back.inner_text().strip() == "Kembali"
    _shot(page, shot, f"1-ktp-{'camera-refused' if refused else 'no-camera'}-{name}")
    whole_on_the_glass(page, f"the KTP screen, camera {'refused' if refused else 'missing'}")
    _back_goes_to_the_start_unasked(page)

    # something typed: Kembali asks first, in the words for what was typed; "no" keeps it
    page.click("[data-action=checkin]")
    page.wait_for_selector("section[data-screen=ktp].k-no-camera:not([hidden])")
    page.click("[data-action=no-photo]")
    page.wait_for_selector("section[data-screen=who]:not([hidden])")
    page.fill("input[name=full_name]", "Sumarni Hadi")
    page.click("section[data-screen=who] [data-action=back-ktp]")
    page.wait_for_selector("section[data-screen=ktp]:not([hidden])")
    page.click("section[data-screen=ktp] [data-action=ktp-back]")
    question = start_over_question(page, lambda p: _shot(p, shot, f"2-ktp-back-asks-{name}"))
    assert "Semua yang sudah Anda isi" in question and "Foto KTP" not in question, question
    assert page.evaluate("document.body.dataset.screen") == "ktp"
    assert page.input_value("input[name=full_name]") == "Sumarni Hadi"
    # cleared again by hand, nothing is left to lose: no question
    page.click("section[data-screen=ktp] [data-action=no-photo]")
    page.wait_for_selector("section[data-screen=who]:not([hidden])")
    page.fill("input[name=full_name]", "")
    page.click("section[data-screen=who] [data-action=back-ktp]")
    page.wait_for_selector("section[data-screen=ktp]:not([hidden])")
    _back_goes_to_the_start_unasked(page)

    # "Lihat jawaban dan tiket saya" with wrong digits: the miss said once, beside the digits
    page.click("[data-action=find-answer]")
    page.wait_for_selector("section[data-screen=find]:not([hidden])")
    page.fill("input[name=find_nik]", "3373024107900001")
    page.fill("input[name=find_last4]", "9999")
    page.click("[data-action=find-submit]")
    page.wait_for_selector("input[name=find_last4][aria-invalid=true]")
    said = page.locator("section[data-screen=find] .k-error").evaluate_all(
        "els => els.map((e) => e.textContent.trim()).filter(Boolean)")
    assert len(said) == 1, said
    beside = page.inner_text("[data-error-for=phone_last4]")
    assert said == [beside] and "4 angka" in beside and "NIK" in beside, said
    screen_text = page.inner_text("section[data-screen=find]")
    assert screen_text.count("Tidak ada kunjungan") == 1, screen_text
    assert page.evaluate("document.activeElement.name") == "find_last4"
    _shot(page, shot, f"3-find-wrong-digits-{name}")
    if refused:
        assert "diblokir" in page.inner_text("section[data-screen=find] [data-camera-off]")
    page.fill("input[name=find_last4]", "0001")
    page.click("[data-action=find-submit]")
    page.wait_for_selector("[data-screen=ticket]:not([hidden])")
    assert page.errors == [], page.errors
