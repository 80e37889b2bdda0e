"""h27c: the ticket code is drawn at random from 31 symbols. In the kiosk's proportional face a code of
wide letters ("WMWM...") was 470 px wide at 1024x768: it widened the ticket's column and pushed the
waiting card's last line under the button bar (CI failed on a code it happened to draw). Whatever the
code, the ticket screen looks the same: the codes take the same width, stay on one line, and the
answer card and the ticket end above the bar. On a 360 px screen the note beside the QR keeps its
longest word whole ("memerlukannya" was broken in two without a hyphen)."""
from __future__ import annotations

import pytest

from tests.kiosk.e2e_support import TABLET

from .settle import settled
from .test_decided_while_asked_ux14 import SMALL
from .test_ticket_card_fits_short_screens_ux15 import BOTTOMS
from .test_ticket_withdraw_ux13 import _waiting_ticket

PHONE_SCREEN = {"width": 360, "height": 640}
# the widest and the narrowest symbols a code may hold (no 0/O, 1/I/L)
WIDE, NARROW = "WMWMWMWM", "J7J7J7J7"

CODE_BOX = """() => {
  const code = document.querySelector('[data-ticket-code]');
  const r = document.createRange(); r.selectNodeContents(code);
  const lines = r.getClientRects().length;
  return {width: r.getBoundingClientRect().width, lines, box: code.getBoundingClientRect().width,
          column: document.querySelector('section[data-screen=ticket] .k-ticket').getBoundingClientRect().width};
}"""


LONGEST_WORD = """() => {
  const k = document.querySelector('[data-ticket-keep]'), c = getComputedStyle(k);
  const words = k.textContent.trim().split(/\\s+/);
  const probe = document.createElement('span'); probe.style.whiteSpace = 'nowrap'; k.appendChild(probe);
  const widths = words.map((w) => { probe.textContent = w; return [w, probe.getBoundingClientRect().width]; });
  probe.remove();
  widths.sort((a, b) => b[1] - a[1]);
  return {word: widths[0][0], width: widths[0][1],
          room: k.clientWidth - parseFloat(c.paddingLeft) - parseFloat(c.paddingRight)};
}"""


def _ticket_with_code(app, browser, live_server, viewport, code):
    page, _ = _waiting_ticket(app, browser, live_server, viewport, code=code)
    assert page.inner_text("[data-ticket-code]") == code
    settled(page)
    return page


@pytest.mark.parametrize("viewport", [SMALL, TABLET, PHONE_SCREEN], ids=["1024x768", "1280x800", "360x640"])
def test_a_code_of_wide_letters_takes_the_room_of_any_other(app, live_server, browser, shot, viewport):
    seen = {}
    for code in (NARROW, WIDE):
        page = _ticket_with_code(app, browser, live_server, viewport, code)
        seen[code] = page.evaluate(CODE_BOX)
        assert seen[code]["lines"] == 1, f"{code} broke over lines: {seen[code]}"
        assert seen[code]["width"] <= seen[code]["box"] + 0.5, seen[code]
        if viewport is not PHONE_SCREEN:  # the phone's card is below the first screen by design (h24s)
            edges = page.evaluate(BOTTOMS)
            assert edges["scrolled"] == 0
            assert edges["card"] <= edges["bar"], f"{code}: the card ends at {edges['card']:.0f}, the bar at {edges['bar']:.0f}"
            assert edges["ticket"] <= edges["bar"], (code, edges)
        longest = page.evaluate(LONGEST_WORD)
        assert longest["width"] <= longest["room"], f"{longest['word']!r} is broken over two lines: {longest}"
        if code == WIDE:
            shot(page, f"h27c-ticket-code-{viewport['width']}-wide", full_page=False)
        assert not page.errors, page.errors
        page.context.close()
    assert abs(seen[WIDE]["width"] - seen[NARROW]["width"]) < 1, seen
    assert seen[WIDE]["column"] == seen[NARROW]["column"], seen
