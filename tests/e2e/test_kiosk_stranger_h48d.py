"""h48d: the kiosk's last stumbles, walked as a stranger at arm's length (docs/kiosk.md, "h48d").

- A visitor who chose English on a way out ("Keluar", "Keluar tanpa tiket", "Pilih nama Anda") never saw
  the start screen's note that the kiosk goes back to Bahasa Indonesia for the next visitor: it is said
  there, once (not again on the next way out; the "done" screens say it again as it happens).
- Back swiped twice in the same moment, or again while the first one's page loads, passed the one entry
  the kiosk held and reached the page before it (the enrolment form with its code).
- The rules screen of the 1024x768 kiosk with its text at 200 % (512x384 CSS px).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.kiosk.e2e_support import TABLET, enrol_page
from .axe import axe_source, violations
from .settle import settled
from .test_kiosk_quiet_misses_h45u import _on_the_kiosk  # Sari inside, on the kiosk in `lang`
from .test_kiosk_find_without_camera_keyboard_h29u import whole_on_the_glass
from .test_kiosk_stranger_h47c import _type_quietly

pytestmark = pytest.mark.layout

SHOTS = Path("/tmp/h48d")
BACK_TO_ID = "goes back to Bahasa Indonesia for the next visitor"
NOTE = "[data-lang-note]"

# each way out: the taps that open it (from the start screen), its screen
WAYS = {
    "checkout": ("[data-action=checkout]",),
    "find": ("[data-action=checkout]", "[data-action=find-checkout]"),
    "inside": ("[data-action=checkout]", "[data-action=inside]"),
}


def _note_shown(page, screen: str) -> list[str]:
    """The language notes a visitor sees on `screen` (drawn, not hidden)."""
    section = page.locator(f"section[data-screen={screen}]")
    return [n.inner_text() for n in section.locator(NOTE).all() if n.is_visible()]


def _shot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    settled(page)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


@pytest.mark.parametrize("way", list(WAYS))
def test_english_chosen_on_a_way_out_is_told_the_kiosk_goes_back_once(app, live_server, browser, way):
    page = _on_the_kiosk(app, browser, live_server, "id")
    for tap in WAYS[way]:
        page.click(tap)
    assert _note_shown(page, way) == []  # in the kiosk's own language there is nothing to say
    page.click(".k-top [data-action=lang-switch]")
    page.wait_for_selector("html[lang=en] body[data-ready]")
    page.wait_for_selector(f"section[data-screen={way}]:not([hidden])")
    shown = _note_shown(page, way)
    _shot(page, f"1-note-{way}-1280x800-en")
    assert len(shown) == 1 and BACK_TO_ID in shown[0], shown
    note = page.locator(f"section[data-screen={way}] {NOTE}")
    box = note.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= TABLET["height"], "the note is on the glass"
    assert float(note.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 18
    assert violations(page, axe_source()) == []
    whole_on_the_glass(page, way)
    if way == "checkout":
        # told once: the next way out the visitor takes does not say it again
        page.click("[data-action=find-checkout]")
        page.wait_for_selector("section[data-screen=find]:not([hidden])")
        assert _note_shown(page, "find") == []


def test_english_chosen_on_the_start_screen_is_told_there_not_again_at_keluar(app, live_server, browser):
    page = _on_the_kiosk(app, browser, live_server, "en")
    assert [n.inner_text() for n in page.locator(f"section[data-screen=welcome] {NOTE}").all() if n.is_visible()]
    for way, taps in WAYS.items():
        page.goto(f"{live_server}/kiosk/?lang=en")
        page.wait_for_selector("body[data-ready]")
        for tap in taps:
            page.click(tap)
        page.wait_for_selector(f"section[data-screen={way}]:not([hidden])")
        assert _note_shown(page, way) == [], way


def _still_the_kiosk(page) -> None:
    """The document the browser shows, asked over CDP: Playwright's own waits may wait for ever on a
    history navigation the next Back cancelled (one run in four under load, the kiosk itself ready)."""
    page.wait_for_timeout(1500)  # the browser's Back is not awaited by anything the page shows
    cdp = page.context.new_cdp_session(page)
    seen = ""
    for _ in range(60):
        try:
            seen = cdp.send("Runtime.evaluate", {"returnByValue": True, "expression":
                            "location.pathname + location.search + ' ' + (document.body?.dataset.ready ?? '-')"}
                            )["result"].get("value", "")
        except PlaywrightError:  # the document went while asked
            seen = "? -"
        if not seen.endswith(" -"):
            break
        page.wait_for_timeout(250)
    path, ready = seen.rsplit(" ", 1)
    assert path.startswith("/kiosk/") and "enrol" not in path and ready != "-", seen


def _backs(page, script: str) -> None:
    try:
        page.evaluate(script)
    except PlaywrightError:
        pass  # the page went on to another (a screen's "Kembali" to the start) before the answer came


FAST = {
    "two in the same moment": "history.back(); history.back()",
    "three in the same moment": "history.back(); history.back(); history.back()",
    "again while the page loads": "history.back(); setTimeout(() => history.back(), 30); setTimeout(() => history.back(), 120)",
}


@pytest.mark.parametrize("screen", ["who", "checkout"])
@pytest.mark.parametrize("backs", list(FAST))
def test_back_faster_than_a_page_loads_stays_on_the_kiosk(app, live_server, browser, screen, backs):
    page = enrol_page(app, browser, live_server, TABLET)
    page.wait_for_selector("body[data-ready]")
    if screen == "who":
        page.click("[data-action=checkin]")
        page.click("[data-action=no-photo]")
    else:
        page.click("[data-action=checkout]")
    page.wait_for_selector(f"section[data-screen={screen}]:not([hidden])")
    _backs(page, FAST[backs])
    _still_the_kiosk(page)


def test_back_from_a_start_screen_nobody_touched_does_not_stay_on_the_enrolment_form(app, live_server, browser):
    page = enrol_page(app, browser, live_server, TABLET)
    page.wait_for_selector("body[data-ready]")
    try:
        page.go_back(wait_until="commit")
    except PlaywrightError:
        pass
    _still_the_kiosk(page)
    assert page.is_visible("section[data-screen=welcome]")


ZOOMED_1024 = {"width": 512, "height": 384}  # the 1024x768 kiosk with its text at 200 %
RULES_SEEN = """() => { const s = document.querySelector('section[data-screen=rules]');
  const box = (q) => { const r = s.querySelector(q).getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; };
  let small = [];
  for (const e of s.querySelectorAll('*')) {
    if (!e.offsetParent || ![...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
    const r = e.getBoundingClientRect();
    if (r.width < 4 || r.height < 4) continue;
    const px = parseFloat(getComputedStyle(e).fontSize);
    if (px < 18) small.push(e.tagName + ' ' + px + ' ' + e.textContent.trim().slice(0, 30));
  }
  return {send: box('[data-action=submit]'), tick: box('input[data-rules]'), sign: box('[data-signature]'),
          clear: box('[data-action=clear-signature]'), page: document.scrollingElement.scrollHeight,
          glass: innerHeight, small}; }"""


@pytest.mark.parametrize("lang", ["id", "en"])
def test_zoomed_1024_rules_screen_goes_on_without_a_long_scroll(app, live_server, browser, lang):
    from tests.kiosk.e2e_support import on_to_the_rules, to_the_who_screen

    page = enrol_page(app, browser, live_server, ZOOMED_1024)
    page.goto(f"{live_server}/kiosk/?lang={lang}")
    page.wait_for_selector(f"html[lang={lang}] body[data-ready]")
    to_the_who_screen(page)
    for name, value in (("full_name", "SITI RAHAYU"), ("phone", "081234560077")):
        _type_quietly(page, name, value)
    on_to_the_rules(page)
    settled(page)
    seen = page.evaluate(RULES_SEEN)
    _shot(page, f"3-rules-512x384-{lang}-top")
    page.screenshot(path=str(SHOTS / f"3-rules-512x384-{lang}-whole.png"), full_page=True)
    print(lang, seen)
    assert seen["small"] == [], seen["small"]
    # the header and the bar leave the rules most of the first look
    header = page.locator(".k-top").bounding_box()
    assert header["height"] <= seen["glass"] * 0.3, header
    # "Kirim permintaan" is on the glass from the first look, and stays there as the screen scrolls
    assert 0 <= seen["send"]["top"] and seen["send"]["bottom"] <= seen["glass"], seen
    page.click("input[data-rules]")
    settled(page)
    seen = page.evaluate(RULES_SEEN)
    _shot(page, f"3-rules-512x384-{lang}-ticked")
    assert seen["sign"]["top"] >= 0 and seen["sign"]["bottom"] <= seen["send"]["top"], seen
    assert 0 <= seen["send"]["top"] and seen["send"]["bottom"] <= seen["glass"], seen
    # the bar leaves the screen's words most of the glass: it takes at most a fifth of it
    bar = page.locator("section[data-screen=rules] .k-actions").bounding_box()
    assert bar["height"] <= seen["glass"] / 5, bar
