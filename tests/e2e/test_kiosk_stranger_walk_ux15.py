"""ux15: an elderly first-time visitor walked the kiosk at 1280x800 and 1024x768 (Indonesian).

- On the KTP screen "Memakai KTP digital (IKD)? ..." and "Diundang? ..." sat below the screen's edge
  (after the guidance and the button, in the side column): a visitor with a digital KTP or an
  invitation never saw them. They stand under the camera now, on the screen.
- "Pernah berkunjung?" asked for the last 4 digits of the "nomor telepon" while the field above says
  "Nomor ponsel" (and every other kiosk text says ponsel): which number? It says "nomor ponsel".
(The waiting card's "what happens next" is tested with the card's fit: test_ticket_card_fits_short_screens_ux15.)"""
from __future__ import annotations

import pytest

from tests.kiosk.e2e_support import TABLET, enrol_page

from .axe import axe_source, violations
from .settle import settled
from .test_decided_while_asked_ux14 import SMALL
from .test_kiosk_alone import _empty_desk_video


@pytest.mark.parametrize("viewport", [TABLET, SMALL], ids=["1280x800", "1024x768"])
def test_the_ktp_screen_shows_what_else_the_camera_reads_on_the_screen(app, live_server, launch_browser, tmp_path,
                                                                      shot, viewport):
    video = _empty_desk_video(tmp_path / "desk.y4m")
    page = enrol_page(app, launch_browser(fake_video=video), live_server, viewport)
    page.click("[data-action=checkin]")
    page.wait_for_selector("[data-screen=ktp]:not([hidden])")
    page.wait_for_selector("video[data-video=ktp]")
    settled(page)
    for text in ("Memakai KTP digital (IKD)? Tunjukkan juga kode QR-nya ke kamera.",
                 "Diundang? Tunjukkan juga kode QR undangan ke kamera atau pemindai."):
        hint = page.get_by_text(text, exact=True)
        assert hint.is_visible(), text
        box = hint.bounding_box()
        assert box["y"] + box["height"] <= viewport["height"], f"{text} ends at {box['y'] + box['height']:.0f}"
    assert page.evaluate("document.scrollingElement.scrollTop") == 0
    shot(page, f"ux15-kiosk-ktp-hints-{viewport['width']}", full_page=False)
    assert violations(page, axe_source()) == []


def test_been_here_before_names_the_same_mobile_number_as_the_field(app, live_server, browser):
    page = enrol_page(app, browser, live_server, TABLET)
    text = page.evaluate("() => document.querySelector('[data-screen=who]').textContent")
    assert "Masukkan 4 angka terakhir nomor ponsel Anda untuk mengisi data secara otomatis." in " ".join(text.split())
    assert "nomor telepon" not in text
