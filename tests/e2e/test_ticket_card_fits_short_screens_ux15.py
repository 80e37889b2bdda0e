"""ux15: on a 1024x768 kiosk the ticket screen's answer card ended under the button bar (its lower
border, and with a long refusal its last lines): a visitor does not know the screen scrolls. Waiting,
approved and refused (with a long reason), the whole card and the ticket stand above the bar; at
1280x800 too, where the waiting card now also says where the answer comes.

h30s: and in English at 1024x768, where waiting and approved the ticket's card (its QR) ended 21 px
under the glass, the page scrolling."""
from __future__ import annotations

import pytest

from lpsedesk import settings
from lpsedesk.extensions import db
from tests.kiosk.e2e_support import TABLET, staff_decides

from .axe import axe_source, violations
from .settle import settled
from .test_decided_while_asked_ux14 import SMALL, _sent_from_this_kiosk
from .test_ticket_withdraw_ux13 import _waiting_ticket

pytestmark = pytest.mark.layout

BOTTOMS = """() => {
  const bar = document.querySelector('section[data-screen=ticket] .k-actions').getBoundingClientRect().top;
  const card = document.querySelector('[data-status]').getBoundingClientRect().bottom;
  const ticket = document.querySelector('section[data-screen=ticket] .k-ticket').getBoundingClientRect().bottom;
  return {bar, card, ticket, scrolled: document.scrollingElement.scrollTop};
}"""


def _fits(page) -> dict:
    settled(page)
    edges = page.evaluate(BOTTOMS)
    assert edges["scrolled"] == 0
    assert edges["card"] <= edges["bar"], f"the card ends at {edges['card']:.0f}, the bar starts at {edges['bar']:.0f}"
    assert edges["ticket"] <= edges["bar"], edges
    return edges


LONG = "Ruang rapat sedang dipakai untuk rapat koordinasi pengadaan barang dan jasa"


@pytest.mark.parametrize(("decision", "reason", "viewport", "lang"), [
    ("", "", SMALL, "id"), ("approve", "", SMALL, "id"), ("deny", LONG, SMALL, "id"), ("", "", TABLET, "id"),
    ("deny", LONG, TABLET, "id"), ("", "", SMALL, "en"), ("approve", "", SMALL, "en"),
    ("ktp-first", "", SMALL, "id"), ("ktp-first", "", SMALL, "en"),
], ids=["waiting", "approved", "refused-long-reason", "waiting-1280", "refused-long-reason-1280", "waiting-en",
        "approved-en", "waiting-ktp-first", "waiting-ktp-first-en"])
def test_the_answer_card_ends_above_the_button_bar_at_1024x768(app, live_server, browser, login, make_user, shot,
                                                              decision, reason, viewport, lang):
    # h43w: waiting with the original KTP unchecked the card sends the visitor to the helpdesk; with the
    # office's "KTP first" on it says the check comes before the Kasubag
    ktp_first = decision == "ktp-first"
    if ktp_first:
        with app.app_context():
            settings.put(db.session, "ktp_check_before_kasubag", True)
            db.session.commit()
        decision = ""
    page, visit_id = _waiting_ticket(app, browser, live_server, viewport, lang=lang)
    _sent_from_this_kiosk(app, visit_id)
    if decision:
        assert staff_decides(app, login, make_user, visit_id, decision, reason) == 302
        page.wait_for_selector("[data-status][data-state=%s]" % ("approved" if decision == "approve" else "denied"))
        if reason:
            assert reason in page.inner_text("[data-status-reason]")
    _fits(page)
    tall = page.evaluate("() => [document.scrollingElement.scrollHeight, innerHeight]")
    assert tall[0] <= tall[1], f"the ticket screen is {tall[0]} px tall on a {tall[1]} px screen"
    if not decision and lang == "id":  # ux15 walk: the waiting visitor asked where the answer would come
        assert "Jawabannya akan muncul di layar ini." in page.inner_text("[data-status-message]")
        # h43w: the desk's check of the original KTP is the visitor's step while waiting (SOP 1)
        said = page.inner_text("[data-status-message]")
        assert ("Tunjukkan dulu KTP asli" in said) if ktp_first else ("Sambil menunggu, tunjukkan KTP asli" in said)
    shot(page, f"ux15-kiosk-ticket-{viewport['width']}-{decision or 'waiting'}{'-ktp-first' if ktp_first else ''}-{lang}",
         full_page=False)
    assert violations(page, axe_source()) == []
    assert not page.errors, page.errors
