"""A thumb over the NIK in real chromium (Run 14x): the fake camera shows a KTP held still with a
thumb over the NIK's middle digits. The screen under the camera says, in big plain words, to move
the finger (passing axe-core as it is shown), and after a few seconds the card is captured anyway:
a wrongly seen finger must cost the visitor seconds, not the capture."""
from __future__ import annotations

from tests.e2e.axe import axe_source, violations
from tests.e2e.video import write_y4m
from tests.kiosk.e2e_support import CAPTURE_WAIT_MS, TABLET, enrol_page, ktp_with_thumb_on_nik


def test_the_kiosk_asks_to_move_a_finger_off_the_nik_then_captures_the_card_anyway(
        app, live_server, launch_browser, tmp_path):
    video = write_y4m(tmp_path / "thumb.y4m", [ktp_with_thumb_on_nik()] * 10)  # looped: held still, thumb and all
    page = enrol_page(app, launch_browser(fake_video=video), live_server, TABLET)
    page.click("[data-action=checkin]")
    page.wait_for_function("() => (document.querySelector('[data-guidance]') || {}).textContent"
                           " === 'Jari Anda menutupi tulisan di KTP. Pegang KTP di bagian pinggir.'", timeout=30000)
    assert violations(page, axe_source()) == []
    size = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('[data-guidance]')).fontSize)")
    assert size >= 18  # read at arm's length
    page.wait_for_selector("[data-capture-done]:not([hidden])", timeout=CAPTURE_WAIT_MS)
    assert page.errors == []
