"""h34v: an elderly first-time visitor, at arm's length and new to screens, walked the kiosk with its
camera at 1024x768, 1280x800, 1920x1080 and on the 1080x1920 portrait touchscreen, in Indonesian and
English (SOP 1: the guest book, the KTP, a wrong mobile number, the wait, a refusal, the check-out).

- "Pilih nama Anda" with the number pad open: at 1024x768 the chosen name's button stood half under the
  screen's heading, at 1280x800 the line above it was cut in two; after a message on "Data diri Anda"
  at 1920x1080 the NIK box was cut by the heading the same way. Nothing stands half under it now.
- The returning visitor's KTP screen was 51-66 px taller than the 1920x1080 glass ("Ambil ulang" cut by
  its edge) and the page jumped 34-116 px as the pad opened and a message came; at 1024x768 it jumped
  21-94 px when "no earlier visit" came. It stays put now, and that message says what to do then.
- At 1024x768 the KTP screen was 29 px taller than the glass while aiming ("Ambil foto sekarang" cut by
  the bottom edge) and 33 px once a card whose NIK was not read was taken ("Ambil ulang" cut).
- The start screen at 1920x1080 showed only the first lines of the personal-data notice (in English its
  heading): 193-266 px of it lay under the fold, and a visitor does not know a kiosk page scrolls.
"""
from __future__ import annotations

import pytest

from tests.e2e.video import write_y4m
from tests.kiosk.e2e_support import CAPTURE_WAIT_MS, LANDSCAPE, SMALL, ktp_with_thumb_on_nik
from tests.support import needs_ocr

from .axe import axe_source, violations
from .settle import settled
from .test_kiosk_alone import _empty_desk_video
from .test_kiosk_find_without_camera_keyboard_h29u import kiosk_in
from .test_office_hours_ux7 import at_wib
from .test_pad_leaves_next_step_h32p import _inside, _returning_on_the_ktp_screen, _typed_on_the_pad, _who

# What on the shown screen stands cut in two by the lower edge of its heading (sticky while the pad is
# open): a box, a button, a line of text, partly above that edge and partly below it. Only what is in
# the heading's column (on a split screen the other column goes on beside it).
CUT_BY_THE_HEADING = """() => {
  const screen = document.querySelector('section[data-screen]:not([hidden])');
  const heading = [...screen.querySelectorAll('h1')].find((h) => h.offsetParent !== null);
  const h = heading.getBoundingClientRect();
  const cut = [];
  for (const el of screen.querySelectorAll('input, button, p, li, legend, h2, .k-field > span')) {
    if (!el.getClientRects().length || heading.contains(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.left >= h.right || r.right <= h.left) continue;
    if (r.top < h.bottom - 1 && r.bottom > h.bottom + 1)
      cut.push({what: (el.innerText || el.name || el.tagName).trim().slice(0, 40), top: Math.round(r.top),
                bottom: Math.round(r.bottom), edge: Math.round(h.bottom)});
  }
  return cut;
}"""

# For each element: whether it is on the glass and is what is drawn at its middle and near its top and
# bottom edges (not the heading, the button bar or the pad over it).
CLEAR = """(selectors) => selectors.map((sel) => {
  const el = document.querySelector(sel);
  if (!el || !el.getClientRects().length) return {sel, shown: false};
  const r = el.getBoundingClientRect();
  const x = r.left + r.width / 2;
  const hits = [r.top + r.height / 2, r.top + 3, r.bottom - 3].map((y) => document.elementFromPoint(x, y));
  const clear = hits.every((hit) => !!hit && (hit === el || el.contains(hit)));
  return {sel, shown: true, clear: clear && r.top >= 0 && r.bottom <= innerHeight,
          top: Math.round(r.top), bottom: Math.round(r.bottom)};
})"""

PAGE = "() => ({scrolled: Math.round(scrollY), tall: document.scrollingElement.scrollHeight, glass: innerHeight})"


