"""The staff login page renders in real chromium with no console errors (CSP violations included)."""
from __future__ import annotations


def test_login_page_renders_without_console_errors(live_server, browser, make_user, shot):
    make_user("rina", "helpdesk")
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{live_server}/admin/login")
    assert page.locator("h1").inner_text() == "Masuk petugas"
    page.fill("input[name=username]", "rina")
    page.fill("input[name=password]", "Rahasia-uji-123")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server}/admin/")
    shot(page, "admin-dashboard-empty")
    assert not errors, errors
