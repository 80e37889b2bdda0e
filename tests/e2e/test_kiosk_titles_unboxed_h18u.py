"""h18u: an elderly visitor walks the kiosk by touch at a 1366x768 kiosk and a 1080x1920 portrait one.
On each new screen its title takes the focus so a screen reader says where the visitor is (ux16); but
the browser drew its focus ring around the title, a black box as wide as the screen around "Foto KTP
Anda" and "Data diri Anda", which reads as a field to fill or a broken frame. The title keeps the focus
and is drawn without a box."""
from __future__ import annotations

import pytest

from tests.kiosk.e2e_support import PORTRAIT, enrol_page, upload_ktp

from .axe import axe_source, violations

KIOSK = {"width": 1366, "height": 768}
# The focused element, and the ring the browser draws around it (none: no box).
FOCUS_RING = """() => { const a = document.activeElement, s = getComputedStyle(a);
  return {tag: a.tagName, text: a.textContent.trim(), ring: s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth)}; }"""


@pytest.mark.parametrize("viewport", [KIOSK, PORTRAIT], ids=["1366x768", "1080x1920"])
def test_each_new_screens_title_is_announced_without_a_box_drawn_round_it(app, live_server, browser, shot, viewport):
    page = enrol_page(app, browser, live_server, viewport)
    page.wait_for_selector("body[data-ready]")
    page.click("[data-action=checkin]")
    page.wait_for_selector("section[data-screen=ktp]:not([hidden])")
    title = page.evaluate(FOCUS_RING)      # its words depend on the camera being there or not
    assert (title["tag"], title["ring"]) == ("H1", 0) and "KTP" in title["text"], title
    shot(page, f"h18u-kiosk-ktp-title-{viewport['width']}", full_page=False)
    upload_ktp(page)
    page.click("[data-action=to-who]")
    page.wait_for_selector("section[data-screen=who]:not([hidden])")
    assert page.evaluate(FOCUS_RING) == {"tag": "H1", "text": "Data diri Anda", "ring": 0}
    shot(page, f"h18u-kiosk-who-title-{viewport['width']}", full_page=False)
    assert violations(page, axe_source()) == []
    # a field still shows where the typing goes
    page.click("input[name=phone]")
    assert page.evaluate(FOCUS_RING)["ring"] > 0
