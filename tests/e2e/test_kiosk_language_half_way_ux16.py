"""ux16: an elderly visitor who finds the Indonesian hard asks for English half-way through the guest
book. The ID/EN switch was on the start screen only. Every screen that offers "Ulang dari awal" now
offers the other language beside it, in its own name; since the page is made again in that language
(nothing of the visitor is kept, as with starting over), it asks first, in English first and then in
Indonesian; "Tidak" keeps what was typed. At 1024x768 the header stays one line."""
from __future__ import annotations

import pytest

from tests.kiosk.e2e_support import TABLET, enrol_page, to_the_who_screen

from .axe import axe_source, violations
from .test_decided_while_asked_ux14 import SMALL


@pytest.mark.parametrize("viewport", [TABLET, SMALL], ids=["1280x800", "1024x768"])
def test_a_visitor_half_way_switches_to_english_after_being_asked(app, live_server, browser, shot, viewport):
    page = enrol_page(app, browser, live_server, viewport)
    switch = page.locator(".k-top [data-action=lang-switch]")
    assert not switch.is_visible(), "the start screen has its own language choice"
    to_the_who_screen(page)
    assert switch.inner_text() == "English" and switch.get_attribute("lang") == "en"
    box, top = switch.bounding_box(), page.locator(".k-top").bounding_box()
    assert box["height"] >= 44 and top["height"] < 100, (box, top)  # one header line
    recall = page.locator("[data-action=recall]").bounding_box()
    bar = page.locator("section[data-screen=who] .k-actions").bounding_box()
    assert recall["y"] + recall["height"] <= bar["y"], "the recall button stays above the button bar"
    page.fill("input[name=phone]", "081234560077")

    switch.click()
    question = page.locator("dialog[data-dialog=lang-switch]")
    assert question.is_visible()
    assert question.locator("h2").inner_text() == "Switch to English?"
    assert "what you entered here is deleted" in question.inner_text()
    assert "Ganti ke English?" in question.inner_text()
    shot(page, f"ux16-kiosk-switch-language-asked-{viewport['width']}", full_page=False)
    assert violations(page, axe_source()) == []
    question.locator("button[value=cancel]").click()
    assert page.input_value("input[name=phone]") == "081234560077"

    switch.click()
    with page.expect_navigation():
        question.locator("button[value=ok]").click()
    page.wait_for_selector("html[lang=en] body[data-ready]")
    assert page.evaluate("document.body.dataset.screen") == "welcome"
    page.click("[data-action=checkin]")
    assert page.locator("section[data-screen=ktp] h1").inner_text() in ("Show your KTP to the camera",
                                                                        "A photo of your KTP")
    back = page.locator(".k-top [data-action=lang-switch]")
    assert back.inner_text() == "Bahasa Indonesia"
