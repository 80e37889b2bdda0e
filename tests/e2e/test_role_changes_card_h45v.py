"""h45v: the account page's role changes, read by an Admin on the office PC and on a phone: each line
whole on the screen, the page never wider than it."""
from __future__ import annotations

import pytest

from ..conftest import logged_in_client, post_form
from .test_staff_flow import staff_page

PHONE, DESK = {"width": 360, "height": 640}, {"width": 1366, "height": 768}


@pytest.mark.layout
@pytest.mark.parametrize("viewport", [PHONE, DESK], ids=["phone", "desk"])
def test_an_admins_own_kasubag_role_reads_whole_on_their_account_page(app, live_server, browser, make_user, shot,
                                                                      viewport):
    sinta = make_user("sinta", "admin", name="Sinta Admin")
    make_user("yusuf", "admin", name="Yusuf Admin")
    assert post_form(logged_in_client(app, "sinta"), f"/admin/settings/users/{sinta}/roles",
                     {"roles": ["admin", "kasubag"]}).status_code == 302
    page = staff_page(browser, live_server, "yusuf", viewport, [])
    page.goto(f"{live_server}/admin/settings/users/{sinta}")
    card = page.locator("[data-role-changes]")
    card.scroll_into_view_if_needed()
    assert "Diberikan kepada akunnya sendiri." in card.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    box = card.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    shot(page, f"role-changes-{viewport['width']}")
