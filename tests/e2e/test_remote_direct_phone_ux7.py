"""ux7: the Kasubag opens a remote-access request directly on a 360x740 phone (a link passed on in
a chat, the register, the browser's history: not from the queue, whose link jumps to the decision).
ux6 put the decision card first from the queue; opened directly, "Setujui" was still ~6 px under
the fold. Measured here without any scrolling, in both languages."""
from __future__ import annotations

from pathlib import Path

import pytest

from lpsedesk.extensions import db

from .axe import axe_source, violations
from .settle import settled
from .test_staff_flow import staff_page
from .test_stranger_ux6 import kasubag_and_a_waiting_remote_request

PHONE = {"width": 360, "height": 740}
SHOTS = Path("/tmp/ux7")
IN_VIEW = """(sel) => { const b = document.querySelector(sel).getBoundingClientRect();
  return {top: b.top, bottom: b.bottom, inside: b.height > 0 && b.top >= 0 && b.bottom <= innerHeight,
          scrolled: scrollY}; }"""


def decision_opened_directly(browser, live_server, path: str, shot: Path, names: tuple[str, ...]):
    """Bambang (Kasubag) opens `path` on the phone as a link from a chat and, without scrolling, finds
    Approve inside the screen and the card it opened at naming `names` (who asks, what for);
    axe-clean. The page and the card's text."""
    page = staff_page(browser, live_server, "bambang", PHONE, [])
    page.goto(live_server + path)
    page.wait_for_load_state()
    settled(page)
    where = page.evaluate(IN_VIEW, "button[value=approve]")
    shot.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(shot))
    assert where["inside"], f"Approve is at {where} in a 740 px screen"
    said = page.locator("#next-step").inner_text()
    for words in names:
        assert words in said, words
    assert page.evaluate(IN_VIEW, "#next-step h2")["inside"]
    assert violations(page, axe_source()) == []
    return page, said


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_kasubag_sees_approve_without_scrolling_on_a_request_opened_directly(
        app, live_server, browser, make_user, lang):
    request_id = kasubag_and_a_waiting_remote_request(app, make_user)
    # who asks and what for are in sight with the buttons, in the card the page opened at
    page, _ = decision_opened_directly(browser, live_server, f"/admin/remote/{request_id}?lang={lang}",
                                       SHOTS / f"remote-direct-360x740-{lang}.png",
                                       ("Made Siregar", "PT Teknologi Nusantara Abadi", "Pemeriksaan log server"))
    page.click("button[value=approve]")
    page.wait_for_load_state()
    with app.app_context():
        from lpsedesk.models import RemoteAccessRequest
        assert db.session.get(RemoteAccessRequest, request_id).status == "approved"
