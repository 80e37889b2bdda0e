"""The helpdesk at a desk PC with the keyboard only: the first Tab shows a "skip to the page content"
link (in the page's language), which skips the language switch, log-out and menu; every control
reached by Tab afterwards shows where the focus is."""
from __future__ import annotations

import pytest

from tests import factories
from tests.conftest import TEST_PASSWORD

DESK = {"width": 1366, "height": 768}

FOCUSED = """() => { const e = document.activeElement, s = getComputedStyle(e), box = e.getBoundingClientRect();
  return {tag: e.tagName, text: (e.textContent || '').trim().slice(0, 40), inMain: !!e.closest('main'),
          inView: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight,
          ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1) || s.boxShadow !== 'none'}; }"""


@pytest.mark.parametrize("lang,words", [("id", "Langsung ke isi halaman"), ("en", "Skip to the page content")])
def test_the_helpdesk_skips_the_menu_and_always_sees_the_focus(app, live_server, browser, make_user, lang, words):
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    with app.app_context():
        factories.visit("approved")
    page = browser.new_context(viewport=DESK).new_page()
    page.goto(f"{live_server}/admin/login?lang={lang}")
    page.fill("input[name=username]", "rina")
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server}/admin/board")
    page.wait_for_load_state()
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED)
    assert first["text"] == words and first["inView"] and first["ring"], first
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    after = page.evaluate(FOCUSED)
    assert after["inMain"], f"the skip link did not skip the menu: {after}"
    reached = 0
    for _ in range(12):
        state = page.evaluate(FOCUSED)
        if state["tag"] == "BODY":  # past the last control of the page
            break
        assert state["ring"] and state["inView"], f"no visible focus on {state}"
        reached += 1
        page.keyboard.press("Tab")
    assert reached >= 3, "the board's controls are not reachable by Tab"

