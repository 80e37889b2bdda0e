"""h32p: the kiosk's number pad covered the screen's own buttons. A returning visitor on the KTP screen
typed the last 4 digits of the phone and found "Lanjut" and "Ambil ulang" under the open pad; the same
on the other screens that open it: a visitor, some of them elderly and new to screens, types the digits
and cannot see how to go on.

What the visitor needs (docs/kiosk.md, "The number pad"): on every screen that opens the number pad,
with the pad open on any of its number fields, the field being typed, its message when there is one
and the screen's next-step buttons stand in sight and can be tapped, none of them under the pad, the
screen's heading or the edge of the glass (or the pad has a key that does the step); on the 1280x800
tablet, at 1024x768, on the 800x1280 portrait kiosk and on the 1920x1080 screen; in Indonesian and
English; axe-clean."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tests import factories
from tests.kiosk.e2e_support import LANDSCAPE, SMALL, TABLET, TURNED, enrol_page, ktp_jpeg, upload_ktp
from tests.support import needs_ocr

from .axe import axe_source, violations
from .settle import settled
from .test_kiosk_find_without_camera_keyboard_h29u import kiosk_in

pytestmark = pytest.mark.layout

SIZES = {"1280x800": TABLET, "1024x768": SMALL, "800x1280": TURNED, "1920x1080": LANDSCAPE}

# For each element named: its box, whether it lies inside the window, whether it meets the open pad's
# box, and what is drawn at its middle and near its edges (something else, the sticky heading or the
# button bar, over it), or, for a step done by a key of the pad itself, that key.
SEEN = """(selectors) => {
  const pad = document.querySelector('[data-osk-panel]');
  const p = pad.getBoundingClientRect();
  const meets = (r) => !pad.hidden && r.left < p.right && r.right > p.left && r.top < p.bottom && r.bottom > p.top;
  const inside = (r) => r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
  return selectors.map((sel) => {
    const el = document.querySelector(sel);
    if (!el || !el.getClientRects().length) return {sel, shown: false};
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    const points = [[x, y], [x, r.top + 3], [x, r.bottom - 3], [r.left + 6, y], [r.right - 6, y]];
    const hits = points.map(([x, y]) => document.elementFromPoint(x, y));
    const clear = hits.every((h) => !!h && (h === el || el.contains(h) || (el.control && h === el.control)));
    return {sel, shown: true, inside: inside(r), meets: meets(r), clear, top: Math.round(r.top),
            bottom: Math.round(r.bottom), height: Math.round(r.height), width: Math.round(r.width),
            pad_top: pad.hidden ? null : Math.round(p.top)};
  });
}"""


def _photo_taken(app, browser, live_server, size: str, lang: str, jpeg: bytes | None = None):
    """A visitor checking in has given the KTP photo (by upload: the test browser has no camera)."""
    page = kiosk_in(app, browser, live_server, SIZES[size], lang)
    page.click("[data-action=checkin]")
    page.wait_for_selector("section[data-screen=ktp]:not([hidden])")
    upload_ktp(page, jpeg)
    return page


def _returning_on_the_ktp_screen(app, browser, live_server, size, lang):
    jpeg, person = ktp_jpeg(seed=41)
    with app.app_context():  # the NIK on the card came before, with this phone
        factories.visit("reported", visitor=factories.visitor(full_name=person.name, nik=person.nik,
                                                              phone="081234567788"))
    page = _photo_taken(app, browser, live_server, size, lang, jpeg)
    page.wait_for_selector("[data-returning]:not([hidden])")
    return page


def _who(app, browser, live_server, size, lang):
    page = _photo_taken(app, browser, live_server, size, lang)
    page.click("[data-action=to-who]")
    page.wait_for_selector("section[data-screen=who]:not([hidden])")
    return page


def _find(app, browser, live_server, size, lang):
    page = kiosk_in(app, browser, live_server, SIZES[size], lang)
    page.click("[data-action=checkout]")
    page.click("section[data-screen=checkout] [data-action=find-checkout]")
    page.wait_for_selector("section[data-screen=find]:not([hidden])")
    return page


def _inside(app, browser, live_server, size, lang):
    with app.app_context():
        factories.visit("approved", submitted_at=datetime.now(timezone.utc),
                        visitor=factories.visitor(full_name="BUDI SANTOSO", phone="081299990123"))
    page = kiosk_in(app, browser, live_server, SIZES[size], lang)
    page.click("[data-action=checkout]")
    page.click("[data-action=inside]")
    page.click(".k-name:has-text('Bu** San****')")
    page.wait_for_selector("[data-inside-confirm]:not([hidden])")
    return page


# screen: (how a visitor gets there, its number fields, the buttons that take the visitor on from them)
PAD_SCREENS = {
    "ktp": (_returning_on_the_ktp_screen, ["returning_last4"],
            ["[data-action=same-as-last]", "[data-screen=ktp] [data-action=to-who]",
             "[data-screen=ktp] [data-capture-done] [data-action=retake]"]),
    "who": (_who, ["nik", "phone", "phone_last4"], ["[data-screen=who] [data-action=to-from]"]),
    "find": (_find, ["find_nik", "find_last4"], ["[data-action=find-submit]"]),
    "inside": (_inside, ["inside_last4"], ["[data-action=inside-confirm]"]),
}

# screen: (the field typed wrong, what is typed, the button then tapped, the message it gets)
MISTAKES = {
    "ktp": ("returning_last4", "1234", "[data-action=same-as-last]", "[data-error-for=returning_last4]"),
    "who": ("nik", "123", "[data-screen=who] [data-action=to-from]", "#k-err-nik"),
    "find": ("find_nik", "123", "[data-action=find-submit]", "#k-err-find-nik"),
    "inside": ("inside_last4", "9999", "[data-action=inside-confirm]", "#k-err-inside"),
}


def _pad_open_on(page, name: str) -> None:
    page.click(f"input[name={name}]")
    page.wait_for_selector(".k-osk-numeric:not([hidden])")
    settled(page)  # the page scrolled to the field


def _typed_on_the_pad(page, name: str, digits: str) -> None:
    _pad_open_on(page, name)
    for key in digits:
        page.click(f".k-osk [data-key='{key}']")


def at_every_size_in_both_languages(test):
    """The test at the four sizes, in Indonesian and English (the KTP is read from its photo)."""
    by_size = pytest.mark.parametrize("size", list(SIZES))(test)
    return needs_ocr(pytest.mark.parametrize("lang", ["id", "en"])(by_size))


def _not_clear(page, selectors: list[str]) -> list[dict]:
    return [seen for seen in page.evaluate(SEEN, selectors)
            if not (seen["shown"] and seen["inside"] and not seen["meets"] and seen["clear"])]


@at_every_size_in_both_languages
@pytest.mark.parametrize("screen", list(PAD_SCREENS))
def test_with_the_pad_open_the_field_and_the_next_step_stand_clear_of_it(app, live_server, browser, shot,
                                                                          screen, size, lang):
    reach, fields, steps = PAD_SCREENS[screen]
    page = reach(app, browser, live_server, size, lang)
    problems = []
    for name in fields:
        _pad_open_on(page, name)
        shot(page, f"h32p-pad-{screen}-{name}-{size}-{lang}", full_page=False)
        problems += [(name, seen) for seen in _not_clear(page, [f"input[name={name}]", *steps])]
    assert not problems, problems
    assert violations(page, axe_source()) == []
    assert not page.errors, page.errors


@at_every_size_in_both_languages
@pytest.mark.parametrize("screen", list(MISTAKES))
def test_a_mistake_typed_on_the_pad_shows_with_the_field_and_the_next_step(app, live_server, browser, shot,
                                                                           screen, size, lang):
    """The digits typed on the pad are wrong or too few and the visitor taps the screen's button: its
    message, the field and the buttons stand clear of the pad (opened again on the field if it closed
    to show every message of the screen)."""
    reach, _fields, steps = PAD_SCREENS[screen]
    name, typed, button, message = MISTAKES[screen]
    page = reach(app, browser, live_server, size, lang)
    page.fill(f"input[name={name}]", "")  # the NIK read from the card
    _typed_on_the_pad(page, name, typed)
    page.click(button)
    page.wait_for_selector(f"{message}:not(:empty)")
    settled(page)
    if page.is_hidden(".k-osk"):
        _pad_open_on(page, name)
    shot(page, f"h32p-pad-mistake-{screen}-{size}-{lang}", full_page=False)
    problems = _not_clear(page, [f"input[name={name}]", message, *steps])
    assert not problems, problems
    assert violations(page, axe_source()) == []


@needs_ocr
@pytest.mark.parametrize("size", ["1280x800", "800x1280"])
def test_the_pads_next_key_after_the_last_digits_fills_everything_as_last_time(app, live_server, browser, size):
    """On the returning visitor's KTP screen the pad's Next key after the 4 digits does what "Same as
    last time" beside them does, as a phone keyboard's Go key would (it only closed the pad)."""
    page = _returning_on_the_ktp_screen(app, browser, live_server, size, "id")
    _typed_on_the_pad(page, "returning_last4", "7788")
    page.click(".k-osk [data-key='{next}']")
    page.wait_for_selector("section[data-screen=what]:not([hidden])")
    assert page.is_hidden(".k-osk")
    assert not page.errors, page.errors


