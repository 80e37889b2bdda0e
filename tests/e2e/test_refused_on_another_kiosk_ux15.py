"""ux15: a visitor who found the waiting ticket on ANOTHER kiosk (NIK and the phone's last 4 digits)
and is refused while watching saw "Permintaan ditolak" with no reason and no way on. That kiosk now
shows the reason (the visitor proved who they are there), and where a reason may not be shown the
card says to go to the helpdesk, whose staff can tell it."""
from __future__ import annotations

from tests.kiosk.e2e_support import staff_decides

from .axe import axe_source, violations
from .test_decided_while_asked_ux14 import SMALL
from .test_ticket_withdraw_ux13 import _waiting_ticket

REASON = "Ruang rapat sedang dipakai rapat pimpinan"
# h34v: the card then says what to do on the screen itself
FINISH = " Sentuh Selesai untuk menutup layar ini."
TO_HELPDESK = "Silakan menuju meja helpdesk: petugas di sana dapat menjelaskan alasannya." + FINISH


def test_refused_while_watching_on_the_kiosk_where_the_ticket_was_found_shows_the_reason(
        app, live_server, browser, login, make_user, shot):
    page, visit_id = _waiting_ticket(app, browser, live_server, SMALL)  # sent from no kiosk of this page
    assert staff_decides(app, login, make_user, visit_id, "deny", REASON) == 302
    page.wait_for_selector("[data-status][data-state=denied]", timeout=20000)
    assert page.inner_text("[data-status-title]") == "Permintaan ditolak"
    page.wait_for_selector("[data-status-reason-box]:not([hidden])")
    assert REASON in page.inner_text("[data-status-reason]")
    assert page.inner_text("[data-status-help]") == "Petugas helpdesk siap membantu Anda." + FINISH
    shot(page, "ux15-kiosk-found-elsewhere-refused-reason", full_page=False)
    assert violations(page, axe_source()) == []
    assert not page.errors, page.errors


def test_where_the_reason_may_not_be_shown_the_card_sends_the_visitor_to_the_helpdesk(
        app, live_server, browser, login, make_user, shot):
    page, visit_id = _waiting_ticket(app, browser, live_server, SMALL)
    # the proof has run out (or never was): the refreshes prove nothing
    page.route("**/api/v1/visits/*", lambda route: route.continue_(
        headers={k: v for k, v in route.request.headers.items() if k.lower() != "x-visit-proof"}))
    assert staff_decides(app, login, make_user, visit_id, "deny", REASON) == 302
    page.wait_for_selector("[data-status][data-state=denied]", timeout=20000)
    assert page.inner_text("[data-status-title]") == "Permintaan ditolak"
    assert not page.is_visible("[data-status-reason-box]") and REASON not in page.inner_text("body")
    assert page.inner_text("[data-status-help]") == TO_HELPDESK
    assert page.is_visible("[data-status-help]")
    shot(page, "ux15-kiosk-found-elsewhere-refused-no-reason", full_page=False)
    assert violations(page, axe_source()) == []
