"""The desk answers only to its own names (h38c, DNS rebinding), in real chromium: the kiosk still
enrols and works on 127.0.0.1 and on `localhost` (README, kiosk set-up: "open
http://localhost:8080/kiosk/"), and a page reached by a public name that resolves to the desk (a
rebinding page, here chromium told that evil.example is 127.0.0.1) gets the refusal, in the
browser's chosen language, and can log in to nothing from there."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.kiosk.e2e_support import TABLET, enrol_page

from .settle import settled

SHOTS = Path(os.environ.get("H38C_SHOTS", "/tmp/h38c"))


@pytest.mark.parametrize("name", ["127.0.0.1", "localhost"])
def test_the_kiosk_enrols_and_shows_its_welcome_on_the_servers_own_names(app, live_server, browser, name):
    base = live_server.replace("127.0.0.1", name)
    page = enrol_page(app, browser, base, TABLET)
    # the welcome screen's own requests answered: its page, styles and modules loaded (it asks the
    # server nothing more until a visitor starts) and its script run to its end
    page.wait_for_load_state("load")
    page.wait_for_selector("body[data-ready]")
    settled(page)
    assert page.url.startswith(f"{base}/kiosk/")
    assert page.locator("body[data-screen=welcome]").count() == 1
    assert not page.errors, page.errors  # type: ignore[attr-defined]
    page.context.close()


def test_a_rebound_public_name_gets_the_refusal_page_and_no_login(app, live_server, launch_browser, make_user):
    make_user("rina", "helpdesk")
    port = live_server.rsplit(":", 1)[1]
    browser = launch_browser(extra_args=["--host-resolver-rules=MAP evil.example 127.0.0.1"])
    SHOTS.mkdir(parents=True, exist_ok=True)
    for label, viewport in (("desk", {"width": 1366, "height": 768}), ("phone", {"width": 360, "height": 640})):
        # bypass_csp: the script below stands for the rebinding page's own, which runs under its own
        # policy; the refusal page's allows no fetch at all (h39a, lpsedesk/bare_page.py)
        context = browser.new_context(viewport=viewport, bypass_csp=True)
        page = context.new_page()
        response = page.goto(f"http://evil.example:{port}/admin/login")
        assert response is not None and response.status == 400
        text = page.inner_text("main")
        assert "tidak melayani alamat “evil.example”" in text and "ALLOWED_HOSTS" in text
        page.screenshot(path=str(SHOTS / f"refused-{label}.png"), full_page=True)
        page.click("nav.lang a[hreflang=en]")
        assert "does not answer to the address “evil.example”" in page.inner_text("main")
        page.screenshot(path=str(SHOTS / f"refused-{label}-en.png"), full_page=True)
        # What a rebinding page's script would send: the login form, same-origin to it.
        status = page.evaluate("""async () => (await fetch('/admin/login', {method: 'POST',
            headers: {'Content-Type': 'application/x-www-form-urlencoded'},
            body: 'username=rina&password=salah-sekali-123'})).status""")
        assert status == 400
        context.close()
