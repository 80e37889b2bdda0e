"""h37c, SOP 1 after the Kasubag's approval, in the browser: a server-room visitor still at the desk is
offered the let-in straight into the area with the escort (one tap on the board's band, 1366x768), not
the area's entry nor the early end on the visit page (360x640); the board's summary counts the decisions
to act on and leads to them. Before: the visit page offered "Catat masuk ke area terbatas" and "Catat
keluar" / "Akhiri kunjungan lebih awal" to a visitor never let in, and the summary had no count of them."""
from __future__ import annotations

from datetime import timedelta

import pytest

from lpsedesk.models import utcnow
from tests import factories

from .axe import axe_source, violations
from .test_board_decision_told_h36d import open_board, waiting_request
from .test_helpdesk_kasubag_stranger_h35k import IN_SIGHT
from .test_staff_flow import DESK, WAIT, close_pages, short_streams, staff_page  # noqa: F401 (fixture)

PHONE_SMALL = {"width": 360, "height": 640}
INTO_AREA = {"id": "Masuk area bersama pendamping: catat", "en": "Into the area with the escort: record it"}
LET_IN_ONLY = {"id": "Dipersilakan masuk, area nanti: catat", "en": "Let in, the area later: record it"}
LEFT = {"id": "Pergi tanpa masuk: catat keluar", "en": "Left without coming in: check out"}
AREA_ENTRY = {"id": "Catat masuk ke area terbatas", "en": "Record the entry into the restricted area"}
END_EARLY = {"id": "Akhiri kunjungan lebih awal", "en": "End the visit early"}
TO_TELL = {"id": "perlu disampaikan", "en": "to tell"}
LEAVES_AREA = {"id": "Catat saat pengunjung meninggalkan area terbatas", "en": "Record when the visitor leaves the restricted area"}


def busy_desk(app, make_user) -> tuple[int, int]:
    """Two approvals at the desk (one to the server room with its escort), two inside, two waiting."""
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    escort = make_user("sari", "helpdesk", name="Sari Pendamping")
    now = utcnow()
    for i in range(2):
        waiting_request(app, f"Pengunjung Antre {i}")
        with app.app_context():
            factories.visit("approved", visitor=factories.visitor(full_name=f"Pengunjung Dalam {i}"),
                            decided_at=now - timedelta(minutes=30 + i), approved_until=now + timedelta(minutes=30),
                            ktp_checked_at=now - timedelta(minutes=40))
    with app.app_context():
        room = factories.visit("approved", visitor=factories.visitor(full_name="Dewi Lestari"),
                               decided_at=now - timedelta(minutes=1), decided_by_label="Bambang Wijaya",
                               approved_until=now + timedelta(hours=1), restricted=True, escort_id=escort,
                               devices_none=False, ktp_checked_at=now - timedelta(minutes=5), decision_told_at=None).id
        plain = factories.visit("approved", visitor=factories.visitor(full_name="Agus Pratama"),
                                decided_at=now - timedelta(minutes=2), decided_by_label="Bambang Wijaya",
                                approved_until=now + timedelta(hours=1), ktp_checked_at=now - timedelta(minutes=6),
                                decision_told_at=None).id
    return room, plain


@pytest.mark.parametrize("lang", ["id", "en"])
def test_one_tap_on_the_band_lets_the_server_room_visitor_in_with_the_escort(app, live_server, browser, make_user,
                                                                             shot, lang):
    room, plain = busy_desk(app, make_user)
    desk = open_board(browser, live_server, lang)
    shot(desk, f"h37c-board-{lang}", full_page=False)
    chip = desk.locator('.duties a[data-duty="to-tell"]')
    assert chip.inner_text().split() == ["2", *TO_TELL[lang].split()]
    assert chip.get_attribute("href") == "#to-tell"
    seen = chip.evaluate(IN_SIGHT)
    assert seen["whole"] and seen["touched"], f"the count is out of sight at 1366x768: {seen}"
    into = desk.locator(f'[data-key="t-{room}"] button', has_text=INTO_AREA[lang])
    seen = into.evaluate(IN_SIGHT)
    assert seen["whole"] and seen["touched"] and seen["height"] >= 24, f"out of sight at 1366x768: {seen}"
    assert desk.locator(f'[data-key="t-{plain}"] button', has_text=INTO_AREA[lang]).count() == 0

    into.click()
    tile = desk.locator(f'[data-key="in-{room}"]')
    tile.wait_for(timeout=WAIT)
    # inside, and in the area already: its tile asks for the area's exit next, not its entry
    assert LEAVES_AREA[lang] in tile.inner_text() and AREA_ENTRY[lang] not in tile.inner_text()
    desk.wait_for_function("() => document.querySelector('.duties a[data-duty=\"to-tell\"] b')?.textContent === '1'",
                           timeout=WAIT)
    close_pages(desk)


@pytest.mark.layout
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_visit_page_of_a_visitor_at_the_desk_offers_the_let_in_not_the_area_and_passes_axe(
        app, live_server, browser, make_user, shot, lang):
    room, plain = busy_desk(app, make_user)
    phone = staff_page(browser, live_server, "rina", PHONE_SMALL, [])
    phone.goto(f"{live_server}/admin/visits/{room}?lang={lang}#next-step")
    step = phone.locator("#next-step")
    shot(phone, f"h37c-visit-at-desk-phone-{lang}", full_page=False)
    text = step.inner_text()
    assert INTO_AREA[lang] in text and LET_IN_ONLY[lang] in text and LEFT[lang] in text
    assert AREA_ENTRY[lang] not in text and END_EARLY[lang] not in text
    assert phone.locator("#restricted form[action$='/area-entry']").count() == 0
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE_SMALL["width"]
    assert violations(phone, axe_source()) == []
    # the board with the summary's new count passes too (desk size)
    desk = open_board(browser, live_server, lang)
    assert violations(desk, axe_source()) == []
    close_pages(phone, desk)
