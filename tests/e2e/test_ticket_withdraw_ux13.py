"""ux13: the waiting ticket screen (the visitor waits for the Kasubag's answer) offers "Batalkan
permintaan": a visitor who will not wait withdraws the request there, not only later at "Keluar".
One tap does not withdraw: the question names the visitor and "Tidak" has the focus. A request
decided meanwhile is not withdrawn, and the screen says why and shows the answer."""
from __future__ import annotations

import pytest

from lpsedesk.extensions import db
from lpsedesk.models import Visit
from tests.kiosk.e2e_support import TABLET, enrol_page, staff_decides

from .axe import axe_source, violations
from .settle import settled
from .test_kiosk_alone import _today_visit

SMALL = {"width": 1024, "height": 768}
NIK, PHONE = "3373024107900001", "081234560001"


def _status(app, visit_id: int) -> str:
    with app.app_context():
        return db.session.get(Visit, visit_id).status


def _waiting_ticket(app, browser, live_server, viewport, live=True, lang="id", code=None):
    visit_id, ticket = _today_visit(app, "pending", full_name="SITI RAHAYU", nik=NIK, phone=PHONE)
    if code:  # a given ticket code rather than the random one (h27c: the screen's layout must not hang on it)
        with app.app_context():
            db.session.get(Visit, visit_id).ticket_code = code
            db.session.commit()
    page = enrol_page(app, browser, live_server, viewport)
    if lang != "id":
        page.goto(f"{live_server}/kiosk/?lang={lang}")
        page.wait_for_selector(f"html[lang={lang}] body[data-ready]")
    if not live:  # the answer has not reached this screen yet (no live stream; the slow poll is 15 s)
        page.route("**/events", lambda route: route.abort())
    page.click("[data-action=find-answer]")
    page.fill("input[name=find_nik]", NIK)
    page.fill("input[name=find_last4]", PHONE[-4:])
    page.click("[data-action=find-submit]")
    page.wait_for_selector("[data-screen=ticket]:not([hidden])")
    assert page.get_attribute("[data-status]", "data-state") == "pending"
    return page, visit_id


def _asked_first(page, button):
    """One tap opens the question, never the withdrawal; the safe answer ("Tidak") has the focus."""
    button.click()
    dialog = page.locator("dialog[data-dialog=withdraw]")
    dialog.wait_for(state="visible")
    assert page.evaluate("document.activeElement.value") == "cancel", "the safe answer has the focus"
    return dialog


@pytest.mark.parametrize("viewport", [TABLET, SMALL], ids=["1280x800", "1024x768"])
def test_a_waiting_visitor_withdraws_from_the_ticket_screen_after_saying_yes(app, live_server, browser, shot, viewport):
    page, visit_id = _waiting_ticket(app, browser, live_server, viewport)
    withdraw = page.get_by_role("button", name="Batalkan permintaan")
    box = withdraw.bounding_box() if withdraw.is_visible() else None
    assert box and box["height"] >= 48 and box["y"] + box["height"] <= viewport["height"], "on the screen"
    # and it pushes nothing of the waiting card under the button bar ("walked away?" is its last line)
    bar = page.evaluate("() => document.querySelector('section[data-screen=ticket] .k-actions').getBoundingClientRect().top")
    later = page.evaluate("() => document.querySelector('[data-status-later]').getBoundingClientRect().bottom")
    assert later <= bar, f"the card's last line ends at {later:.0f}, the bar starts at {bar:.0f}"
    settled(page)
    shot(page, f"ux13-kiosk-ticket-waiting-{viewport['width']}", full_page=False)
    assert violations(page, axe_source()) == []

    dialog = _asked_first(page, withdraw)
    assert dialog.locator("h2").inner_text() == "Batalkan permintaan kunjungan SITI RAHAYU?"
    shot(page, f"ux13-kiosk-ticket-withdraw-question-{viewport['width']}", full_page=False)
    dialog.get_by_role("button", name="Tidak", exact=True).click()
    assert page.evaluate("document.body.dataset.screen") == "ticket" and _status(app, visit_id) == "pending"

    withdraw.click()
    dialog.get_by_role("button", name="Ya, batalkan").click()
    page.wait_for_selector("section[data-screen=withdraw-done]:not([hidden])")
    assert "Permintaan Anda sudah dibatalkan" in page.inner_text("section[data-screen=withdraw-done]")
    assert _status(app, visit_id) == "cancelled"
    assert not page.errors, page.errors


def test_a_request_decided_while_the_question_is_open_is_not_withdrawn_and_the_screen_says_so(
        app, live_server, browser, login, make_user):
    # "Yes" touched before the answer reached the screen (once it does, the question closes by
    # itself: test_decided_while_asked_ux14)
    page, visit_id = _waiting_ticket(app, browser, live_server, TABLET, live=False)
    dialog = _asked_first(page, page.get_by_role("button", name="Batalkan permintaan"))
    assert staff_decides(app, login, make_user, visit_id, "approve") == 302
    dialog.get_by_role("button", name="Ya, batalkan").click()
    page.wait_for_selector("[data-ticket-error]:not(:empty)", timeout=5000)
    assert "tidak dapat dibatalkan" in page.inner_text("[data-ticket-error]")
    page.wait_for_selector("[data-status][data-state=approved]", timeout=5000)
    assert not page.is_visible("[data-action=ticket-withdraw]"), "an approved visit has nothing to withdraw"
    assert _status(app, visit_id) == "approved"
    assert not [e for e in page.errors if "409" not in e and "ERR_FAILED" not in e], page.errors  # the blocked stream


def test_an_answered_ticket_offers_no_withdrawal(app, live_server, browser, login, make_user):
    page, visit_id = _waiting_ticket(app, browser, live_server, TABLET)
    assert staff_decides(app, login, make_user, visit_id, "deny", "Ruang penuh") == 302
    page.wait_for_selector("[data-status][data-state=denied]", timeout=5000)
    assert not page.is_visible("[data-action=ticket-withdraw]")
