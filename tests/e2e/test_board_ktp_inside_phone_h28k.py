"""h28k: the helpdesk board on a 360x640 phone when the Kasubag granted a visit before the desk saw the
visitor's KTP (the office's "KTP first" off). SOP 1: the helpdesk checks the original KTP; after the
check-out it can no longer be checked. The summary's "KTP perlu diperiksa" counts the visitor inside, its
chip leads to a section holding that visitor with "KTP asli sesuai" at hand, and one tap there leaves
nothing to check. No sideways scroll, 44 px targets, axe-clean."""
from __future__ import annotations

from datetime import timedelta

from lpsedesk.extensions import db
from lpsedesk.models import utcnow

from .. import factories
from .settle import settled
from .test_staff_flow import WAIT, close_pages, short_streams, staff_page  # noqa: F401
from .test_staff_phone_360x640_h25u import SMALL_PHONE, _in_the_first_screen, _looked_at
from .test_staff_screens import busy_day


def test_a_visitor_inside_with_an_unchecked_ktp_is_checked_from_the_summary(app, live_server, browser, make_user, shot):
    desk_id = make_user("rina", "helpdesk", name="Rina Helpdesk")
    busy_day(app, desk_id, make_user("bambang", "kasubag", name="Bambang Wijaya"))  # Agus's KTP unchecked (waiting)
    now = utcnow()
    with app.app_context():
        visitor = factories.visitor(full_name="Slamet Riyadi", institution="CV Sumber Rejeki")
        factories.visit("approved", visitor=visitor, facility="internet_corner", submitted_at=now - timedelta(minutes=25),
                        decided_at=now - timedelta(minutes=20), approved_until=now + timedelta(minutes=60),
                        decided_by_label="Bambang Wijaya")
        db.session.commit()
    errors: list[str] = []
    desk = staff_page(browser, live_server, "rina", SMALL_PHONE, errors)
    desk.goto(f"{live_server}/admin/board")
    desk.wait_for_selector("[data-live-state].on")
    _looked_at(desk, "board")
    duties = desk.get_by_role("navigation", name="Tugas helpdesk berikutnya")
    check = duties.get_by_role("link", name="2 KTP perlu diperiksa")  # Agus waiting, Slamet inside
    _in_the_first_screen(check, "the summary's KTP to check")
    check.click()
    settled(desk)
    section = desk.locator("[data-part=check-ktp]")
    slamet = section.locator("article", has_text="Slamet Riyadi")
    assert slamet.count() == 1 and "Agus Saputra" in section.inner_text()
    shot(desk, "h28k-board-check-ktp-inside-360x640", full_page=False)
    button = slamet.get_by_role("button", name="KTP asli sesuai")
    button.scroll_into_view_if_needed()
    _in_the_first_screen(button, "Slamet's KTP asli sesuai")
    button.click()
    duties.get_by_role("link", name="1 KTP perlu diperiksa").wait_for(timeout=WAIT)
    assert "Slamet Riyadi" not in desk.locator("[data-part=check-ktp]").inner_text()
    inside = desk.locator("[data-part=inside]").locator("article", has_text="Slamet Riyadi")
    assert "Original KTP not yet checked" not in inside.inner_text()
    assert "belum diperiksa" not in inside.inner_text()
    _looked_at(desk, "board after the check")
    shot(desk, "h28k-board-after-check-360x640", full_page=True)
    close_pages(desk)
    assert not errors, errors
