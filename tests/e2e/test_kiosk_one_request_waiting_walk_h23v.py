"""h23v: one request waiting per person and day (h22), walked in the browser. Dewi's request still
waits for the Kasubag; she fills the guest book again. The kiosk says so at her NIK on the step she
is on, in her language, readable above the button bar, with nothing she typed lost, the keyboard closed and
"Ulang dari awal" in sight; and the way it
names works from there: "Ulang dari awal", then "Lihat jawaban dan tiket saya" (in English the start
screen is in Bahasa Indonesia again, so the English message names that button as it reads there)
finds her first request, still waiting. When the first request arrives while she is already on the
last screen (sent from another kiosk), the answer to "Kirim" takes her back to the NIK with the same
message, her signature and tick kept."""
from __future__ import annotations

import pytest

from tests.kiosk.e2e_support import TABLET, enrol_page, on_to_the_rules, sign, to_the_who_screen

from .axe import axe_source, violations
from .settle import settled
from .test_kiosk_alone import _today_visit

NIK, PHONE = "3373024107900001", "081234560077"
SAID = {"id": "Permintaan dengan NIK ini sudah menunggu keputusan.",
        "en": "A request with this NIK is already waiting for a decision."}
FIND = "Lihat jawaban dan tiket saya"  # the start screen's button, in Bahasa Indonesia whatever the visitor read
IN_SIGHT = """(sel) => { const r = document.querySelector(sel).getBoundingClientRect();
  const bar = document.querySelector('section[data-screen=who] .k-actions').getBoundingClientRect().top;
  const osk = document.querySelector('.k-osk');
  const floor = Math.min(bar, osk.hidden ? innerHeight : osk.getBoundingClientRect().top);
  return {top: r.top, bottom: r.bottom, floor}; }"""


def _dewi_waits(app) -> str:
    _visit_id, ticket = _today_visit(app, "pending", full_name="DEWI LESTARI", nik=NIK, phone=PHONE)
    return ticket


def _who(page, lang: str) -> None:
    page.fill("input[name=nik]", NIK)
    page.fill("input[name=full_name]", "Dewi Lestari")
    page.fill("input[name=phone]", PHONE)


def _told_at_the_nik(page, lang: str) -> None:
    page.wait_for_selector("section[data-screen=who]:not([hidden]) [data-error-for=nik]:not(:empty)")
    settled(page)  # scrolled into sight
    said = page.inner_text("[data-error-for=nik]")
    assert SAID[lang] in said and FIND in said, said
    box = page.evaluate(IN_SIGHT, "[data-error-for=nik]")
    assert box["top"] >= 0 and box["bottom"] <= box["floor"], f"the message is not in sight: {box}"
    # the button it names first is in sight too: the keyboard closed, the screen back at its top
    home = page.evaluate("() => { const r = document.querySelector('.k-top [data-action=home]')"
                         ".getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; }")
    assert home["top"] >= 0 and home["bottom"] <= box["floor"], f"Start over is not in sight: {home}"
    assert not page.locator(".k-osk").is_visible()
    # nothing typed is lost
    assert page.input_value("input[name=nik]") == NIK
    assert page.input_value("input[name=full_name]") == "Dewi Lestari"
    assert page.input_value("input[name=phone]") == PHONE


def _the_way_it_names_finds_the_first(page, ticket: str) -> None:
    page.click(".k-top [data-action=home]")
    question = page.locator("dialog[data-dialog=start-over]")
    question.wait_for(state="visible")
    with page.expect_navigation():
        question.locator("button[value=ok]").click()
    page.wait_for_selector("body[data-ready][data-screen=welcome]")
    page.get_by_role("button", name=FIND).click()
    page.wait_for_selector("[data-screen=find]:not([hidden])")
    page.fill("input[name=find_nik]", NIK)
    page.fill("input[name=find_last4]", PHONE[-4:])
    page.click("[data-action=find-submit]")
    page.wait_for_selector("[data-screen=ticket]:not([hidden])")
    assert page.inner_text("[data-ticket-code]") == ticket
    assert page.get_attribute("[data-status]", "data-state") == "pending"
    assert page.get_by_role("button", name="Batalkan permintaan").is_visible(), "she may cancel it there"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_visitor_whose_request_waits_is_told_at_the_nik_and_finds_it_the_way_it_says(
        app, live_server, browser, shot, lang):
    ticket = _dewi_waits(app)
    page = enrol_page(app, browser, live_server, TABLET)
    if lang == "en":
        page.goto(f"{live_server}/kiosk/?lang=en")
        page.wait_for_selector("html[lang=en] body[data-ready]")
    to_the_who_screen(page)
    _who(page, lang)
    page.click("input[name=phone]")  # typing on the on-screen keyboard, as a visitor does
    page.click("[data-action=to-from]")
    _told_at_the_nik(page, lang)
    shot(page, f"h23v-kiosk-already-waiting-at-the-nik-{lang}", full_page=False)
    assert violations(page, axe_source()) == []
    _the_way_it_names_finds_the_first(page, ticket)
    shot(page, f"h23v-kiosk-already-waiting-found-{lang}", full_page=False)
    assert not [e for e in page.errors if "400" not in e], page.errors


def test_a_request_sent_meanwhile_elsewhere_is_said_when_she_sends_hers(app, live_server, browser, shot):
    page = enrol_page(app, browser, live_server, TABLET)
    to_the_who_screen(page)
    _who(page, "id")
    on_to_the_rules(page)
    # each step's check answered 200 (its own fields fine): no error in the console on the way
    assert not page.errors, page.errors
    ticket = _dewi_waits(app)  # sent from another kiosk while she read the rules
    page.check("[data-rules]")
    sign(page)
    page.click("[data-action=submit]")
    _told_at_the_nik(page, "id")
    shot(page, "h23v-kiosk-already-waiting-from-the-last-screen", full_page=False)
    assert page.is_checked("[data-rules]"), "the tick is kept"
    assert page.evaluate("document.body.dataset.screen") == "who"
    _the_way_it_names_finds_the_first(page, ticket)
    assert not [e for e in page.errors if "400" not in e], page.errors
