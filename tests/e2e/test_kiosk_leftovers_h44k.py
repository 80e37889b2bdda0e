"""h44k: the kiosk's leftovers from the 7 December walk (docs/kiosk.md, h43w).

Without a camera the way most visitors take is "Lanjut tanpa foto KTP" (type one's details, show the
original KTP at the desk, h43n): it is the one filled button, "Unggah foto saja" an outlined one beside
it. A KTP photo whose NIK was not read says once that the photo is kept, and then what to do next. A
kiosk without a camera never asks for the KTP "to the camera", even when its photo is lost on the way.
A refusal the kiosk expects and says in words (a NIK mistyped, the rules not ticked or signed) is no
error in the browser's console; a refusal it did not expect still is. While the visitor waits, the
screen says how long today's requests usually waited, once today has three decisions or more."""
from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from lpsedesk.models import utcnow
from tests import factories

from tests.kiosk.e2e_support import SMALL, TABLET, enrol_page, on_to_the_rules, sign, typed_visitor_sends, upload_ktp

from .axe import axe_source, violations
from .settle import settled
from .test_kiosk_nik_unread_h21u import _thumb_jpeg

SHOTS = Path("/tmp/h44k")
NIK = "3373024107900001"  # synthetic: Kota Salatiga, born 01/07/1990, female
GO_ON = "section[data-screen=ktp] [data-action=no-photo]"
UPLOAD = "section[data-screen=ktp] label.k-file"
# a filled button paints its background; an outlined one is white (or nothing) inside its border
FILLED = """(sel) => {
  const bg = getComputedStyle(document.querySelector(sel)).backgroundColor;
  return !["rgba(0, 0, 0, 0)", "rgb(255, 255, 255)"].includes(bg);
}"""
WORDS = {"id": {"go_on": "Lanjut tanpa foto KTP", "upload": "Unggah foto saja"},
         "en": {"go_on": "Continue without a KTP photo", "upload": "Upload a photo instead"}}


