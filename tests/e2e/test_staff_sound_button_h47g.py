"""h47g: on a 320 px phone the queue's sound button, "Aktifkan suara dan notifikasi", took three lines (79 px)
beside the live state (docs/staff.md, h47d's walk). Its shown label is short, two lines at most at 320x568, in
Bahasa Indonesia and English; a screen reader still hears the whole errand, and "Suara aktif" once on."""
from __future__ import annotations

from pathlib import Path

import pytest

from .settle import settled
from .test_staff_flow import close_pages, short_streams  # noqa: F401
from .test_staff_phone_people_h47d import kasubag_queue
from .test_staff_phone_stranger import SIDEWAYS

SHOTS = Path("/tmp/h47g")
WORDS = {"id": ("Aktifkan suara dan notifikasi", "Suara aktif"), "en": ("Turn on sound and notifications", "Sound on")}
# how many lines the button's words take on the screen
LINES = """(el) => { const range = document.createRange(); range.selectNodeContents(el);
  return new Set([...range.getClientRects()].filter((r) => r.width > 1).map((r) => Math.round(r.top))).size; }"""


@pytest.mark.layout
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_sound_button_takes_two_lines_at_most_on_a_320_px_phone(app, live_server, browser, make_user,
                                                                     short_streams, lang):
    errors: list[str] = []
    page = kasubag_queue(app, browser, live_server, make_user, {"width": 320, "height": 568}, lang, errors)
    settled(page)
    whole, on = WORDS[lang]
    button = page.get_by_role("button", name=whole, exact=True)  # the whole errand, for a screen reader
    assert button.count() == 1
    lines = button.evaluate(LINES)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"3-queue-sound-320x568-{lang}.png"))
    assert lines <= 2, f"the sound button takes {lines} lines"
    assert 44 <= button.bounding_box()["height"] <= 64, button.bounding_box()
    shown = button.inner_text().strip()
    assert shown and whole.startswith(shown), (shown, whole)  # what is seen begins what is heard
    assert page.evaluate(SIDEWAYS) <= 0
    button.click()
    on_button = page.get_by_role("button", name=on, exact=True)
    on_button.wait_for()
    settled(page)
    page.screenshot(path=str(SHOTS / f"3-queue-sound-on-320x568-{lang}.png"))
    assert on_button.evaluate(LINES) <= 2
    assert not errors, errors
    close_pages(page)