def _not_clear(page, selectors: list[str]) -> list[dict]:
    return [seen for seen in page.evaluate(CLEAR, selectors) if not (seen["shown"] and seen["clear"])]


def _on_the_glass(page, what: str, selectors: list[str]) -> None:
    """No scroll, nothing under the fold, each of `selectors` clear in sight, axe-clean."""
    where = page.evaluate(PAGE)
    assert where["scrolled"] == 0 and where["tall"] <= where["glass"], f"{what}: {where}"
    assert _not_clear(page, selectors) == [], what
    assert violations(page, axe_source()) == []


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", ["1024x768", "1280x800"])
def test_the_chosen_name_stands_whole_above_its_digits_with_the_pad_open(app, live_server, browser, shot,
                                                                         size, lang):
    page = _inside(app, browser, live_server, size, lang)  # the name tapped: the pad opens on its digits
    settled(page)  # the page scrolled to the digits
    shot(page, f"h34v-inside-pad-{size}-{lang}", full_page=False)
    assert page.evaluate(CUT_BY_THE_HEADING) == []
    assert _not_clear(page, [".k-name[aria-pressed=true]", "input[name=inside_last4]",
                             "[data-action=inside-confirm]"]) == []
    _typed_on_the_pad(page, "inside_last4", "99")
    page.click("[data-action=inside-confirm]")
    page.wait_for_selector("#k-err-inside:not(:empty)")
    settled(page)
    assert page.evaluate(CUT_BY_THE_HEADING) == []
    assert violations(page, axe_source()) == []
    assert not page.errors, page.errors


@needs_ocr
@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_wrong_mobile_number_leaves_no_box_half_under_the_heading(app, live_server, browser, shot, lang):
    """At 1920x1080 the visitor types a short mobile number on the pad and touches "Lanjut": the message
    under the number and the screen's summary line come above the bar, and the NIK box above them is
    not left cut in two by the heading."""
    page = _who(app, browser, live_server, "1920x1080", lang)
    page.fill("input[name=full_name]", "Sutrisno Hadi")
    page.fill("input[name=nik]", "")
    _typed_on_the_pad(page, "nik", "3373024107900001")
    _typed_on_the_pad(page, "phone", "08123")
    page.click("[data-screen=who] [data-action=to-from]")
    page.wait_for_selector("#k-err-phone:not(:empty)")
    settled(page)
    shot(page, f"h34v-who-phone-wrong-1920x1080-{lang}", full_page=False)
    assert page.evaluate(CUT_BY_THE_HEADING) == []
    assert _not_clear(page, ["input[name=phone]", "#k-err-phone", "[data-screen=who] [data-form-error]",
                             "[data-screen=who] [data-action=to-from]"]) == []
    assert violations(page, axe_source()) == []


NO_EARLIER_VISIT_NEXT = {"id": "Periksa 4 angka itu, atau lanjutkan dan isi data Anda sendiri.",
                         "en": "Check the 4 digits, or go on and fill in your details yourself."}
KTP_NEXT_STEPS = ["[data-action=same-as-last]", "[data-screen=ktp] [data-action=to-who]",
                  "[data-screen=ktp] [data-capture-done] [data-action=retake]"]


