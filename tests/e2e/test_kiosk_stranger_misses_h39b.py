"""h39b: the last small misses of the 6 December stranger walk (docs/kiosk.md, "Stranger walk, 6
December (h38e)").

- "Data diri Anda" at 1920x1080 with the letter keyboard open on the name: the "Pernah berkunjung?"
  digits box lay half under the keyboard's top edge (axe's target-size rule flagged it). The field
  typed in and the one after it stand above the keys, and nothing is left cut by the keys' edge.
- "Alasan:" on a refused ticket was 19.8 px at 1024x768: visitor-facing text is 20 px or more.
- The rules' tick box was 47x48 px: it is 48x48 or more, and its whole label row is the target.
- "Cari kunjungan saya" with a code that is no visit's logged a 404 in the browser's console: a normal
  outcome is no error there now; the visitor's message is the same.
"""
from __future__ import annotations

import pytest

from tests.kiosk.e2e_support import SMALL, TABLET, logged_failures, staff_decides

from .axe import axe_source, violations
from .settle import settled
from .test_decided_while_asked_ux14 import _sent_from_this_kiosk
from .test_kiosk_rules_fit_without_scroll_h29u import on_the_rules_screen
from .test_kiosk_stranger_h38e import NO_VISIT, _message, _touch_kiosk
from .test_pad_leaves_next_step_h32p import SEEN, _who
from .test_ticket_card_fits_short_screens_ux15 import _fits
from .test_ticket_withdraw_ux13 import _waiting_ticket

pytestmark = pytest.mark.layout

# What on the shown screen the open keyboard's top edge (with the screen's button bar over the keys)
# cuts in two: a box, a button or a line partly above it and partly under it.
CUT_BY_THE_KEYS = """() => {
  const screen = document.querySelector('section[data-screen]:not([hidden])');
  const bar = screen.querySelector('.k-actions');
  const edge = Math.min(bar.getBoundingClientRect().top,
                        document.querySelector('[data-osk-panel]').getBoundingClientRect().top);
  const cut = [];
  for (const el of screen.querySelectorAll('input, button, p, li, legend, h2, .k-field > span, .k-recall')) {
    if (!el.getClientRects().length || bar.contains(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.height && r.top < edge - 1 && r.bottom > edge + 1)
      cut.push({what: (el.innerText || el.name || el.tagName).trim().slice(0, 40), top: Math.round(r.top),
                bottom: Math.round(r.bottom), edge: Math.round(edge)});
  }
  return cut;
}"""


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", ["1920x1080", "1280x800", "1024x768"])
def test_the_name_and_the_field_after_it_stand_above_the_letter_keys_and_nothing_is_cut(
        app, live_server, browser, shot, size, lang):
    page = _who(app, browser, live_server, size, lang)
    page.click("input[name=full_name]")
    page.wait_for_selector("[data-osk-panel]:not([hidden]).k-osk-text")
    settled(page)
    shot(page, f"h39b-who-name-keys-{size}-{lang}", full_page=False)
    seen = {s["sel"]: s for s in page.evaluate(SEEN, ["input[name=full_name]", "input[name=phone]"])}
    for sel, s in seen.items():
        assert s["shown"] and s["inside"] and not s["meets"] and s["clear"], (size, sel, s)
    assert page.evaluate(CUT_BY_THE_KEYS) == [], size
    keys = page.evaluate("() => [...document.querySelectorAll('[data-osk-panel] .k-key')]"
                         ".map((k) => k.getBoundingClientRect()).map((r) => Math.min(r.width, r.height))")
    assert min(keys) >= 48, size  # the keys drew in at 1024x768, still a finger's size
    assert violations(page, axe_source()) == []


# Every piece of text drawn on the shown screen, with the size it is drawn at.
TEXT_SIZES = """() => {
  const screen = document.querySelector('section[data-screen]:not([hidden])');
  const walker = document.createTreeWalker(screen, NodeFilter.SHOW_TEXT);
  const sizes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el.getClientRects().length) continue;
    sizes.push({text: node.textContent.trim().slice(0, 30), px: parseFloat(getComputedStyle(el).fontSize)});
  }
  return sizes;
}"""


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_line_of_a_refused_ticket_reads_at_20_px_or_more_at_1024x768(
        app, live_server, browser, login, make_user, shot, lang):
    page, visit_id = _waiting_ticket(app, browser, live_server, SMALL, lang=lang)
    _sent_from_this_kiosk(app, visit_id)
    assert staff_decides(app, login, make_user, visit_id, "deny", "Ruang rapat sedang dipakai") == 302
    page.wait_for_selector("[data-status][data-state=denied] [data-status-reason-box]:not([hidden])")
    shot(page, f"h39b-refused-1024x768-{lang}", full_page=False)
    label = page.inner_text(".k-reason-label").strip()
    assert label == {"id": "Alasan:", "en": "Reason:"}[lang]
    small = [s for s in page.evaluate(TEXT_SIZES) if s["px"] < 20]
    assert small == [], small
    _fits(page)  # the card still ends above the button bar
    assert violations(page, axe_source()) == []


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("viewport", [SMALL, TABLET], ids=["1024x768", "1280x800"])
def test_the_rules_tick_box_is_48_px_and_its_whole_row_ticks_it(app, live_server, browser, shot, viewport, lang):
    page = on_the_rules_screen(app, browser, live_server, viewport, lang)
    box = page.locator("input[name=rules_accepted]").bounding_box()
    row = page.locator("section[data-screen=rules] .k-check").bounding_box()
    assert box["width"] >= 48 and box["height"] >= 48, box
    assert row["height"] >= 48 and row["width"] > box["width"] * 4, row
    # a touch at the row's far end, away from the box and its words, ticks it; once more unticks it
    far = {"x": row["width"] - 6, "y": row["height"] / 2}
    page.click("section[data-screen=rules] .k-check", position=far)
    assert page.is_checked("input[name=rules_accepted]")
    page.click("section[data-screen=rules] .k-check", position={"x": 4, "y": 4})
    assert not page.is_checked("input[name=rules_accepted]")
    shot(page, f"h39b-rules-tick-{viewport['width']}-{lang}", full_page=False)
    assert violations(page, axe_source()) == []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_wrong_ticket_code_leaves_the_console_clean_and_says_the_same(app, live_server, browser, shot, lang):
    page = _touch_kiosk(app, browser, live_server, "1280x800", lang)
    logged = logged_failures(page)
    page.tap(".k-tile-out")
    page.wait_for_selector("section[data-screen=checkout]:not([hidden])")
    page.fill("input[name=ticket]", "ZZZZ9999")
    page.tap(".k-osk [data-key='{hide}']")
    page.tap("[data-ticket-form] button[type=submit]")
    page.wait_for_function("(t) => document.querySelector('[data-screen=checkout] [data-error-for=ticket]')"
                           ".textContent.includes(t)", arg=NO_VISIT[lang])
    settled(page)
    shot(page, f"h39b-wrong-code-console-{lang}", full_page=False)
    assert _message(page).startswith(NO_VISIT[lang])
    assert logged == []
