"""h22: the Kasubag is writing a refusal reason on the phone when a new visit request arrives. The live
update used to move every card of the queue back into its order, the card being written in among them,
and a moved node loses the focus: the rest of the sentence went nowhere (the CI run of 4 December kept
only "Ruang rapat" of "Ruang rapat dipakai sampai pukul 15.00, silakan"). The focus stays in the box and
every letter lands, whether the new request comes after the one being written or before it."""
from __future__ import annotations

import pytest

from .test_live_keeps_unchanged_nodes_ux17 import _arrives
from .test_staff_flow import PHONE, WAIT, close_pages, staff_page

FIRST, REST = "Ruang rapat ", "dipakai sampai pukul 15.00, silakan datang besok."


@pytest.mark.parametrize("order", ["oldest", "newest"])
def test_a_new_request_arriving_mid_sentence_takes_no_letter_of_the_reason(app, live_server, browser,
                                                                           make_user, order):
    make_user("siti", "kasubag", name="Siti Kasubag")
    _arrives(app, "SUMARNI HADI", "3373024107900021")
    errors: list[str] = []
    page = staff_page(browser, live_server, "siti", PHONE, errors)
    page.goto(f"{live_server}/admin/queue")
    page.wait_for_selector("[data-live-state].on", timeout=WAIT)
    page.evaluate(f"() => localStorage.setItem('lpsedesk.queue-order', '{order}')")
    card = page.locator(".req.current")
    assert "SUMARNI HADI" in card.inner_text()
    card.locator(".refuse summary").click()
    box = card.locator("textarea[name=reason]")
    box.click()
    box.type(FIRST)
    page.locator("#live").evaluate("el => { el.h22Swaps = 0; el.addEventListener('live:swapped', () => el.h22Swaps++); }")

    _arrives(app, "WARSITO BARU", "3373024107900022")   # the live list changes while she writes
    page.wait_for_function("() => document.querySelector('#live').h22Swaps > 0", timeout=WAIT)
    assert page.evaluate("() => document.activeElement && document.activeElement.name") == "reason", \
        "the live update took the focus out of the reason box"
    page.keyboard.type(REST)   # her thumb goes on typing where it was
    written = page.locator("textarea[name=reason]").evaluate_all("els => els.map((e) => e.value).filter(Boolean)")
    assert written == [FIRST + REST]
    assert errors == []
    close_pages(page)
