"""h35r: a refused letter no longer vanishes. The Admin's home counts it among what waits on the Admin
("Surat yang ditolak: beri tahu pihak ketiga ..."), one tap from the refused letters still to answer;
its page asks when and how the third party was told, and once recorded says "Pihak ketiga sudah
diberi tahu <time> WIB"; the home then counts none. At the desk (1366x768) and on a phone (360x640):
nothing scrolls sideways, the cards and the button stay inside the screen, and axe-core finds nothing.
"""
from __future__ import annotations

import re

import pytest

from .axe import axe_source, violations
from .settle import settled
from .test_admin_remote_stranger_h34a import SIDEWAYS, _letters, _login, _people
from .test_staff_flow import close_pages

PHONE = {"width": 360, "height": 640}
DESK = {"width": 1366, "height": 768}
NAME = "Teknisi Ditolak"
NOTE = "Surat balasan no. 12/LPSE/XII/2026"


def _inside_screen(locator, viewport: dict) -> None:
    box = locator.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"] + 0.5, box
    assert box["height"] >= 44, box


@pytest.mark.parametrize("viewport", [DESK, PHONE], ids=["1366x768", "360x640"])
def test_the_admin_tells_the_third_party_of_a_refusal_and_it_stops_waiting(app, live_server, browser, make_user,
                                                                          shot, viewport):
    # h34a's letters: one approved, one account open, one refused ("Teknisi Ditolak"), none told
    rid = _letters(app, *_people(make_user))["denied"]
    width = viewport["width"]
    page = _login(browser, live_server, "sinta", viewport)

    # the home counts the refused letter among the Admin's steps
    page.goto(f"{live_server}/admin/")
    page.wait_for_load_state()
    shot(page, f"h35r-home-{width}", full_page=False)
    card = page.locator("#remote-steps [data-step=denied]")
    assert card.count() == 1, f"the Admin's home says nothing of the refused letter: {page.inner_text('main')}"
    assert card.locator(".big").inner_text() == "1" and "beri tahu pihak ketiga" in card.inner_text()
    _inside_screen(card, viewport)
    assert page.evaluate(SIDEWAYS) <= 0
    assert violations(page, axe_source()) == []
    with page.expect_navigation():
        card.click()
    assert page.locator(f"#remote-{rid}").count() == 1
    # the register's filter of refused letters still to answer, marked on the letter's row
    assert "Pihak ketiga belum diberi tahu" in page.inner_text(f"#remote-{rid}")
    assert page.locator("nav.filters a.current").inner_text().startswith("Ditolak, belum diberi tahu")
    shot(page, f"h35r-register-{width}", full_page=True)
    assert page.evaluate(SIDEWAYS) <= 0
    assert violations(page, axe_source()) == []

    # the letter's page: the step, then the answer recorded
    page.goto(f"{live_server}/admin/remote/{rid}")
    page.wait_for_load_state()
    settled(page)
    form = page.locator("#next-step #tell-form")
    assert form.is_visible(), page.inner_text("#next-step")
    form.get_by_label("Cara memberi tahu (opsional)").fill(NOTE)
    button = form.get_by_role("button", name=f"Catat bahwa {NAME} sudah diberi tahu")
    button.scroll_into_view_if_needed()
    shot(page, f"h35r-step-{width}", full_page=False)
    _inside_screen(button, viewport)
    assert page.evaluate(SIDEWAYS) <= 0
    assert violations(page, axe_source()) == []
    with page.expect_navigation():
        button.click()
    told = page.locator("#next-step #told")
    assert re.fullmatch(r"Pihak ketiga sudah diberi tahu \d\d/\d\d/\d{4} \d\d:\d\d WIB\.", told.inner_text()), \
        told.inner_text()
    assert NOTE in page.inner_text("#next-step")
    assert page.locator("#next-step #tell-form").count() == 0
    shot(page, f"h35r-told-{width}", full_page=False)
    assert page.evaluate(SIDEWAYS) <= 0
    assert violations(page, axe_source()) == []

    page.goto(f"{live_server}/admin/")
    assert page.locator("#remote-steps [data-step=denied] .big").inner_text() == "0"
    close_pages(page)
