"""ux10: the helpdesk's "Catat keluar" on the board asks once more in place, naming the visitor
("Catat keluar Budi Siregar? Ya / Batal"): a click on the wrong row must not check out the wrong
visitor for good. Works by mouse at the desk, by touch on a 360 px phone, and by keyboard."""
from __future__ import annotations

import os

import pytest

from lpsedesk.extensions import db
from lpsedesk.models import Visit
from tests import factories
from tests.conftest import TEST_PASSWORD

from .axe import axe_source, violations
from .test_staff_flow import staff_page

SCREENS = {"desk": {"width": 1280, "height": 800}, "phone": {"width": 360, "height": 740}}
NOTES = os.environ.get("UX10_SHOTS")  # a folder to keep the PNGs in, to look at


def _status(app, visit_id: int) -> str:
    with app.app_context():
        db.session.expire_all()
        return db.session.get(Visit, visit_id).status


def _two_inside(app):
    from tests.admin.test_staff_desk import inside
    with app.app_context():
        return (inside(visitor=factories.visitor(full_name="Budi Siregar")),
                inside(visitor=factories.visitor(full_name="Budi Santoso")))


@pytest.mark.parametrize("screen", ["desk", "phone"])
def test_a_click_on_check_out_asks_about_that_visitor_and_cancel_keeps_them_inside(
        app, live_server, browser, make_user, shot, screen):
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    siregar, santoso = _two_inside(app)
    errors: list[str] = []
    page = staff_page(browser, live_server, "rina", SCREENS[screen], errors)
    page.goto(f"{live_server}/admin/board")
    tile = page.locator(f"[data-key=in-{santoso}]")
    tile.get_by_role("button", name="Catat keluar").click()
    question = tile.locator(".confirm-out")
    assert question.inner_text().startswith("Catat keluar Budi Santoso?")
    assert _status(app, santoso) == "approved", "one click checked the visitor out"
    assert tile.get_by_role("button", name="Catat keluar").count() == 0, "the question replaces the button"
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    for button in (question.get_by_role("button", name="Ya"), question.get_by_role("button", name="Batal")):
        box = button.bounding_box()
        assert box["height"] >= 24 and box["x"] + box["width"] <= SCREENS[screen]["width"]
    assert violations(page, axe_source()) == []
    path = shot(page, f"ux10-board-asks-{screen}", full_page=False)
    if NOTES:
        page.screenshot(path=f"{NOTES}/board-asks-{screen}.png")

    question.get_by_role("button", name="Batal").click()
    assert tile.locator(".confirm-out").count() == 0
    assert _status(app, santoso) == "approved"

    tile.get_by_role("button", name="Catat keluar").click()
    with page.expect_navigation():
        tile.locator(".confirm-out").get_by_role("button", name="Ya").click()
    assert _status(app, santoso) == "checked_out" and _status(app, siregar) == "approved"
    assert "Budi Santoso" in page.locator("[role=status], .flash, .flashes").first.inner_text()
    assert not errors, errors
    assert path.exists()


def test_by_keyboard_the_question_starts_on_cancel_and_escape_backs_out(app, live_server, browser, make_user):
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    siregar, _ = _two_inside(app)
    errors: list[str] = []
    page = staff_page(browser, live_server, "rina", SCREENS["desk"], errors)
    page.goto(f"{live_server}/admin/board")
    tile = page.locator(f"[data-key=in-{siregar}]")
    tile.get_by_role("button", name="Catat keluar").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.textContent") == "Batal"
    page.keyboard.press("Enter")  # a second Enter (a key held down) answers "Batal", not "Ya"
    assert _status(app, siregar) == "approved"
    assert page.evaluate("document.activeElement.textContent") == "Catat keluar"
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    assert tile.locator(".confirm-out").count() == 0 and _status(app, siregar) == "approved"
    page.keyboard.press("Enter")
    page.keyboard.press("Shift+Tab")  # from "Batal" back to "Ya"
    assert page.evaluate("document.activeElement.textContent") == "Ya"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert _status(app, siregar) == "checked_out"
    assert not errors, errors


def test_without_javascript_the_question_is_a_page_of_its_own(app, live_server, browser, make_user):
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    siregar, _ = _two_inside(app)
    context = browser.new_context(viewport=SCREENS["phone"], java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server}/admin/login")
    page.fill("input[name=username]", "rina")
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server}/admin/board")
    with page.expect_navigation():
        page.locator(f"[data-key=in-{siregar}]").get_by_role("button", name="Catat keluar").click()
    assert page.locator("h1").inner_text() == "Catat keluar Budi Siregar?"
    assert _status(app, siregar) == "approved"
    if NOTES:
        page.screenshot(path=f"{NOTES}/board-asks-nojs-phone.png")
    with page.expect_navigation():
        page.get_by_role("link", name="Batal").click()
    assert page.url.endswith("/admin/board") and _status(app, siregar) == "approved"