@needs_ocr
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("camera", [True, False], ids=["camera", "no-camera"])
@pytest.mark.parametrize("size", ["1920x1080", "1024x768"])
def test_the_returning_visitors_ktp_screen_stays_put_as_the_pad_opens_and_messages_come(
        app, live_server, launch_browser, tmp_path, shot, size, camera, lang):
    """The page never scrolls: not as the pad opens on the last 4 digits, not when too few are typed,
    not when no earlier visit matches them (a kiosk with a camera says "Tunjukkan KTP Anda ke kamera"
    over the photo, two lines at 1024x768; one without, "Foto KTP Anda"). The digits, the message and
    the next steps stay clear, and the message says what to do next."""
    browser = launch_browser(fake_video=_empty_desk_video(tmp_path / "desk.y4m") if camera else None)
    page = _returning_on_the_ktp_screen(app, browser, live_server, size, lang)
    settled(page)
    seen = [("photo taken", page.evaluate(PAGE))]
    _typed_on_the_pad(page, "returning_last4", "12")
    settled(page)
    seen.append(("pad open", page.evaluate(PAGE)))
    page.click("[data-action=same-as-last]")
    page.wait_for_selector("[data-error-for=returning_last4]:not(:empty)")
    settled(page)
    seen.append(("too few digits", page.evaluate(PAGE)))
    _typed_on_the_pad(page, "returning_last4", "34")
    page.click("[data-action=same-as-last]")
    page.wait_for_function("(t) => document.querySelector('[data-error-for=returning_last4]').textContent.includes(t)",
                           arg=NO_EARLIER_VISIT_NEXT[lang])
    settled(page)
    seen.append(("no earlier visit", page.evaluate(PAGE)))
    shot(page, f"h34v-returning-no-earlier-visit-{size}-{'camera' if camera else 'upload'}-{lang}", full_page=False)
    moved = [(when, where) for when, where in seen if where["scrolled"] or where["tall"] > where["glass"]]
    assert moved == [], moved
    assert _not_clear(page, ["input[name=returning_last4]", "[data-error-for=returning_last4]", *KTP_NEXT_STEPS]) == []
    assert violations(page, axe_source()) == []


@needs_ocr
@pytest.mark.parametrize("lang", ["id", "en"])
def test_at_1024x768_the_ktp_screen_fits_while_aiming_and_once_a_card_with_an_unread_nik_is_taken(
        app, live_server, launch_browser, tmp_path, shot, lang):
    video = write_y4m(tmp_path / "thumb.y4m", [ktp_with_thumb_on_nik()] * 10)  # held still, a thumb on the NIK
    page = kiosk_in(app, launch_browser(fake_video=video), live_server, SMALL, lang)
    page.click("[data-action=checkin]")
    page.wait_for_selector("section[data-screen=ktp]:not([hidden])")
    page.wait_for_function("() => document.querySelector('[data-guidance]').textContent.length > 40", timeout=30000)
    shot(page, f"h34v-ktp-aiming-1024x768-{lang}", full_page=False)
    _on_the_glass(page, "the KTP screen while aiming", ["[data-guidance]", "[data-action=capture]"])
    page.wait_for_selector("[data-capture-done]:not([hidden])", timeout=CAPTURE_WAIT_MS)
    settled(page)
    shot(page, f"h34v-ktp-taken-nik-unread-1024x768-{lang}", full_page=False)
    assert page.is_visible("[data-nik-unread-title]")
    _on_the_glass(page, "the KTP screen with the photo taken",
                  ["[data-nik-unread-title]", "[data-capture-read]", "[data-screen=ktp] [data-action=to-who]",
                   "[data-screen=ktp] [data-capture-done] [data-action=retake]"])
    # "Berhasil!" takes no room there but is still said
    assert page.locator("[data-guidance]").text_content().strip() != ""


@pytest.mark.parametrize("hour", [10, 15], ids=["morning", "last-half-hour"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_start_screen_shows_the_whole_personal_data_notice_at_1920x1080(app, live_server, browser, shot,
                                                                           lang, hour):
    at_wib(app, hour, 40)
    page = kiosk_in(app, browser, live_server, LANDSCAPE, lang)
    shot(page, f"h34v-start-1920x1080-{lang}-{hour}", full_page=False)
    _on_the_glass(page, "the start screen", [".k-tile-in", ".k-tile-out", "[data-action=find-answer]", ".k-privacy h2",
                                            ".k-privacy li:first-child", ".k-privacy li:last-child"])
    assert page.locator(".k-tile").first.bounding_box()["height"] >= 160  # still a big target

