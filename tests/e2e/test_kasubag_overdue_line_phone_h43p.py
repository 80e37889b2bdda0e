"""h43p: the Kasubag's one calm line on remote-access accounts open past their approved end, on a 360x640
phone: on one screen's width (no sideways scroll), a thumb's size to tap, and it opens the register."""
from __future__ import annotations

from tests.admin.test_remote_overdue import open_account

from .test_staff_flow import close_pages, short_streams, staff_page  # noqa: F401
from .test_staff_phone_360x640_h25u import SMALL_PHONE


def test_the_kasubag_reads_the_overdue_accounts_line_on_a_phone(app, live_server, browser, make_user):
    admin_id = make_user("ani", "admin", name="Ani Admin")
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    open_account(app, admin_id)
    errors: list[str] = []
    page = staff_page(browser, live_server, "bambang", SMALL_PHONE, errors)
    page.goto(f"{live_server}/admin/")
    line = page.locator("[data-part=remote-overdue] a")
    assert line.inner_text().strip() == "1 akun akses jarak jauh melewati batas persetujuan"
    box = line.bounding_box()
    assert box["height"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    line.scroll_into_view_if_needed()
    page.screenshot(path="/tmp/h43p/kasubag-overdue-line-360x640.png")
    line.click()
    page.wait_for_url("**/admin/remote/?status=active")
    assert errors == []
