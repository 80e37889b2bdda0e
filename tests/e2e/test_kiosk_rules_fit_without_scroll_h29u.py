"""h29u: the rules screen ("Tata tertib fasilitas": the six rules, the box to tick, the signature box and
"Kirim permintaan") on the 1280x800 landscape kiosk was 21 px taller than the screen in Indonesian: the
page scrolled, and the tick box's lower edge met the button bar. A visitor reading at arm's length does
not know a kiosk screen scrolls. On the 800x1280 portrait kiosk (the tablet turned) it was 137 px taller
(63 in English): the signature box ran under the bar and "Hapus tanda tangan" stood behind it.

What the visitor needs: the whole screen on the glass without scrolling, every line of the rules and
every control whole in sight (none under the button bar), each control at least 44 px; in Indonesian
and English, on the 1280x800 tablet, the 1080x1920 portrait kiosk and the 800x1280 one; axe-clean.

h30k: and on a 1024x768 screen, where the Indonesian screen was 795 px tall before anything was tapped."""
from __future__ import annotations

import pytest

from tests.kiosk.e2e_support import PORTRAIT, SMALL, TABLET, TURNED, on_to_the_rules, to_the_who_screen

from .settle import settled
from .test_kiosk_find_without_camera_keyboard_h29u import kiosk_in, whole_on_the_glass

pytestmark = pytest.mark.layout

SIZES = {"1280x800": TABLET, "1080x1920": PORTRAIT, "800x1280": TURNED, "1024x768": SMALL}


def on_the_rules_screen(app, browser, live_server, viewport: dict, lang: str):
    """A visitor who gave the KTP and filled the guest book: the rules screen, the keyboard closed."""
    page = kiosk_in(app, browser, live_server, viewport, lang)
    to_the_who_screen(page)
    page.fill("input[name=full_name]", "SITI RAHAYU")
    page.fill("input[name=phone]", "081234560077")
    on_to_the_rules(page)
    if page.is_visible(".k-osk"):
        page.click(".k-osk [data-key='{hide}']")
    return page


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_the_rules_screen_fits_the_glass_without_a_scroll(app, live_server, browser, shot, size, lang):
    page = on_the_rules_screen(app, browser, live_server, SIZES[size], lang)
    settled(page)
    shot(page, f"h29u-kiosk-rules-{size}-{lang}", full_page=False)

    whole_on_the_glass(page, "the rules screen")
    assert len(page.locator("section[data-screen=rules] .k-rules li").all()) == 6
    assert not page.errors, page.errors
