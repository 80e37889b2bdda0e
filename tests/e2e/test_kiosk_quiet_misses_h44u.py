"""h44u: "Sama seperti terakhir" with digits that match no earlier visit, and a KTP held up to "Lihat
jawaban dan tiket saya" that finds no visit today (or whose NIK is not read), are the visitor's
ordinary misses: the kiosk says them in words, and the browser's console logs no failed load for them
(as for a wrong ticket code, h39b, and a mistyped NIK, h44k). A failure the kiosk did not expect is
still logged."""
from __future__ import annotations

import base64
import json
from pathlib import Path

import cv2
import numpy as np
import pytest

from tests import factories
from tests.e2e.video import write_y4m
from tests.kiosk.e2e_support import TABLET, enrol_page, ktp_jpeg, logged_failures, to_the_who_screen

from .settle import settled

SHOTS = Path("/tmp/h44u")
NIK = "3373024107900001"  # synthetic: Kota Salatiga, born 01/07/1990, female
NO_RECALL = {"id": "Tidak ditemukan kunjungan sebelumnya", "en": "No earlier visit matches"}
NO_VISIT = {"id": "Tidak ada kunjungan hari ini", "en": "No visit today matches"}
NOT_READ = {"id": "NIK tidak terbaca dari kartu", "en": "The NIK could not be read"}

# The kiosk's own upload of a photo, from inside the page (its cookie, its CSRF token): the capture
# token a frame that captures would carry, for this kiosk.
CAPTURE = """async (b64) => {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const form = new FormData();
  form.append('frame', new Blob([bytes], {type: 'image/jpeg'}), 'ktp.jpg');
  form.append('session', 'h44u-find-' + Math.random().toString(36).slice(2));
  form.append('mode', 'ktp');
  form.append('capture', '1');
  const r = await fetch('/kiosk/api/v1/scan', {method: 'POST', body: form,
    headers: {'X-CSRFToken': document.querySelector('meta[name="csrf-token"]').content}});
  return (await r.json()).capture.id;
}"""


def _lang(page, live_server, lang: str) -> None:
    if lang == "en":
        page.goto(f"{live_server}/kiosk/?lang=en")
        page.wait_for_selector("html[lang=en] body[data-ready]")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_same_as_last_time_with_wrong_digits_is_said_without_a_console_error(app, live_server, browser, lang):
    with app.app_context():
        factories.visit("checked_out", visitor=factories.visitor(nik=NIK, phone="081234560001"))
    page = enrol_page(app, browser, live_server, TABLET)
    _lang(page, live_server, lang)
    to_the_who_screen(page)
    logged = logged_failures(page)
    page.fill("input[name=nik]", NIK)
    page.fill("input[name=phone_last4]", "9999")
    page.click("[data-action=recall]")
    page.wait_for_function("(t) => document.querySelector('[data-error-for=recall]').textContent.includes(t)",
                           arg=NO_RECALL[lang])
    settled(page)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"1-recall-wrong-digits-1280x800-{lang}.png"))
    assert logged == [], logged
    assert page.input_value("input[name=institution]") == ""  # nothing of the earlier visit filled in

    # the right digits still fill the details in
    page.fill("input[name=phone_last4]", "0001")
    page.click("[data-action=recall]")
    page.wait_for_function("() => document.querySelector('input[name=institution]').value !== ''")
    assert logged == [], logged


def _grey_video(path: Path) -> Path:
    return write_y4m(path, [np.full((720, 1280, 3), 120, np.uint8)] * 4)


def _hold_up(page, jpeg: bytes) -> None:
    """The camera on the find screen captures the card in `jpeg`: the frame loop's answer carries this
    kiosk's real capture token for that photo (the fake camera itself shows only grey)."""
    token = page.evaluate(CAPTURE, base64.b64encode(jpeg).decode())
    answered = {"done": False}

    def frame(route):
        if answered["done"]:
            route.fulfill(status=200, content_type="application/json", body=json.dumps(
                {"captured": False, "result": {"corners": None}, "guidance": "no_card", "message": ""}))
            return
        answered["done"] = True
        route.fulfill(status=200, content_type="application/json", body=json.dumps(
            {"captured": True, "capture": {"id": token}, "result": {"corners": None}, "guidance": "ready",
             "message": ""}))

    page.route("**/kiosk/api/v1/frames?*", frame)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_ktp_that_finds_no_visit_today_is_said_without_a_console_error(
        app, live_server, launch_browser, tmp_path, lang):
    page = enrol_page(app, launch_browser(fake_video=_grey_video(tmp_path / "grey.y4m")), live_server, TABLET)
    _lang(page, live_server, lang)
    logged = logged_failures(page)
    jpeg, _person = ktp_jpeg(seed=44)  # a card whose holder has no visit today
    _hold_up(page, jpeg)
    page.click("[data-action=find-answer]")
    page.wait_for_selector("[data-screen=find]:not([hidden])")
    page.wait_for_selector("input[name=find_nik][aria-invalid=true]", timeout=60000)
    said = page.inner_text("[data-screen=find]")
    assert NO_VISIT[lang] in said, said
    settled(page)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"2-card-no-visit-today-1280x800-{lang}.png"))
    assert logged == [], logged
    assert page.evaluate("document.activeElement.name") == "find_nik"  # where the visitor types next


def test_a_card_whose_nik_is_not_read_is_said_quietly_and_a_forged_capture_is_still_logged(
        app, live_server, launch_browser, tmp_path):
    page = enrol_page(app, launch_browser(fake_video=_grey_video(tmp_path / "grey.y4m")), live_server, TABLET)
    logged = logged_failures(page)
    ok, desk = cv2.imencode(".jpg", np.full((720, 1280, 3), 128, np.uint8))  # no card in the picture
    assert ok
    _hold_up(page, desk.tobytes())
    page.click("[data-action=find-answer]")
    page.wait_for_selector("input[name=find_nik][aria-invalid=true]", timeout=60000)
    assert NOT_READ["id"] in page.inner_text("[data-screen=find]")
    assert logged == [], logged

    # a capture token the server does not know is no visitor's miss: still a failed load (400)
    page.unroute("**/kiosk/api/v1/frames?*")
    with page.expect_console_message(lambda m: m.type == "error" and "400" in m.text):
        answer = page.evaluate("""async () => (await fetch('/kiosk/api/v1/visits/find-by-card', {method: 'POST',
          headers: {'Content-Type': 'application/json',
                    'X-CSRFToken': document.querySelector('meta[name="csrf-token"]').content},
          body: JSON.stringify({capture: 'forged.token'})})).status""")
    assert answer == 400
    assert any(kind == "error" and "400" in text for kind, text in logged), logged