def _in_sight(page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    size = page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= size["height"]


def _to_ktp_without_camera(page, base: str, lang: str) -> None:
    page.goto(f"{base}/kiosk/?lang={lang}")
    page.wait_for_selector(f"html[lang={lang}] body[data-ready]")
    page.click("[data-action=checkin]")
    page.wait_for_selector("section[data-screen=ktp].k-no-camera:not([hidden])")


def test_without_a_camera_going_on_without_a_photo_is_the_one_filled_button(app, live_server, browser):
    SHOTS.mkdir(exist_ok=True)
    page = enrol_page(app, browser, live_server, TABLET)  # the plain chromium has no camera
    for size, name in ((TABLET, "1280x800"), (SMALL, "1024x768")):
        page.set_viewport_size(size)
        for lang, words in WORDS.items():
            _to_ktp_without_camera(page, live_server, lang)
            assert page.inner_text(GO_ON) == words["go_on"]
            assert page.inner_text(UPLOAD).strip() == words["upload"]
            assert page.evaluate(FILLED, GO_ON), "the way most visitors take is filled"
            assert not page.evaluate(FILLED, UPLOAD), "the upload is a secondary, outlined button"
            assert "k-btn-secondary" in page.get_attribute(UPLOAD, "class")
            assert page.locator(GO_ON).bounding_box()["y"] < page.locator(UPLOAD).bounding_box()["y"]
            assert _in_sight(page, GO_ON) and _in_sight(page, UPLOAD)
            page.screenshot(path=str(SHOTS / f"ktp-no-camera-{name}-{lang}.png"))
            assert violations(page, axe_source()) == []
    assert not page.errors, page.errors


def test_a_photo_whose_nik_was_not_read_says_it_is_saved_once_and_what_to_do_next(app, live_server, browser):
    SHOTS.mkdir(exist_ok=True)
    page = enrol_page(app, browser, live_server, TABLET)
    for lang, saved, taken, next_step in (
            ("id", "Foto KTP tersimpan", "Foto KTP sudah diambil", 'Sentuh "Lanjut"'),
            ("en", "KTP photo saved", "KTP photo taken", 'Touch "Continue"')):
        _to_ktp_without_camera(page, live_server, lang)
        upload_ktp(page, _thumb_jpeg())
        side = page.inner_text("section[data-screen=ktp] .k-side")
        assert page.inner_text("[data-guidance]").strip() == saved
        assert taken not in side, "the photo is said to be kept once, not twice one above the other"
        assert side.count(saved) == 1
        assert next_step in page.inner_text("[data-capture-read]")
        assert page.is_visible("[data-nik-unread-title]")
        page.screenshot(path=str(SHOTS / f"ktp-nik-unread-1280x800-{lang}.png"))
        assert violations(page, axe_source()) == []
        # a NIK that was read still hears "KTP photo taken" and the NIK
        page.click("[data-capture-done] [data-action=retake]")
        person = upload_ktp(page)
        assert page.is_visible("[data-photo-taken]") and person.nik in page.inner_text("[data-capture-read]")
    assert not page.errors, page.errors


def _lose_the_photo(route) -> None:
    """The request goes with a capture the server no longer knows (a token spoiled on the way)."""
    body = json.loads(route.request.post_data or "{}")
    body["capture"] = "spoiled"
    route.continue_(post_data=json.dumps(body))


def _expired(route) -> None:
    """The request itself (not a step's check) answered as the server answers a photo gone from storage."""
    if json.loads(route.request.post_data or "{}").get("validate_only"):
        route.continue_()
        return
    route.fulfill(status=400, content_type="application/json", body=json.dumps({
        "error": "capture_expired", "message": "Foto KTP sudah kedaluwarsa.",
        "fields": {"capture": "Foto KTP sudah kedaluwarsa. Silakan tunjukkan KTP Anda ke kamera lagi."}}))


def test_expected_refusals_are_quiet_and_a_lost_photo_never_names_the_camera(app, live_server, browser):
    SHOTS.mkdir(exist_ok=True)
    page = enrol_page(app, browser, live_server, TABLET)
    _to_ktp_without_camera(page, live_server, "id")
    upload_ktp(page, _thumb_jpeg())
    page.click("[data-action=to-who]")
    page.wait_for_selector("section[data-screen=who]:not([hidden])")
    page.fill("input[name=full_name]", "Sari Uji Coba")
    page.fill("input[name=phone]", "081234560077")
    # sixteen digits that are no NIK (no region 99): said beside the box, no error in the console
    page.fill("input[name=nik]", "9999024107900001")
    page.wait_for_selector("[data-error-for=nik]:not(:empty)")
    assert "kode wilayah" in page.inner_text("[data-error-for=nik]")
    page.fill("input[name=nik]", NIK)
    on_to_the_rules(page)
    # "Kirim" before ticking and signing: both said beside their boxes, nothing sent, nothing logged
    page.click("[data-action=submit]")
    page.wait_for_selector("[data-error-for=rules_accepted]:not(:empty)")
    assert page.inner_text("[data-error-for=signature]").strip()
    assert page.is_visible("section[data-screen=rules]")
    assert not page.errors, page.errors

    # the photo lost on the way: back on the KTP screen, in words without a camera
    page.check("[data-rules]")
    sign(page)
    page.route("**/kiosk/api/v1/visits", _lose_the_photo)
    page.click("[data-action=submit]")
    page.wait_for_selector("section[data-screen=ktp]:not([hidden]) [data-ktp-error]:not(:empty)")
    said = page.inner_text("[data-ktp-error]")
    assert "Lanjut tanpa foto KTP" in said and "kamera" not in said.lower(), said
    assert "kamera" not in page.inner_text("[data-guidance]").lower()
    page.screenshot(path=str(SHOTS / "ktp-no-camera-photo-lost-1280x800-id.png"))
    # a refusal the kiosk did not expect is still a console error
    assert any("400" in e for e in page.errors), page.errors
    page.unroute("**/kiosk/api/v1/visits")

    # the server's "photo expired" (its words name the camera) is said without it too
    page.route("**/kiosk/api/v1/visits", _expired)
    upload_ktp(page)
    page.click("[data-action=to-who]")
    on_to_the_rules(page)
    page.check("[data-rules]")
    sign(page)
    page.click("[data-action=submit]")
    page.wait_for_selector("section[data-screen=ktp]:not([hidden]) [data-ktp-error]:not(:empty)")
    said = page.inner_text("[data-ktp-error]")
    assert "kedaluwarsa" in said and "kamera" not in said.lower(), said


def test_the_waiting_screen_says_how_long_todays_requests_usually_waited(app, live_server, browser):
    SHOTS.mkdir(exist_ok=True)
    with app.app_context():
        # three requests decided today, after 4, 10 and 30 minutes: usually about 10
        for decided_at, waited in zip(factories.earlier_today(utcnow(), 3), (4, 10, 30)):
            factories.visit("approved" if waited != 10 else "denied", decided_at=decided_at,
                            submitted_at=decided_at - timedelta(minutes=waited))
    page = enrol_page(app, browser, live_server, TABLET)
    _to_ktp_without_camera(page, live_server, "id")
    page.click(GO_ON)
    page.wait_for_selector("section[data-screen=who]:not([hidden])")
    typed_visitor_sends(page, NIK)
    typical = page.locator("[data-status-typical]")
    assert typical.is_visible() and typical.inner_text() == "Biasanya diputuskan dalam sekitar 10 menit."
    for size, name in ((TABLET, "1280x800"), (SMALL, "1024x768")):
        page.set_viewport_size(size)
        settled(page)
        assert _in_sight(page, "[data-status-typical]") and _in_sight(page, "[data-action=finish]")
        page.screenshot(path=str(SHOTS / f"waiting-typical-{name}-id.png"))
    assert violations(page, axe_source()) == []
    assert not page.errors, page.errors
