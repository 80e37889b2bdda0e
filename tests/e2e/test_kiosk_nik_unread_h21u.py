"""h21u: the KTP photo is taken but its NIK could not be read (a thumb over the NIK's digits): the
kiosk says so plainly, "NIK tidak terbaca" (h22: "Hampir selesai" on step 1 of 6 read as the whole form
almost done) and that the NIK must be typed, and beside the empty NIK box
"NIK belum terbaca dari KTP, ketik 16 angka NIK Anda". A card whose NIK was read says neither."""
from __future__ import annotations

import cv2
import pytest

from tests.kiosk.e2e_support import PORTRAIT, TABLET, enrol_page, ktp_with_thumb_on_nik, upload_ktp

from .axe import axe_source, violations

WORDS = {
    "id": {"saved": "Foto KTP tersimpan", "title": "NIK tidak terbaca", "must": "ketik 16 angka NIK", "note": "NIK belum terbaca dari KTP, ketik 16 angka NIK Anda"},
    "en": {"saved": "KTP photo saved", "title": "NIK not read", "must": "type your 16-digit NIK", "note": "type your 16-digit NIK"},
}


def _thumb_jpeg() -> bytes:
    ok, buf = cv2.imencode(".jpg", ktp_with_thumb_on_nik(), [cv2.IMWRITE_JPEG_QUALITY, 92])
    assert ok
    return buf.tobytes()


def _to_ktp(app, browser, live_server, size, lang):
    page = enrol_page(app, browser, live_server, size)
    page.wait_for_selector("body[data-ready]")
    if lang == "en":
        page.goto(f"{live_server}/kiosk/?lang=en")
        page.wait_for_selector("html[lang=en] body[data-ready]")
    page.click("[data-action=checkin]")
    page.wait_for_selector("section[data-screen=ktp]:not([hidden])")
    return page


@pytest.mark.parametrize(("lang", "size", "name"), [("id", TABLET, "1280x800"), ("en", PORTRAIT, "1080x1920")])
def test_a_ktp_whose_nik_was_not_read_says_so_and_asks_to_type_the_nik(
        app, live_server, browser, shot, lang, size, name):
    page = _to_ktp(app, browser, live_server, size, lang)
    upload_ktp(page, _thumb_jpeg())
    words = WORDS[lang]
    title = page.locator("[data-nik-unread-title]")
    assert title.is_visible() and title.inner_text() == words["title"]
    assert words["must"] in page.inner_text("[data-capture-read]")
    # h43x: what stands above "NIK not read" says what did succeed, never a plain "success"
    assert page.inner_text("[data-guidance]").strip() == words["saved"]
    page.screenshot(path=f"/tmp/h21u/7-nik-unread-ktp-{lang}-{name}.png")
    assert violations(page, axe_source()) == []

    page.click("[data-action=to-who]")
    page.wait_for_selector("section[data-screen=who]:not([hidden])")
    nik = page.locator("input[name=nik]")
    assert nik.input_value() == ""
    note = page.locator("[data-nik-unread]")
    assert note.is_visible() and words["note"] in note.inner_text()
    assert "k-nik-unread" in (nik.get_attribute("aria-describedby") or "").split()
    page.screenshot(path=f"/tmp/h21u/7-nik-unread-who-{lang}-{name}.png")
    shot(page, f"h21u-nik-unread-who-{lang}-{name}", full_page=False)
    assert violations(page, axe_source()) == []
    nik.fill("3")
    nik.dispatch_event("input")
    assert not note.is_visible(), "the note goes once the visitor types"


def test_a_ktp_whose_nik_was_read_says_neither(app, live_server, browser):
    page = _to_ktp(app, browser, live_server, TABLET, "id")
    upload_ktp(page)
    assert not page.locator("[data-nik-unread-title]").is_visible()
    # h43x: the whole card read: a success; h47g: said once, in the words of the line under the heading
    assert page.locator("[data-guidance]").text_content().strip() == "Foto KTP sudah diambil"
    page.click("[data-action=to-who]")
    page.wait_for_selector("section[data-screen=who]:not([hidden])")
    assert page.locator("input[name=nik]").input_value() != ""
    assert not page.locator("[data-nik-unread]").is_visible()
