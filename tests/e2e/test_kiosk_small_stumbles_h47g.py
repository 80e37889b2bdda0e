"""h47g: small stumbles h47c's stranger walk found at the kiosk (docs/kiosk.md, "h47g").

- "Keluar", "Keluar tanpa tiket" and "Pilih nama Anda" had no language button: a visitor who reads only
  English had to go back to the start screen for it. It is there now, and keeps what was typed.
- The KTP screen, a card read whole, said the photo was taken twice, one line under the other ("Berhasil!"
  and "✓ Foto KTP sudah diambil"): it is said once.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.kiosk.e2e_support import PORTRAIT, TABLET, enrol_page, upload_ktp
from .settle import settled
from .test_kiosk_quiet_misses_h45u import NIK, _on_the_kiosk  # Sari inside, on the kiosk in `lang`

SHOTS = Path("/tmp/h47g")
OTHER = {"id": ("en", "English"), "en": ("id", "Bahasa Indonesia")}


# each way out: the taps that open it, what is typed there, its screen
WAYS = {
    "checkout": (("[data-action=checkout]",), {"ticket": "AB12"}),
    "find": (("[data-action=checkout]", "[data-action=find-checkout]"), {"find_nik": NIK, "find_last4": "00"}),
    "inside": (("[data-action=checkout]", "[data-action=inside]", ".k-name:has-text('Sa** U** Co**')"),
               {"inside_last4": "12"}),
}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("way", list(WAYS))
def test_the_ways_out_offer_the_other_language_and_keep_what_was_typed(app, live_server, browser, way, lang):
    taps, typed = WAYS[way]
    page = _on_the_kiosk(app, browser, live_server, lang)
    for tap in taps:
        page.click(tap)
    for name, value in typed.items():
        page.fill(f"input[name={name}]", value)
    SHOTS.mkdir(exist_ok=True)
    settled(page)
    page.screenshot(path=str(SHOTS / f"1-{way}-before-1280x800-{lang}.png"))
    other, language = OTHER[lang]
    switch = page.locator(".k-top [data-action=lang-switch]")
    assert switch.is_visible(), f"no language button on {way}"
    assert switch.inner_text().strip() == language
    switch.click()
    # the same screen, in the other language, with nothing asked and what was typed kept
    page.wait_for_selector(f"html[lang={other}] body[data-ready]")
    page.wait_for_selector(f"section[data-screen={'find' if way == 'find' else way}]:not([hidden])")
    if way == "inside":
        page.wait_for_selector(".k-name[aria-pressed=true]:has-text('Sa** U** Co**')")
    for name, value in typed.items():
        assert page.input_value(f"input[name={name}]") == value, name
    assert page.is_hidden("dialog[open]")
    if way == "find":  # still the leaving title, not "Show my answer"
        assert page.is_visible("[data-find-title-checkout]")
    page.evaluate("window.scrollTo(0, 0)")  # the header with its language button in the picture
    settled(page)
    page.screenshot(path=str(SHOTS / f"1-{way}-after-1280x800-{lang}-to-{other}.png"))
    # and the next page of the kiosk carries nothing over
    page.reload()
    page.wait_for_selector("body[data-ready]")
    assert page.is_visible("section[data-screen=welcome]")


# what is drawn on the screen (a box of 1 px, as for a screen reader only, is not), and how often
_SHOWN_TIMES = """(words) => {
  const side = document.querySelector('section[data-screen=ktp] .k-side');
  const walker = document.createTreeWalker(side, NodeFilter.SHOW_TEXT);
  let n = 0, all = [];
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const e = t.parentElement, r = e.getBoundingClientRect();
    if (e.closest('[hidden]') || r.width < 4 || r.height < 4 || getComputedStyle(e).visibility === 'hidden') continue;
    all.push(t.textContent.trim());
    if (t.textContent.includes(words)) n++;
  }
  return {n, all: all.filter(Boolean).join(' | ')};
}"""
TAKEN = {"id": ("Foto KTP sudah diambil", "Berhasil"), "en": ("KTP photo taken", "Got it")}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", [TABLET, PORTRAIT], ids=lambda v: f"{v['width']}x{v['height']}")
def test_a_card_read_whole_is_said_taken_once(app, live_server, browser, size, lang):
    page = enrol_page(app, browser, live_server, size)
    page.goto(f"{live_server}/kiosk/?lang={lang}")
    page.wait_for_selector(f"html[lang={lang}] body[data-ready]")
    page.click("[data-action=checkin]")
    page.wait_for_selector("section[data-screen=ktp]:not([hidden])")
    person = upload_ktp(page)
    taken, success = TAKEN[lang]
    shown = page.evaluate(_SHOWN_TIMES, taken)
    assert shown["n"] == 1, shown["all"]
    assert success not in shown["all"], shown["all"]
    assert person.nik in shown["all"], "the NIK read is still shown"
    # a screen reader is still told, as the photo is taken (the live box)
    assert page.locator("[data-guidance]").text_content().strip() == taken
    SHOTS.mkdir(exist_ok=True)
    settled(page)
    page.screenshot(path=str(SHOTS / f"2-ktp-taken-{size['width']}x{size['height']}-{lang}.png"))
