"""h39a: the refusal of a Host name that is not the desk's (h38c), seen in chromium at a phone's 360 px
and a desk's 1366 px: styled by its own inline style (its /static is refused too), fetching nothing else,
no line wider than the screen. Screenshots: test-artifacts/screenshots/host_refused_*.png."""
from __future__ import annotations

import pytest

SIZES = {"phone": (360, 640), "desk": (1366, 768)}


@pytest.mark.parametrize("size", SIZES)
def test_the_refusal_page_is_styled_and_readable_on_a_phone_and_a_desk(live_server, launch_browser, shot, size):
    port = live_server.rsplit(":", 1)[1]
    # chromium resolves the stranger's name to the desk, as a rebinding page's would
    browser = launch_browser(extra_args=["--host-resolver-rules=MAP evil.example 127.0.0.1"])
    width, height = SIZES[size]
    page = browser.new_page(viewport={"width": width, "height": height})
    fetched, refused_css = [], []
    page.on("request", lambda r: fetched.append(r.url))
    page.on("console", lambda m: refused_css.append(m.text) if "Content Security Policy" in m.text else None)
    response = page.goto(f"http://evil.example:{port}/admin/login")
    assert response.status == 400
    shot(page, f"host_refused_{size}")
    assert fetched == [f"http://evil.example:{port}/admin/login"] and not refused_css
    box = page.locator("main")
    # its own style applied: the card's white on the page's grey, its red top border
    assert box.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 255, 255)"
    assert box.evaluate("e => getComputedStyle(e).borderTopColor") == "rgb(179, 38, 30)"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert "tidak melayani alamat" in box.inner_text()
    assert box.bounding_box()["width"] <= min(width, 36 * 16 + 48)
