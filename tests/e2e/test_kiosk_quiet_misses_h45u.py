"""h45u: at the kiosk, "Lihat jawaban dan tiket saya" with a NIK and 4 digits that match no visit today,
and a name picked from those inside confirmed with wrong digits, are the visitor's ordinary mistakes:
the screen says them beside the boxes, and the browser's console logs no failed load for them (as the
recall and the card since h44u)."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from tests import factories
from tests.kiosk.e2e_support import TABLET, enrol_page, logged_failures
from .settle import settled

SHOTS = Path("/tmp/h45u")
NIK = "3373024107900001"  # synthetic: Kota Salatiga, born 01/07/1990, female


def _on_the_kiosk(app, browser, live_server, lang: str):
    with app.app_context():
        factories.visit("approved", submitted_at=datetime.now(timezone.utc),
                        visitor=factories.visitor(full_name="SARI UJI COBA", nik=NIK, phone="081234560001"))
    page = enrol_page(app, browser, live_server, TABLET)
    if lang == "en":
        page.goto(f"{live_server}/kiosk/?lang=en")
    page.wait_for_selector(f"html[lang={lang}] body[data-ready]")
    return page


# Each way: how to reach its boxes, the box for the 4 digits, its button, and what shows once found.
WAYS = {
    "find": (("[data-action=find-answer]",), "find_last4", "find-submit",
             "[data-screen=checkout-confirm]:not([hidden]), [data-screen=ticket]:not([hidden])"),
    "inside": (("[data-action=checkout]", "[data-action=inside]", ".k-name:has-text('Sa** U** Co**')"),
               "inside_last4", "inside-confirm", "[data-screen=checkout-confirm]:not([hidden])"),
}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("way", ["find", "inside"])
def test_wrong_digits_are_said_beside_the_box_without_a_console_error(app, live_server, browser, way, lang):
    taps, digits_box, submit, found = WAYS[way]
    page = _on_the_kiosk(app, browser, live_server, lang)
    logged = logged_failures(page)
    for tap in taps:
        page.click(tap)
    if way == "find":
        page.fill("input[name=find_nik]", NIK)
    page.fill(f"input[name={digits_box}]", "9999")
    page.click(f"[data-action={submit}]")
    page.wait_for_selector(f"input[name={digits_box}][aria-invalid=true]")
    said = page.evaluate("(box) => document.getElementById(document.querySelector(box)"
                         ".getAttribute('aria-describedby').split(' ')[0]).textContent", f"input[name={digits_box}]")
    assert "4" in said, said  # the box says what to check: its 4 digits
    if way == "find":  # h46g: the miss is said once, beside the digits (it names the NIK too)
        assert page.get_attribute("input[name=find_nik]", "aria-invalid") is None
        assert "NIK" in said and page.inner_text("[data-find-error]").strip() == "", said
    settled(page)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"1-{way}-wrong-digits-1280x800-{lang}.png"))
    assert logged == [], logged
    assert page.is_hidden("[data-screen=checkout-confirm]") and page.is_hidden("[data-screen=ticket]")

    # the right digits still find the visit
    page.fill(f"input[name={digits_box}]", "0001")
    page.click(f"[data-action={submit}]")
    page.wait_for_selector(found)
    assert logged == [], logged
