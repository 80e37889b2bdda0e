"""h24s: on an 800x1280 portrait kiosk (a 1280x800 tablet turned) the ticket screen after submitting
put the answer card ("Menunggu persetujuan", then the Kasubag's answer) below the fold, under the
ticket and its QR: a visitor saw the code but not that an answer was coming, nor the answer. The
ticket code and the answer's state (the card's icon and title) now stand on the first screen, above
the button bar, without scrolling, at 800x1280, 1280x800, 1080x1920 and on a 360x740 phone;
waiting, approved and refused; axe-clean.

h30s: and at 800x1280 the whole screen on the glass: waiting, it was 179 px (Indonesian) and 266 px
(English) taller than the glass ("Batalkan permintaan" and the "walked away?" line under the button
bar), approved in English 32 px; a visitor does not know a kiosk screen scrolls."""
from __future__ import annotations

import pytest

from tests.kiosk.e2e_support import PORTRAIT, TABLET, staff_decides

from .axe import axe_source, violations
from .settle import settled
from .test_decided_while_asked_ux14 import _sent_from_this_kiosk
from .test_kiosk_find_without_camera_keyboard_h29u import whole_on_the_glass
from .test_ticket_withdraw_ux13 import _waiting_ticket

pytestmark = pytest.mark.layout

TURNED = {"width": 800, "height": 1280}  # the 1280x800 tablet turned to portrait
PHONE = {"width": 360, "height": 740}
SIZES = {"800x1280": TURNED, "1280x800": TABLET, "1080x1920": PORTRAIT, "360x740": PHONE}
TITLES = {"id": {"pending": "Menunggu persetujuan", "approved": "Disetujui", "denied": "Permintaan ditolak"},
          "en": {"pending": "Waiting for approval", "approved": "Approved", "denied": "Request refused"}}

# What the visitor sees without scrolling: the ticket code, the answer card's top, icon and title,
# against the button bar (or the window's bottom where the bar is lower).
SEEN = """() => {
  const screen = document.querySelector('section[data-screen=ticket]');
  const box = (sel) => { const r = screen.querySelector(sel).getBoundingClientRect();
                         return {top: r.top, bottom: r.bottom}; };
  const bar = screen.querySelector('.k-actions').getBoundingClientRect().top;
  return {code: box('[data-ticket-code]'), card: box('[data-status]'), icon: box('.k-status-icon'),
          title: box('[data-status-title]'), floor: Math.min(bar, innerHeight), height: innerHeight,
          scrolled: document.scrollingElement.scrollTop};
}"""


def _in_sight(seen: dict, what: str) -> None:
    part = seen[what]
    assert part["top"] >= 0 and part["bottom"] <= seen["floor"], \
        f"{what} at {part['top']:.0f}-{part['bottom']:.0f}, the first screen ends at {seen['floor']:.0f}"


def _seen_at(app, browser, live_server, login, make_user, shot, size: str, decision: str, lang: str = "id"):
    """The ticket screen as the visitor sees it, waiting or decided; checked, and returned."""
    page, visit_id = _waiting_ticket(app, browser, live_server, SIZES[size], lang=lang)
    _sent_from_this_kiosk(app, visit_id)
    state = "pending"
    if decision:
        state = "approved" if decision == "approve" else "denied"
        assert staff_decides(app, login, make_user, visit_id, decision, "Ruang sedang dipakai") == 302
        page.wait_for_selector(f"[data-status][data-state={state}]")
    settled(page)
    shot(page, f"h24s-kiosk-ticket-{size}-{state}{'' if lang == 'id' else '-' + lang}", full_page=False)
    seen = page.evaluate(SEEN)
    assert seen["scrolled"] == 0
    assert TITLES[lang][state] in page.inner_text("[data-status-title]")
    _in_sight(seen, "code")
    assert 0 <= seen["card"]["top"] < seen["floor"], f"the answer card starts at {seen['card']['top']:.0f}: {seen}"
    _in_sight(seen, "icon")
    _in_sight(seen, "title")
    assert violations(page, axe_source()) == []
    assert not page.errors, page.errors
    return page


@pytest.mark.parametrize("decision", ["", "approve", "deny"], ids=["waiting", "approved", "refused"])
@pytest.mark.parametrize("size", list(SIZES))
def test_the_code_and_the_answers_state_are_seen_without_scrolling(app, live_server, browser, login, make_user,
                                                                   shot, size, decision):
    _seen_at(app, browser, live_server, login, make_user, shot, size, decision)


@pytest.mark.parametrize("decision", ["", "deny"], ids=["waiting", "refused"])
@pytest.mark.parametrize("size", ["800x1280", "360x740"])
def test_in_english_at_800x1280_too(app, live_server, browser, login, make_user, shot, decision, size):
    """In English the bar is taller (its "back to Bahasa Indonesia" note takes a row of its own); on a
    360 px phone that note took four lines and covered the answer's title."""
    _seen_at(app, browser, live_server, login, make_user, shot, size, decision, lang="en")


@pytest.mark.parametrize(("lang", "decision"), [("id", ""), ("en", ""), ("en", "approve")],
                         ids=["id-waiting", "en-waiting", "en-approved"])
def test_the_whole_ticket_screen_is_on_the_800x1280_glass(app, live_server, browser, login, make_user, shot,
                                                          lang, decision):
    page = _seen_at(app, browser, live_server, login, make_user, shot, "800x1280", decision, lang=lang)
    whole_on_the_glass(page, "the ticket screen")
    if not decision:
        assert page.is_visible("[data-action=ticket-withdraw]") and page.is_visible("[data-status-later]")
