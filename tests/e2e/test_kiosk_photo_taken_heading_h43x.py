"""h43x: the 7 December walk (docs/kiosk.md, h43w) saw the KTP screen still asking "Tunjukkan KTP Anda ke
kamera" above the photo already taken, and a green "Berhasil!" above "NIK tidak terbaca". Once the photo
is taken the heading names what the screen shows, and asks for the card again only when the visitor
takes it again; what stands above "NIK tidak terbaca" never reads as "success"."""
from __future__ import annotations

from tests.kiosk.e2e_support import TABLET, enrol_page

from .axe import axe_source, violations
from .test_kiosk_alone import _empty_desk_video

WORDS = {"id": {"aim": "Tunjukkan KTP Anda ke kamera", "taken": "Foto KTP Anda", "success": "Berhasil"},
         "en": {"aim": "Show your KTP to the camera", "taken": "A photo of your KTP", "success": "Got it"}}
HEADING = "section[data-screen=ktp] .k-side > h1"


def test_once_the_photo_is_taken_the_heading_no_longer_asks_for_the_card(app, live_server, launch_browser,
                                                                         tmp_path):
    browser = launch_browser(fake_video=_empty_desk_video(tmp_path / "desk.y4m"))
    page = enrol_page(app, browser, live_server, TABLET)
    for lang, words in WORDS.items():
        page.goto(f"{live_server}/kiosk/?lang={lang}")
        page.wait_for_selector(f"html[lang={lang}] body[data-ready]")
        page.click("[data-action=checkin]")
        page.wait_for_selector("section[data-screen=ktp]:not([hidden])")
        assert page.inner_text(HEADING) == words["aim"]
        # a card the camera does not read: "Take the photo now", then kept as a photo (the NIK unread)
        page.click("[data-action=capture]")
        page.wait_for_selector("[data-no-card]:not([hidden])", timeout=15000)
        page.click("[data-action=keep-photo]")
        page.wait_for_selector("[data-capture-done]:not([hidden])")
        assert page.inner_text(HEADING) == words["taken"]
        assert page.is_visible("[data-nik-unread-title]")
        assert words["success"] not in page.inner_text("[data-guidance]")
        page.screenshot(path=f"/tmp/h43x/kiosk-ktp-taken-nik-unread-1280x800-{lang}.png")
        assert violations(page, axe_source()) == []
        page.click("[data-capture-done] [data-action=retake]")
        page.wait_for_selector("[data-capture-done]", state="hidden")
        assert page.inner_text(HEADING) == words["aim"]  # asked again, only now
