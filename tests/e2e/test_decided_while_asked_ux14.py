"""ux14: the Kasubag's answer arrives while the waiting visitor has "Batalkan permintaan kunjungan ...?"
(or "Selesai saja?") open. The question no longer applies: it closes by itself, the answer is on the
screen (approved: go in; refused: the refusal and its reason), a calm line says why the question went,
and the answer's title takes the focus so a screen reader reads it next. Nothing is withdrawn."""
from __future__ import annotations

import pytest

from lpsedesk.extensions import db
from lpsedesk.models import KioskDevice, Visit
from tests.kiosk.e2e_support import TABLET, staff_decides

from .axe import axe_source, violations
from .settle import settled
from .test_ticket_withdraw_ux13 import _asked_first, _status, _waiting_ticket

SAID = "Permintaan Anda baru saja dijawab, jadi tidak dibatalkan."


def _sent_from_this_kiosk(app, visit_id: int) -> None:
    """The visit as this kiosk sent it (the refusal's reason is shown where the request was made)."""
    with app.app_context():
        kiosk = db.session.query(KioskDevice).order_by(KioskDevice.id.desc()).first()
        db.session.get(Visit, visit_id).submitted_via_kiosk_id = kiosk.id
        db.session.commit()


SMALL = {"width": 1024, "height": 768}


@pytest.mark.parametrize(("decision", "reason", "title", "viewport"), [
    ("approve", "", "Disetujui: silakan masuk", TABLET),
    ("deny", "Ruang rapat sedang dipakai", "Permintaan ditolak", TABLET),
    ("deny", "Ruang rapat sedang dipakai untuk rapat koordinasi pengadaan", "Permintaan ditolak", SMALL),
], ids=["approved", "refused", "refused-1024"])
def test_a_decision_closes_the_withdraw_question_and_shows_the_answer(
        app, live_server, browser, login, make_user, shot, decision, reason, title, viewport):
    page, visit_id = _waiting_ticket(app, browser, live_server, viewport)
    _sent_from_this_kiosk(app, visit_id)
    dialog = _asked_first(page, page.get_by_role("button", name="Batalkan permintaan"))
    assert staff_decides(app, login, make_user, visit_id, decision, reason) == 302
    dialog.wait_for(state="hidden", timeout=20000)
    state = "approved" if decision == "approve" else "denied"
    page.wait_for_selector(f"[data-status][data-state={state}]")
    assert page.inner_text("[data-status-title]") == title
    if reason:
        assert reason in page.inner_text("[data-status-reason]")
    # why the question went, in the alert line (role=alert: read out), said as news, not as an error
    line = page.locator("[data-ticket-error]")
    assert line.inner_text() == SAID and line.get_attribute("role") == "alert"
    assert "k-why" in line.get_attribute("class")
    assert page.evaluate("document.activeElement.hasAttribute('data-status-title')"), "the answer has the focus"
    assert not page.is_visible("[data-action=ticket-withdraw]")
    settled(page)
    shot(page, f"ux14-kiosk-decided-while-asked-{state}-{viewport['width']}", full_page=False)
    # the whole answer, the line about the question last, above the button bar
    bar = page.evaluate("() => document.querySelector('section[data-screen=ticket] .k-actions').getBoundingClientRect().top")
    end = line.bounding_box()
    assert end["y"] + end["height"] <= bar, f"the last line ends at {end['y'] + end['height']:.0f}, the bar starts at {bar:.0f}"
    assert violations(page, axe_source()) == []
    assert _status(app, visit_id) == state
    assert not page.errors, page.errors


def test_finish_anyway_question_closes_when_the_answer_comes(app, live_server, browser, login, make_user):
    page, visit_id = _waiting_ticket(app, browser, live_server, TABLET)
    page.click("[data-action=finish]")
    dialog = page.locator("dialog[data-dialog=leave-pending]")
    dialog.wait_for(state="visible")
    assert staff_decides(app, login, make_user, visit_id, "approve") == 302
    dialog.wait_for(state="hidden", timeout=20000)
    page.wait_for_selector("[data-status][data-state=approved]")
    assert page.evaluate("document.body.dataset.screen") == "ticket", "the visitor is not sent away"
    assert page.inner_text("[data-ticket-error]") == "Permintaan Anda baru saja dijawab."
