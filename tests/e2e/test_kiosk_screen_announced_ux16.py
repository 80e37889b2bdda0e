"""ux16: every kiosk screen change is announced: the new screen's title (its h1) takes the focus, so a
screen reader says where the visitor now is (WCAG 2.4.3 focus order, 4.1.3 status).

Before, the focus fell to the page on every change: the title was looked up as `[data-screen=x] h1`,
which also matched through <body data-screen=x> and found the first title of the page (the hidden
welcome screen's). The find screen has two titles (answer, or leave without the ticket): the one shown
takes it. The survey screen's title is its question's (each question has its own h1)."""
from __future__ import annotations

import re

from tests import factories
from tests.kiosk.e2e_support import TABLET, enrol_page, on_to_the_rules, upload_ktp

from .axe import axe_source, violations
from .test_skm_survey import check_out_by_scanner, touch_kiosk

FOCUSED_TITLE = """(name) => {
  const a = document.activeElement;
  const section = document.querySelector(`section[data-screen="${name}"]`);
  return Boolean(a && a.tagName === "H1" && section.contains(a) && a.offsetParent !== null);
}"""


def title_has_focus(page, screen: str) -> str:
    """The shown screen's own title has the focus; returns it as the accessibility tree names it."""
    page.wait_for_selector(f"section[data-screen={screen}]:not([hidden])")
    assert page.evaluate(FOCUSED_TITLE, screen), \
        f"{screen}: focus on {page.evaluate('document.activeElement.outerHTML.slice(0, 80)')}"
    snapshot = page.locator(":focus").aria_snapshot()
    found = re.fullmatch(r'- heading "(.+)" \[level=1\]', snapshot)
    assert found, snapshot
    return found.group(1)


def test_each_check_in_screen_gives_its_title_the_focus(app, live_server, browser):
    page = enrol_page(app, browser, live_server, TABLET)
    page.wait_for_selector("body[data-ready]")
    page.click("[data-action=checkin]")
    # without a camera (this browser has none) the title turns to the photo's once the kiosk knows it
    assert title_has_focus(page, "ktp") in ("Tunjukkan KTP Anda ke kamera", "Foto KTP Anda")
    upload_ktp(page)
    page.click("[data-action=to-who]")
    assert title_has_focus(page, "who") == "Data diri Anda"
    page.fill("input[name=full_name]", "SITI RAHAYU")
    page.fill("input[name=phone]", "081234560077")
    page.click("[data-action=to-from]")
    assert title_has_focus(page, "from") == "Asal Anda"
    page.click("[data-action=back-who]")
    assert title_has_focus(page, "who") == "Data diri Anda"
    on_to_the_rules(page)
    assert title_has_focus(page, "rules") == "Tata tertib fasilitas"
    page.click("section[data-screen=rules] [data-action=back-what]")
    assert title_has_focus(page, "what") == "Keperluan Anda"


def test_leaving_without_the_ticket_focuses_the_title_shown(app, live_server, browser):
    page = enrol_page(app, browser, live_server, TABLET)
    page.wait_for_selector("body[data-ready]")
    page.click("[data-action=checkout]")
    assert title_has_focus(page, "checkout") == "Keluar"
    page.click("[data-action=find-checkout]")
    # the find screen's first title ("Tampilkan jawaban dan tiket saya") is hidden in this mode
    assert title_has_focus(page, "find") == "Keluar tanpa tiket"


def test_checking_out_and_the_survey_announce_each_screen(app, live_server, browser, shot):
    with app.app_context():
        ticket = factories.visit("approved").ticket_code
    page = touch_kiosk(app, browser, live_server)
    page.wait_for_selector("body[data-ready]")
    check_out_by_scanner(page, ticket)
    assert title_has_focus(page, "checkout-done") == "Terima kasih atas kunjungan Anda!"
    page.tap("[data-action=survey-start]")
    first = title_has_focus(page, "survey")
    assert first == page.inner_text("[data-survey-step][data-key=persyaratan] h1")
    shot(page, "ux16-kiosk-survey-title-focused", full_page=False)
    assert violations(page, axe_source()) == []
    page.tap("[data-survey-step][data-key=persyaratan] [data-score='4']")
    page.wait_for_selector("[data-survey-step][data-key=persyaratan]", state="hidden")
    second = title_has_focus(page, "survey")
    assert second != first and second == page.inner_text("[data-survey-step]:not([hidden]) h1")
    assert page.errors == []
