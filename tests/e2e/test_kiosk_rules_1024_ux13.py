"""ux13: on a 1024x768 kiosk screen the rules screen's "I have read the rules and agree" box sat under
the button bar, below the six rules, so a visitor saw "Kirim permintaan" and a signature box but not
what to tick. There it now stands at the top of the signature's column: the six rules, the box to
tick, the signature box and the send button are all on the screen; what is missing is said in sight."""
from __future__ import annotations

from tests.kiosk.e2e_support import enrol_page, on_to_the_rules, sends_from_the_rules, to_the_who_screen

from .axe import axe_source, violations
from .settle import settled
from .test_kiosk_readable import HIDDEN_ERRORS
from .test_kiosk_start_privacy_ux11 import BOX

SMALL = {"width": 1024, "height": 768}
BAR_TOP = "() => document.querySelector('section[data-screen=rules] .k-actions').getBoundingClientRect().top"


def _to_the_rules(page) -> None:
    to_the_who_screen(page)
    page.fill("input[name=full_name]", "SITI RAHAYU")
    page.fill("input[name=phone]", "081234560077")
    on_to_the_rules(page)
    settled(page)


def test_the_box_to_tick_the_rules_and_the_signature_are_in_sight_at_1024x768(app, live_server, browser, shot):
    page = enrol_page(app, browser, live_server, SMALL)
    _to_the_rules(page)
    shot(page, "ux13-kiosk-rules-1024", full_page=False)
    bar = page.evaluate(BAR_TOP)
    for selector in ("section[data-screen=rules] h1", ".k-rules li:last-child", "section[data-screen=rules] label.k-check", "[data-signature]",
                     "[data-action=clear-signature]"):
        top, bottom = page.evaluate(BOX, selector)["top"], page.evaluate(BOX, selector)["bottom"]
        assert top >= 0 and bottom <= bar, f"{selector} at {top:.0f}-{bottom:.0f}, the bar at {bar:.0f}"
    tick = page.evaluate(BOX, "section[data-screen=rules] label.k-check")
    assert tick["height"] >= 48 and tick["left"] > page.evaluate(BOX, ".k-rules")["right"], "beside the rules"
    assert violations(page, axe_source()) == []

    page.click("[data-action=submit]")
    page.wait_for_selector("[data-error-for=signature]:not(:empty)")
    settled(page)
    assert page.inner_text("[data-error-for=rules_accepted]").strip()
    assert not page.evaluate(HIDDEN_ERRORS), f"error lines hidden: {page.evaluate(HIDDEN_ERRORS)}"

    sends_from_the_rules(page)
