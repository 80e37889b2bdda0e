"""h29k: the check-out screen ("Keluar": the ticket code, "Kembali", the ways without a ticket) on the
1280x800 landscape kiosk was 3 px taller than the screen in Indonesian: "Pakai NIK dan nomor ponsel
saya" broke and left "saya" alone on a second line, and the page scrolled. A visitor at a kiosk does
not know its screen scrolls, and a word alone under its button reads as something else.

What the visitor needs: the whole screen on the glass without scrolling, every line and every control
whole in sight (none under the header or off the glass), each control at least 44 px; in Indonesian and
English, on the 1280x800 tablet and the 1080x1920 portrait kiosk; axe-clean.

h30k: and on the 800x1280 portrait kiosk (the tablet turned), where the screen was 93 px taller than
the glass ("Pilih nama saya dari daftar" under the fold), and on a 1024x768 screen, where it ran 70 px
(Indonesian) and 94 px (English) under it."""
from __future__ import annotations

import pytest

from tests.kiosk.e2e_support import PORTRAIT, SMALL, TABLET, TURNED

from .settle import settled
from .test_kiosk_find_without_camera_keyboard_h29u import on_checkout, whole_on_the_glass

pytestmark = pytest.mark.layout

SIZES = {"1280x800": TABLET, "1080x1920": PORTRAIT, "800x1280": TURNED, "1024x768": SMALL}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_the_checkout_screen_fits_the_glass_without_a_scroll(app, live_server, browser, shot, size, lang):
    page = on_checkout(app, browser, live_server, SIZES[size], lang)
    settled(page)
    shot(page, f"h29k-kiosk-checkout-{size}-{lang}", full_page=False)

    whole_on_the_glass(page, "the check-out screen")
    # both ways without a ticket are there to tap
    for action in ("find-checkout", "inside"):
        assert page.is_visible(f"section[data-screen=checkout] [data-action={action}]"), action
    assert not page.errors, page.errors
