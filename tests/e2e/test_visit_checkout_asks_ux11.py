"""ux11: the visit page's own "Catat keluar di meja helpdesk" asks once more, naming the visitor, as
the desk board's does ("Catat keluar Budi Santoso? Ya / Batal"): a check-out has no way back, and a
helpdesk who opened the wrong visitor's page (two "Budi" inside) must be able to stop. It asks in
place with JavaScript and on a page of its own without it, at the desk and on a 360 px phone; after
"Ya" the page comes back at "Next step" with the report to the Kasubag in sight."""
from __future__ import annotations

import pytest

from tests.conftest import TEST_PASSWORD

from .axe import axe_source, violations
from .settle import settled
from .test_desk_checkout_asks_ux10 import SCREENS, _status, _two_inside
from .test_staff_flow import staff_page

CHECK_OUT = "Catat keluar di meja helpdesk"
IN_VIEW = """(el) => { const r = el.getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; }"""


@pytest.mark.parametrize("screen", ["desk", "phone"])
def test_the_visit_pages_check_out_asks_about_that_visitor_first(app, live_server, browser, make_user, shot, screen):
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    siregar, santoso = _two_inside(app)
    errors: list[str] = []
    page = staff_page(browser, live_server, "rina", SCREENS[screen], errors)
    page.goto(f"{live_server}/admin/visits/{santoso}#next-step")
    step = page.locator("#next-step")
    step.get_by_role("button", name=CHECK_OUT).click()
    question = step.locator(".confirm-out")
    assert question.inner_text().startswith("Catat keluar Budi Santoso?")
    assert _status(app, santoso) == "approved", "one click checked the visitor out"
    yes, no = question.get_by_role("button", name="Ya"), question.get_by_role("button", name="Batal")
    for button in (yes, no):  # a finger's width on the phone, and in sight where the tap was
        box = button.bounding_box()
        assert box["height"] >= 44 and box["x"] + box["width"] <= SCREENS[screen]["width"], box
        assert button.evaluate(IN_VIEW)
    assert page.evaluate("document.activeElement.textContent") == "Batal"  # the safe answer first
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    shot(page, f"ux11-visit-asks-{screen}", full_page=False)
    assert violations(page, axe_source()) == []

    no.click()
    assert step.locator(".confirm-out").count() == 0 and _status(app, santoso) == "approved"
    step.get_by_role("button", name=CHECK_OUT).click()
    with page.expect_navigation():
        step.locator(".confirm-out").get_by_role("button", name="Ya").click()
    settled(page)
    assert _status(app, santoso) == "checked_out" and _status(app, siregar) == "approved"
    assert "Budi Santoso" in page.locator("[role=status], .flash, .flashes").first.inner_text()
    report = page.locator("main form[action$='/report'] button")
    assert report.evaluate(IN_VIEW), "the next step, the report to the Kasubag, is out of sight"
    assert not errors, errors


def test_without_javascript_the_visit_page_asks_on_a_page_of_its_own(app, live_server, browser, make_user):
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    _, santoso = _two_inside(app)
    page = browser.new_context(viewport=SCREENS["phone"], java_script_enabled=False).new_page()
    page.goto(f"{live_server}/admin/login")
    page.fill("input[name=username]", "rina")
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("button[type=submit]")
    visit = f"{live_server}/admin/visits/{santoso}"
    page.goto(visit)
    with page.expect_navigation():
        page.get_by_role("button", name=CHECK_OUT).click()
    assert page.locator("h1").inner_text() == "Catat keluar Budi Santoso?"
    assert _status(app, santoso) == "approved"
    with page.expect_navigation():
        page.get_by_role("link", name="Batal").click()
    assert page.url.startswith(visit) and _status(app, santoso) == "approved"  # back where they were
    with page.expect_navigation():
        page.get_by_role("button", name=CHECK_OUT).click()
    with page.expect_navigation():
        page.get_by_role("button", name="Ya, catat keluar").click()
    assert page.url.startswith(visit) and _status(app, santoso) == "checked_out"
