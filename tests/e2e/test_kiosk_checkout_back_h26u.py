"""h26u: a visitor who tapped "Keluar" by mistake finds "Kembali" without scrolling. On a 360x740 phone
and the 800x1280 portrait kiosk the camera stood between the code field and "Kembali", which lay under
the first screen; only the idle timeout (or a scroll the visitor does not know to make) led back.
The heading and the code field with its button still come first; "Kembali" inside the first screen,
after the heading in the reading order; axe-clean. Indonesian and English."""
from __future__ import annotations


import pytest

from .test_kiosk_start_and_checkout_phone_h25u import SIZES, _looked_at, _on_the_start_screen

BACK = {"id": "Kembali", "en": "Back"}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_back_is_on_the_first_screen_of_leaving(app, live_server, browser, shot, size, lang):
    page = _on_the_start_screen(app, browser, live_server, size, lang)
    page.click("[data-action=checkout]")
    page.wait_for_selector("section[data-screen=checkout]:not([hidden])")
    page.wait_for_selector("[data-screen=checkout] [data-camera-off]:not([hidden])")
    seen = _looked_at(page, "check-out", {"code field": "input[name=ticket]", "its button": ".k-ticket-form .k-btn",
                                          "back": "[data-action=to-start]"},
                      heading_above=("code field", "back"))
    assert seen["parts"]["back"]["text"] == BACK[lang]
    # the code field and its button stay the first thing to do: "Back" under them, never above
    assert seen["parts"]["its button"]["bottom"] <= seen["parts"]["back"]["top"]
    shot(page, f"h26u-kiosk-checkout-{size}-{lang}", full_page=False)
    page.click("[data-screen=checkout] [data-action=to-start]")
    page.wait_for_selector("section[data-screen=welcome]:not([hidden])")
    assert not page.errors, page.errors
