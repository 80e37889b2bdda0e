"""h26u: a finished visit whose original KTP the desk never checked (an office with "KTP first" off),
looked at on a 360x640 phone by the helpdesk before "Laporkan kepada Kasubag" and by the Kasubag
before "Terima laporan ini", in Indonesian and English; the desk PC (1366x768) too. The gap is said
in words before the button, the report still goes; no sideways scroll, 44 px targets, axe-clean."""
from __future__ import annotations

from datetime import timedelta

import pytest

from lpsedesk.models import utcnow
from tests import factories

from .test_staff_flow import close_pages, short_streams, staff_page  # noqa: F401
from .test_staff_phone_360x640_h25u import SMALL_PHONE, _looked_at

DESK_PC = {"width": 1366, "height": 768}
WORDS = {"id": {"gap": "KTP asli tidak pernah diperiksa di meja helpdesk.", "report": "Laporkan kepada Kasubag",
                "ack": "Terima laporan ini"},
         "en": {"gap": "The original KTP was never checked at the desk.", "report": "Report to the Kasubag",
                "ack": "Acknowledge the report"}}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_report_without_a_ktp_check_says_so_on_a_phone(app, live_server, browser, make_user, shot, lang):
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    now = utcnow()
    with app.app_context():
        visit_id = factories.visit("checked_out", visitor=factories.visitor(full_name="Eko Pratama"),
                                   signature_key="sig/2026/12/" + "s" * 20, decided_at=now - timedelta(hours=2),
                                   checked_out_at=now - timedelta(minutes=5), decided_by_label="Bambang Wijaya").id
    w = WORDS[lang]
    errors: list[str] = []
    desk = staff_page(browser, live_server, "rina", SMALL_PHONE, errors)
    desk.goto(f"{live_server}/admin/visits/{visit_id}?lang={lang}#next-step")
    _looked_at(desk, f"finished visit ({lang})")
    step = desk.locator("#next-step")
    gap, button = step.get_by_text(w["gap"], exact=False), step.get_by_role("button", name=w["report"])
    assert gap.bounding_box()["y"] < button.bounding_box()["y"]
    gap.scroll_into_view_if_needed()
    shot(desk, f"h26u-visit-report-gap-360x640-{lang}", full_page=False)
    pc = staff_page(browser, live_server, "rina", DESK_PC, errors)
    pc.goto(f"{live_server}/admin/visits/{visit_id}?lang={lang}")
    _looked_at(pc, f"finished visit at 1366x768 ({lang})")
    shot(pc, f"h26u-visit-report-gap-1366x768-{lang}", full_page=True)
    button.click()
    desk.wait_for_load_state()

    boss = staff_page(browser, live_server, "bambang", SMALL_PHONE, errors)
    boss.goto(f"{live_server}/admin/queue?lang={lang}")
    boss.wait_for_selector("[data-live-state].on")
    _looked_at(boss, f"queue with the report ({lang})")
    line = boss.locator(f'[data-key="report-{visit_id}"]')
    assert w["gap"] in line.inner_text()
    line.scroll_into_view_if_needed()
    shot(boss, f"h26u-queue-report-gap-360x640-{lang}", full_page=False)
    boss.goto(f"{live_server}/admin/visits/{visit_id}?lang={lang}#next-step")
    _looked_at(boss, f"reported visit, Kasubag ({lang})")
    ack = boss.locator("#next-step").get_by_role("button", name=w["ack"])
    assert boss.locator("#next-step").get_by_text(w["gap"]).bounding_box()["y"] < ack.bounding_box()["y"]
    ack.scroll_into_view_if_needed()
    shot(boss, f"h26u-visit-ack-gap-360x640-{lang}", full_page=False)
    close_pages(desk, pc, boss)
    assert not errors, errors
