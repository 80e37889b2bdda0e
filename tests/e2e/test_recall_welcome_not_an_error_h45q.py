"""h45q: on the "about you" screen a returning visitor types the last 4 digits of their phone under
"Pernah berkunjung?" and taps "Isi otomatis": the details are filled in and the kiosk says "Selamat
datang kembali! Data Anda sudah terisi." That line was drawn in the error red (it shares its place
with the miss, "Tidak ditemukan kunjungan sebelumnya"), so a visitor whose details were just filled in
read that something had gone wrong. A success must not look like an error: the welcome line is not in
an error's colour and the miss still is, each readable (axe), at the 1280x800 kiosk."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests import factories
from tests.kiosk.e2e_support import TABLET, enrol_page, to_the_who_screen

from .axe import axe_source, violations

SHOTS = Path("/tmp/h45q")
NIK = "3373024107900001"  # synthetic: Kota Salatiga, born 01/07/1990, female
PHONE = "081234567788"
LINE = "[data-error-for=recall]"
SAID = {"id": {"welcome": "Selamat datang kembali!", "miss": "Tidak ditemukan kunjungan sebelumnya"},
        "en": {"welcome": "Welcome back!", "miss": "No earlier visit matches"}}

# The line as it is drawn: its text colour, and the field error's beside it for comparison (the phone
# number's, the screen's own error style, shown by asking for it).
DRAWN = """(sel) => {
  const el = document.querySelector(sel), style = getComputedStyle(el);
  const rgb = style.color.match(/\\d+/g).map(Number);
  return {rgb, classes: Array.from(el.classList), shown: el.getClientRects().length > 0,
          before: getComputedStyle(el, '::before').content};
}"""


def _reddish(rgb: list[int]) -> bool:
    """An error's red: red well above both green and blue (the kiosk's ink, green and blue are not)."""
    r, g, b = rgb[:3]
    return r >= 120 and r - g >= 60 and r - b >= 60


def _recall(page, digits: str, said: str) -> dict:
    page.fill("input[name=phone_last4]", digits)
    page.click("[data-action=recall]")
    page.wait_for_function("([sel, t]) => document.querySelector(sel).textContent.includes(t)", arg=[LINE, said])
    return page.evaluate(DRAWN, LINE)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_welcome_back_is_not_drawn_as_an_error_and_no_match_still_is(app, live_server, browser, lang):
    with app.app_context():
        factories.visit("reported", visitor=factories.visitor(nik=NIK, phone=PHONE))
    page = enrol_page(app, browser, live_server, TABLET)
    if lang == "en":
        page.goto(f"{live_server}/kiosk/?lang=en")
        page.wait_for_selector("html[lang=en] body[data-ready]")
    to_the_who_screen(page)
    page.fill("input[name=nik]", NIK)
    SHOTS.mkdir(exist_ok=True)

    miss = _recall(page, "9999", SAID[lang]["miss"])
    page.wait_for_timeout(300)  # the page scrolled to the line
    page.screenshot(path=str(SHOTS / f"recall-miss-1280x800-{lang}.png"))
    assert miss["shown"] and _reddish(miss["rgb"]), miss
    assert violations(page, axe_source()) == []

    welcome = _recall(page, PHONE[-4:], SAID[lang]["welcome"])
    assert page.input_value("input[name=phone]") == PHONE  # the details were filled in
    page.wait_for_timeout(300)
    page.screenshot(path=str(SHOTS / f"recall-welcome-1280x800-{lang}.png"))
    assert welcome["shown"] and not _reddish(welcome["rgb"]), welcome
    assert "k-error" not in welcome["classes"], welcome
    assert violations(page, axe_source()) == []

    # and a miss after the welcome (other digits) is red again
    again = _recall(page, "9999", SAID[lang]["miss"])
    assert _reddish(again["rgb"]) and "k-error" in again["classes"], again
    assert not page.errors, page.errors
