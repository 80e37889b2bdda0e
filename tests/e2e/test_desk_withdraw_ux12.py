"""ux12: the helpdesk withdraws a waiting request for a visitor who will not wait. On the board's
waiting tile "Batalkan permintaan" asks in place, naming the visitor ("Batalkan permintaan kunjungan
Budi Siregar? Ya, batalkan / Tidak"); "Tidak" keeps it waiting; "Ya, batalkan" closes it, and the
Kasubag's queue open on a phone loses it live."""
from __future__ import annotations

import pytest

from lpsedesk.extensions import db
from lpsedesk.models import Visit
from tests import factories

from .axe import axe_source, violations
from .test_staff_flow import staff_page

SCREENS = {"desk": {"width": 1280, "height": 800}, "phone": {"width": 360, "height": 740}}


def _budi_waits(app, make_user) -> int:
    """Rina at the desk, and Budi Siregar's request waiting for the Kasubag."""
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    with app.app_context():
        return factories.visit(visitor=factories.visitor(full_name="Budi Siregar")).id


def _asked(container, button: str):
    """Tap `button` in `container`: the question that replaces it."""
    container.get_by_role("button", name=button).click()
    return container.locator(".confirm-out")


def _status(app, visit_id: int) -> str:
    with app.app_context():
        db.session.expire_all()
        return db.session.get(Visit, visit_id).status


@pytest.mark.parametrize("screen", ["desk", "phone"])
def test_the_helpdesk_withdraws_a_waiting_request_and_the_queue_loses_it_live(
        app, live_server, browser, make_user, shot, screen):
    visit_id = _budi_waits(app, make_user)
    make_user("bambang", "kasubag", name="Bambang Kasubag")
    errors: list[str] = []
    queue = staff_page(browser, live_server, "bambang", SCREENS["phone"], errors)
    queue.goto(f"{live_server}/admin/queue")
    assert queue.locator(f"[data-key=visit-{visit_id}]").is_visible()

    desk = staff_page(browser, live_server, "rina", SCREENS[screen], errors)
    desk.goto(f"{live_server}/admin/board")
    tile = desk.locator(f"[data-key=p-{visit_id}]")
    question = _asked(tile, "Batalkan permintaan")
    assert question.inner_text().startswith("Batalkan permintaan kunjungan Budi Siregar?")
    assert desk.evaluate("document.activeElement.textContent") == "Tidak", "the safe answer first"
    assert desk.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    for button in (question.get_by_role("button", name="Ya, batalkan"), question.get_by_role("button", name="Tidak")):
        box = button.bounding_box()
        assert box["height"] >= 44 and box["x"] + box["width"] <= SCREENS[screen]["width"]
    assert violations(desk, axe_source()) == []
    shot(desk, f"ux12-board-withdraw-asks-{screen}", full_page=False)
    question.get_by_role("button", name="Tidak").click()
    assert tile.locator(".confirm-out").count() == 0 and _status(app, visit_id) == "pending"

    _asked(tile, "Batalkan permintaan").get_by_role("button", name="Ya, batalkan").click()
    desk.wait_for_selector(f"[data-key=f-{visit_id}]")
    assert _status(app, visit_id) == "cancelled"
    assert "oleh Rina Helpdesk" in desk.inner_text(f"[data-key=f-{visit_id}]")
    assert desk.locator(f"[data-key=p-{visit_id}]").count() == 0
    shot(desk, f"ux12-board-withdrawn-{screen}", full_page=False)
    queue.wait_for_selector(f"[data-key=visit-{visit_id}]", state="detached", timeout=15000)
    assert not errors, errors


def test_the_visit_page_withdraws_too_and_says_where_the_visit_stands(app, live_server, browser, make_user, shot):
    visit_id = _budi_waits(app, make_user)
    errors: list[str] = []
    page = staff_page(browser, live_server, "rina", SCREENS["phone"], errors)
    page.goto(f"{live_server}/admin/visits/{visit_id}#next-step")
    step = page.locator("#next-step")
    assert _asked(step, "Batalkan permintaan").inner_text().startswith("Batalkan permintaan kunjungan Budi Siregar?")
    shot(page, "ux12-visit-withdraw-asks-phone", full_page=False)
    assert violations(page, axe_source()) == []
    step.locator(".confirm-out").get_by_role("button", name="Ya, batalkan").click()
    page.wait_for_selector("text=Dibatalkan sebelum Kasubag memutuskan.")
    assert _status(app, visit_id) == "cancelled"
    assert page.locator("#next-step").get_by_role("button", name="Batalkan permintaan").count() == 0
    shot(page, "ux12-visit-withdrawn-phone", full_page=False)
    assert not errors, errors
