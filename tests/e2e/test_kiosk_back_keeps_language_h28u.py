"""h28u: a visitor who asked for English, tapped "Leave" by mistake and then "Back" met the start screen in
Bahasa Indonesia: "Back" started the kiosk over for the next visitor, as "Finish" does. The kiosk promises
to go back to its own language for the next visitor only (after Finish, Start over or the idle timeout);
"Back" is the same visitor changing their mind, so the start screen comes again in their language, from
check-out, from finding the visit without the ticket, from choosing a name and from "Check out now?".
Indonesian stays Indonesian; "Finish" still hands the kiosk back in Indonesian."""
from __future__ import annotations

import pytest

from tests import factories
from tests.kiosk.e2e_support import PORTRAIT, TABLET, check_out_by_ticket, enrol_page

from .axe import axe_source, violations

WELCOME = {"id": "Keluar", "en": "Leave"}  # the start screen's way out, in the visitor's words


def _start(page, live_server, lang: str) -> None:
    page.goto(f"{live_server}/kiosk/?lang={lang}")
    page.wait_for_selector(f"html[lang={lang}] body[data-ready]")


def _back_on_the_start_screen(page, lang: str, where: str) -> None:
    page.wait_for_selector("section[data-screen=welcome]:not([hidden])")
    page.wait_for_selector("body[data-ready]")
    shown = page.evaluate("document.documentElement.lang")
    assert shown == lang, f"Back from {where}: the start screen came in {shown!r}, the visitor reads {lang!r}"
    assert WELCOME[lang] in page.inner_text(".k-tile-out")


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("viewport", [PORTRAIT, TABLET], ids=["1080x1920", "1280x800"])
def test_back_from_the_ways_out_keeps_the_visitors_language(app, live_server, browser, viewport, lang):
    with app.app_context():
        ticket = factories.visit("approved").ticket_code
    page = enrol_page(app, browser, live_server, viewport)
    _start(page, live_server, lang)
    page.click("[data-action=checkout]")
    page.wait_for_selector("section[data-screen=checkout]:not([hidden])")
    assert violations(page, axe_source()) == []
    page.click("section[data-screen=checkout] [data-action=to-start]")
    _back_on_the_start_screen(page, lang, "check-out")

    for action, screen in (("find-checkout", "find"), ("inside", "inside")):
        page.click("[data-action=checkout]")
        page.click(f"section[data-screen=checkout] [data-action={action}]")
        page.wait_for_selector(f"section[data-screen={screen}]:not([hidden])")
        page.click(f"section[data-screen={screen}] [data-action=to-start]")
        _back_on_the_start_screen(page, lang, screen)

    page.click("[data-action=checkout]")
    page.fill(".k-ticket-form input", ticket)
    page.keyboard.press("Enter")
    page.wait_for_selector("section[data-screen=checkout-confirm]:not([hidden])")
    page.click("section[data-screen=checkout-confirm] [data-action=to-start]")  # "Cancel": not leaving yet
    _back_on_the_start_screen(page, lang, "Check out now?")
    assert not page.errors, page.errors


def test_finish_still_hands_the_kiosk_back_in_indonesian(app, live_server, browser):
    with app.app_context():
        ticket = factories.visit("approved").ticket_code
    page = enrol_page(app, browser, live_server, TABLET)
    _start(page, live_server, "en")
    check_out_by_ticket(page, ticket)
    page.click("section[data-screen=checkout-done] [data-action=home-now]")
    _back_on_the_start_screen(page, "id", "Finish")
    assert not page.errors, page.errors
