"""h43p: a browser that keeps no cookies for the desk is told on the login page before the password is
typed (it says so in navigator.cookieEnabled); one that keeps them sees no such line."""
from __future__ import annotations

COOKIES_OFF = "Object.defineProperty(Navigator.prototype, 'cookieEnabled', { get: () => false });"
PHONE = {"width": 360, "height": 640}


def test_the_login_page_says_first_that_cookies_must_be_allowed(app, live_server, browser, make_user):
    make_user("bambang", "kasubag")  # the login page, not the first run's
    blocked = browser.new_context(viewport=PHONE)
    blocked.add_init_script(COOKIES_OFF)
    page = blocked.new_page()
    page.goto(f"{live_server}/admin/login")
    line = page.locator("[data-cookies-off]")
    line.wait_for(state="visible")
    assert "izinkan cookie untuk situs ini" in line.inner_text()
    page.screenshot(path="/tmp/h43p/login-cookies-off-360x640.png")

    allowed = browser.new_context(viewport=PHONE).new_page()
    allowed.goto(f"{live_server}/admin/login")
    allowed.wait_for_load_state("load")
    assert allowed.locator("[data-cookies-off]").is_hidden()
