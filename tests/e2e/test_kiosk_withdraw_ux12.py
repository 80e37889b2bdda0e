"""ux12: at "Keluar" a visitor whose request still waits for the Kasubag's decision can withdraw it,
so a visitor who goes home is not left in the Kasubag's queue (and, approved later, listed as still
inside). Walked at the 1280x800 kiosk: the ticket code, "Batalkan permintaan saya", the question
naming the visitor ("Tidak" first, then "Ya, batalkan"), and a clear end screen; in English too."""
from __future__ import annotations

import pytest

from lpsedesk.extensions import db
from lpsedesk.models import Visit
from tests import factories
from tests.kiosk.e2e_support import TABLET, enrol_page

from .axe import axe_source, violations
from .settle import settled

WORDS = {
    "id": {"withdraw": "Batalkan permintaan saya", "question": "Batalkan permintaan kunjungan Budi Hartono?",
           "no": "Tidak", "yes": "Ya, batalkan", "done": "Permintaan Anda sudah dibatalkan"},
    "en": {"withdraw": "Withdraw my request", "question": "Withdraw the visit request of Budi Hartono?",
           "no": "No", "yes": "Yes, withdraw", "done": "Your request has been withdrawn"},
}


def _status(app, visit_id: int) -> str:
    with app.app_context():
        return db.session.get(Visit, visit_id).status


def _height(locator) -> float:
    return locator.bounding_box()["height"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_waiting_visitor_withdraws_the_request_at_keluar(app, live_server, browser, shot, lang):
    words = WORDS[lang]
    with app.app_context():
        visit = factories.visit(visitor=factories.visitor(full_name="Budi Hartono"))
        visit_id, ticket = visit.id, visit.ticket_code
    page = enrol_page(app, browser, live_server, TABLET)
    if lang == "en":
        page.goto(f"{live_server}/kiosk/?lang=en")
    page.wait_for_selector("body[data-ready]")
    page.click("[data-action=checkout]")
    page.wait_for_selector("section[data-screen=checkout]:not([hidden])")
    page.fill(".k-ticket-form input[name=ticket]", ticket)
    page.click(".k-ticket-form button[type=submit]")
    page.wait_for_selector("section[data-screen=checkout-confirm]:not([hidden])")

    screen = page.locator("section[data-screen=checkout-confirm]")
    withdraw = screen.get_by_role("button", name=words["withdraw"])
    assert withdraw.is_visible() and _height(withdraw) >= 48
    assert not screen.locator("[data-action=confirm-checkout]").is_visible(), "nothing to check out yet"
    box = withdraw.bounding_box()
    assert box["y"] + box["height"] <= TABLET["height"], "the button is on the screen, not below it"
    settled(page)
    shot(page, f"ux12-kiosk-keluar-waiting-{lang}", full_page=False)
    assert violations(page, axe_source()) == []

    # One tap does not withdraw: the question names the visitor, the safe answer has the focus.
    withdraw.click()
    dialog = page.locator("dialog[data-dialog=withdraw]")
    dialog.wait_for(state="visible")
    assert dialog.locator("h2").inner_text() == words["question"]
    no = dialog.get_by_role("button", name=words["no"], exact=True)
    yes = dialog.get_by_role("button", name=words["yes"])
    assert page.evaluate("document.activeElement.value") == "cancel"
    assert _height(no) >= 48 and _height(yes) >= 48
    settled(page)
    shot(page, f"ux12-kiosk-withdraw-question-{lang}", full_page=False)
    assert violations(page, axe_source()) == []
    no.click()
    assert not dialog.is_visible() and _status(app, visit_id) == "pending"

    withdraw.click()
    dialog.wait_for(state="visible")
    yes.click()
    page.wait_for_selector("section[data-screen=withdraw-done]:not([hidden])")
    done = page.locator("section[data-screen=withdraw-done]")
    assert words["done"] in done.inner_text()
    assert _status(app, visit_id) == "cancelled"
    finish = done.locator("[data-action=home-now]")
    assert finish.is_visible() and _height(finish) >= 48
    settled(page)
    shot(page, f"ux12-kiosk-withdraw-done-{lang}", full_page=False)
    assert violations(page, axe_source()) == []
    finish.click()
    page.wait_for_selector("body[data-screen=welcome]")
    assert not page.errors, page.errors


def test_an_approved_visitor_at_keluar_is_not_offered_the_withdrawal(app, live_server, browser):
    with app.app_context():
        ticket = factories.visit("approved").ticket_code
    page = enrol_page(app, browser, live_server, TABLET)
    page.wait_for_selector("body[data-ready]")
    page.click("[data-action=checkout]")
    page.fill(".k-ticket-form input[name=ticket]", ticket)
    page.click(".k-ticket-form button[type=submit]")
    page.wait_for_selector("section[data-screen=checkout-confirm]:not([hidden])")
    assert page.locator("[data-action=confirm-checkout]").is_visible()
    assert not page.locator("[data-action=withdraw-ask]").is_visible()
    assert not page.errors, page.errors