@needs_ocr
@pytest.mark.parametrize("size", ["1280x800", "800x1280"])
def test_with_the_pad_open_the_tab_key_goes_on_from_the_digits_to_the_buttons(app, live_server, browser, size):
    """A keyboard user is not held by the pad: Tab from the digits reaches "Same as last time", then
    "Continue" (the pad's keys never take the focus on their own)."""
    page = _returning_on_the_ktp_screen(app, browser, live_server, size, "en")
    _pad_open_on(page, "returning_last4")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.action") == "same-as-last"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.action") == "to-who"
    page.keyboard.press("Enter")
    page.wait_for_selector("section[data-screen=who]:not([hidden])")


@needs_ocr
def test_the_pads_next_key_after_been_here_before_fills_in_the_details(app, live_server, browser):
    """"Pernah berkunjung?" on the "about you" screen: Next after its 4 digits does what "Isi otomatis"
    beside them does (it only closed the pad)."""
    page = _returning_on_the_ktp_screen(app, browser, live_server, "1280x800", "id")
    page.click("[data-screen=ktp] [data-action=to-who]")
    page.wait_for_selector("section[data-screen=who]:not([hidden])")
    _typed_on_the_pad(page, "phone_last4", "7788")
    page.click(".k-osk [data-key='{next}']")
    page.wait_for_function("() => document.querySelector('input[name=phone]').value.endsWith('7788')")
    assert page.is_hidden(".k-osk")
    assert not page.errors, page.errors
