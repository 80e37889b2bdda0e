"""A thumb over the NIK in real chromium (Run 14x): the fake camera shows a KTP held still with a
thumb over the NIK's middle digits. The screen under the camera says, in big plain words, to move
the finger (passing axe-core as it is shown), and after a few seconds the card is captured anyway:
a wrongly seen finger must cost the visitor seconds, not the capture. Those seconds are the frames'
own times, which the page sends with each frame (Run 45p), whatever pace this machine allows."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from tests.e2e.axe import axe_source, violations
from tests.e2e.video import write_y4m
from tests.kiosk.e2e_support import CAPTURE_WAIT_MS, TABLET, enrol_page, ktp_with_thumb_on_nik


def test_the_kiosk_asks_to_move_a_finger_off_the_nik_then_captures_the_card_anyway(
        app, live_server, launch_browser, tmp_path):
    video = write_y4m(tmp_path / "thumb.y4m", [ktp_with_thumb_on_nik()] * 10)  # looped: held still, thumb and all
    page = enrol_page(app, launch_browser(fake_video=video), live_server, TABLET)
    answers: list = []
    page.on("response", lambda r: answers.append(r) if "/kiosk/api/v1/frames?" in r.url else None)
    page.click("[data-action=checkin]")
    page.wait_for_function("() => (document.querySelector('[data-guidance]') || {}).textContent"
                           " === 'Jari Anda menutupi tulisan di KTP. Pegang KTP di bagian pinggir.'", timeout=30000)
    assert violations(page, axe_source()) == []
    size = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('[data-guidance]')).fontSize)")
    assert size >= 18  # read at arm's length
    page.wait_for_selector("[data-capture-done]:not([hidden])", timeout=CAPTURE_WAIT_MS)
    assert page.errors == []
    # Each frame went with when it was taken, and the card was taken (or its NIK looked for) only
    # 3 s of those times after it was first seen, the thumb told meanwhile, not after a count of frames.
    frames = [(float(parse_qs(urlparse(r.url).query)["t"][0]), r.json()) for r in answers if r.ok]
    times = [t for t, _ in frames]
    assert times == sorted(times) and len(set(times)) == len(times), times
    assert any(a["guidance"] == "finger_on_text" for _, a in frames)
    seen = next(t for t, a in frames if a["result"]["card"])
    taken = next(t for t, a in frames if a["captured"] or a.get("looking"))
    assert taken - seen >= 3000, (seen, taken)
