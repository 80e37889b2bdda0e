"""h36d, SOP 1 on the helpdesk board (1366x768): the Kasubag decides in another session (often a phone),
and the open board says so without a reload, first on the screen: "Disetujui - persilakan masuk" with
the restricted area's escort, "Ditolak - sampaikan alasannya" with the reason. It is read out (an
aria-live region), beeps when the helpdesk turned the sound on, and stays until a helpdesk records that
the visitor was let in or told; only then is the visitor "Sedang di dalam" (h35k's walk: listed inside
from the approval on, a refusal dropped below the fold, no notice, no sound)."""
from __future__ import annotations

from datetime import timedelta

import pytest

from lpsedesk.models import utcnow
from tests import factories
from tests.conftest import logged_in_client, post_form

from .axe import axe_source, violations
from .settle import settled
from .test_helpdesk_kasubag_stranger_h35k import IN_SIGHT
from .test_staff_flow import DESK, WAIT, close_pages, short_streams, staff_page  # noqa: F401 (fixture)

APPROVED = {"id": "Disetujui - persilakan masuk", "en": "Approved - let the visitor in"}
REFUSED = {"id": "Ditolak - sampaikan alasannya", "en": "Refused - tell the visitor why"}
LET_IN = {"id": "Sudah dipersilakan masuk", "en": "Let in: record it"}
INSIDE = {"id": "Sedang di dalam", "en": "Inside now"}
REASON = "Ruang pelatihan sedang dipakai rapat"
# Sound on (as the helpdesk's tap leaves it) and every beep counted: the page's audio is the page's own.
BEEPS = """localStorage.setItem('lpsedesk.alerts', 'on'); window.__beeps = 0;
HTMLMediaElement.prototype.play = function () { window.__beeps += 1; return Promise.resolve(); };"""


def waiting_request(app, name: str, **fields) -> int:
    now = utcnow()
    with app.app_context():
        return factories.visit(visitor=factories.visitor(full_name=name), submitted_at=now - timedelta(minutes=5),
                               ktp_checked_at=now - timedelta(minutes=4), signature_key="sig/2026/12/" + "d" * 20,
                               **fields).id


def open_board(browser, live_server, lang: str):
    desk = staff_page(browser, live_server, "rina", DESK, [])
    desk.context.add_init_script(BEEPS)
    desk.goto(f"{live_server}/admin/board?lang={lang}")
    desk.wait_for_selector("[data-live-state].on", timeout=WAIT)  # the stream is open
    desk.evaluate("window.__sameLoad = true")  # gone if the page reloads
    return desk


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_decision_made_elsewhere_reaches_the_open_board_and_waits_for_the_desk(
        app, live_server, browser, make_user, shot, lang):
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    agus = waiting_request(app, "Agus Pratama")
    budi = waiting_request(app, "Budi Santoso")
    desk = open_board(browser, live_server, lang)
    boss = logged_in_client(app, "bambang")  # the Kasubag's phone: another session
    assert post_form(boss, f"/admin/visits/{agus}/decision", {"decision": "approve"}).status_code == 302
    assert post_form(boss, f"/admin/visits/{budi}/decision", {"decision": "deny", "reason": REASON}).status_code == 302
    desk.wait_for_selector(f'[data-key="p-{budi}"]', state="detached", timeout=WAIT)  # the board heard it
    settled(desk)
    shot(desk, f"h36d-board-after-decision-{lang}", full_page=False)

    band = desk.locator('[data-part="to-tell"]')
    assert band.get_attribute("aria-live") == "polite"
    approved, refused = desk.locator(f'[data-key="t-{agus}"]'), desk.locator(f'[data-key="t-{budi}"]')
    approved.wait_for(timeout=WAIT)
    assert desk.evaluate("window.__sameLoad") is True, "the board reloaded to show the decision"
    assert APPROVED[lang] in approved.inner_text() and "Agus Pratama" in approved.inner_text()
    assert REFUSED[lang] in refused.inner_text() and REASON in refused.inner_text()
    assert desk.evaluate("window.__beeps") >= 1, "no beep for the decision with the sound on"
    # the approved visitor is not yet inside: the desk has still to let them in
    assert desk.locator(f'[data-key="in-{agus}"]').count() == 0

    desk.locator(f'[data-key="t-{agus}"] button', has_text=LET_IN[lang]).click()
    desk.wait_for_selector(f'[data-key="in-{agus}"]', timeout=WAIT)
    assert desk.locator(f'[data-key="t-{agus}"]').count() == 0
    assert INSIDE[lang] in desk.locator('[data-part="inside"] h2').inner_text()
    assert desk.locator(f'[data-key="t-{budi}"]').count() == 1, "the refusal waits until it is told"
    close_pages(desk)


@pytest.mark.layout
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_decisions_stand_first_on_a_desk_screen_and_pass_axe(app, live_server, browser, make_user, shot, lang):
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    escort = make_user("sari", "helpdesk", name="Sari Pendamping")
    now = utcnow()
    for i in range(4):  # a busy morning: people inside, waiting and finished below
        waiting_request(app, f"Pengunjung Antre {i}")
        with app.app_context():
            factories.visit("approved", visitor=factories.visitor(full_name=f"Pengunjung Dalam {i}"),
                            decided_at=now - timedelta(minutes=30 + i), approved_until=now + timedelta(minutes=30))
    with app.app_context():
        server_room = factories.visit("approved", visitor=factories.visitor(full_name="Dewi Lestari"),
                                      decided_at=now - timedelta(minutes=1), decided_by_label="Bambang Wijaya",
                                      approved_until=now + timedelta(hours=1), restricted=True, escort_id=escort,
                                      decision_told_at=None).id
        refused = factories.visit("denied", visitor=factories.visitor(full_name="Eko Saputra"),
                                  decided_at=now - timedelta(minutes=2), decided_by_label="Bambang Wijaya",
                                  decision_reason=REASON, decision_told_at=None).id
    desk = open_board(browser, live_server, lang)
    shot(desk, f"h36d-board-decisions-{lang}", full_page=False)
    # h37c: the server-room visitor's card has two: into the area with the escort, or the area later
    for button in desk.locator(f'[data-key="t-{server_room}"] button, [data-key="t-{refused}"] button').all():
        seen = button.evaluate(IN_SIGHT)
        assert seen["whole"] and seen["touched"] and seen["height"] >= 24, f"out of sight at 1366x768: {seen}"
    assert "Sari Pendamping" in desk.locator(f'[data-key="t-{server_room}"]').inner_text()
    assert desk.evaluate("document.documentElement.scrollWidth") <= DESK["width"]
    assert violations(desk, axe_source()) == []
    # the name leads to the visit's page, whose next step is the same
    offered = desk.locator(f'[data-key="t-{server_room}"] button').all_inner_texts()
    desk.locator(f'[data-key="t-{server_room}"] a.name').click()
    desk.wait_for_selector("#next-step button", timeout=WAIT)
    shot(desk, f"h36d-visit-let-in-{lang}", full_page=False)
    assert all(text in desk.locator("#next-step").inner_text() for text in offered)
    assert violations(desk, axe_source()) == []
    close_pages(desk)
