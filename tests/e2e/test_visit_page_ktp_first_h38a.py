"""h38a, SOP 1: "the visitor fills the guest book and shows a valid KTP; the helpdesk asks the Kasubag
[...]; the helpdesk lets the visitor in within what was permitted". An approved visitor still at the desk
whose original KTP was never checked: the KTP check comes first, the let-in after it, on the visit page
(1366x768 and 360x640) and on the board's band, and the page says "KTP first". Before: "KTP asli sesuai"
stood below the let-in buttons."""
from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest

from lpsedesk.models import utcnow
from tests import factories

from .test_staff_flow import DESK, WAIT, close_pages, short_streams, staff_page  # noqa: F401 (fixture)

PHONE_SMALL = {"width": 360, "height": 640}
KTP_MATCHES = {"id": "KTP asli sesuai", "en": "Original KTP matches"}
LET_IN = {"id": "Sudah dipersilakan masuk: catat", "en": "Let in: record it"}
# where the screenshots of this task go to be looked at (the preamble's /tmp/NAME/), else the artifacts
SHOTS = Path(os.environ.get("H38A_SHOTS", "")) if os.environ.get("H38A_SHOTS") else None


def approved_at_desk_unchecked(app, make_user) -> int:
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    now = utcnow()
    with app.app_context():
        return factories.visit("approved", visitor=factories.visitor(full_name="Siti Aminah"),
                               submitted_at=now - timedelta(minutes=8), decided_at=now - timedelta(minutes=1),
                               decided_by_label="Bambang Wijaya", approved_until=now + timedelta(hours=1),
                               ktp_checked_at=None, decision_told_at=None).id


def _top(locator) -> float:
    return locator.evaluate("el => el.getBoundingClientRect().top + window.scrollY")


@pytest.mark.parametrize("viewport", [DESK, PHONE_SMALL], ids=["desk", "phone"])
def test_the_ktp_check_stands_before_the_let_in_on_the_visit_page(app, live_server, browser, make_user, shot,
                                                                  viewport):
    visit_id = approved_at_desk_unchecked(app, make_user)
    desk = staff_page(browser, live_server, "rina", viewport, [])
    desk.goto(f"{live_server}/admin/visits/{visit_id}#next-step")
    step = desk.locator("#next-step")
    name = f"h38a-visit-{viewport['width']}x{viewport['height']}"
    if SHOTS:
        desk.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)
    shot(desk, name, full_page=False)
    check = step.get_by_role("button", name=KTP_MATCHES["id"])
    let_in = step.get_by_role("button", name=LET_IN["id"])
    assert _top(check) < _top(let_in)
    assert "KTP dulu" in step.locator("#ktp-before-in").inner_text()
    close_pages(desk)


def test_the_bands_card_offers_the_ktp_check_before_the_let_in(app, live_server, browser, make_user, shot):
    visit_id = approved_at_desk_unchecked(app, make_user)
    desk = staff_page(browser, live_server, "rina", DESK, [])
    desk.goto(f"{live_server}/admin/board?lang=en")
    card = desk.locator(f'[data-key="t-{visit_id}"]')
    card.wait_for(timeout=WAIT)
    if SHOTS:
        desk.screenshot(path=str(SHOTS / "h38a-board-1366x768.png"), full_page=False)
    check = card.get_by_role("button", name=KTP_MATCHES["en"])
    let_in = card.get_by_role("button", name=LET_IN["en"])
    assert check.count() == 1 and "KTP first" in card.inner_text()
    # in reading order: the check's button comes before the let-in's
    assert check.evaluate("(el, other) => !!(el.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING)",
                          let_in.element_handle())
    check.click()
    desk.wait_for_function(f"() => !document.querySelector('[data-key=\"t-{visit_id}\"] form[action$=\"/ktp-check\"]')",
                           timeout=WAIT)
    # the check posts and the board loads again: the card may be parsed before its buttons (a run under load)
    card.get_by_role("button", name=LET_IN["en"]).wait_for(timeout=WAIT)
    assert card.get_by_role("button", name=LET_IN["en"]).count() == 1
    close_pages(desk)
