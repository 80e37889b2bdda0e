"""h45u: on the "about you" screen ("Data diri Anda"), a visitor typed the last 4 phone digits of
"Pernah berkunjung?" on the number pad and tapped "Isi otomatis": at 1280x800 the answer, "no earlier
visit matches", stood half under the screen's button bar above the open pad. Every message of that
screen must be read where it appears with the pad open: its box inside the window, nothing drawn over
it (not the button bar, not the pad, not the sticky heading), at 1280x800 and 1024x768, in Indonesian
and English; the pad may close to show it, never hide it."""
from __future__ import annotations

import pytest

from tests import factories
from tests.kiosk.e2e_support import ktp_jpeg
from tests.support import needs_ocr

from .test_pad_leaves_next_step_h32p import SEEN, _photo_taken, _typed_on_the_pad
from .settle import settled

pytestmark = pytest.mark.layout

SHOTS = "/tmp/h45u"
RECALL = "[data-error-for=recall]"
RECALL_SAID = {"id": "Tidak ditemukan kunjungan sebelumnya", "en": "No earlier visit matches"}  # as h44u's walk
DIGITS = "input[name=phone_last4]"
PHONE = "081234567788"


def _on_the_who_screen(app, browser, live_server, size, lang, *, returning: bool):
    jpeg, person = ktp_jpeg(seed=41)
    if returning:  # the NIK on the card came before, with this phone
        with app.app_context():
            factories.visit("reported", visitor=factories.visitor(full_name=person.name, nik=person.nik,
                                                                  phone=PHONE))
    page = _photo_taken(app, browser, live_server, size, lang, jpeg)
    page.click("[data-screen=ktp] [data-action=to-who]")
    page.wait_for_selector("section[data-screen=who]:not([hidden])")
    return page


def _read_whole(page, selectors: list[str]) -> list[dict]:
    """Those of `selectors` not read whole: hidden, outside the window, meeting the open pad, or covered."""
    return [seen for seen in page.evaluate(SEEN, selectors)
            if not (seen["shown"] and seen["inside"] and not seen["meets"] and seen["clear"])]


def _messages(page) -> list[str]:
    """Every message the "about you" screen says now in answer to the visitor (a field's, the recall's,
    the summary line), each as a selector of its own. The NIK's hints (birth date read from it, "not
    read from your KTP") are no answer: they may scroll away above with their box while the digits
    further down are typed."""
    return page.evaluate("""() => Array.from(document.querySelectorAll(
        '[data-screen=who] [data-error-for], [data-screen=who] .k-summary-error'))
      .filter((el) => el.textContent.trim() && el.getClientRects().length)
      .map((el) => { if (!el.id) el.id = 'h45u-' + Math.random().toString(36).slice(2); return '#' + el.id; })""")


SIZES = ["1280x800", "1024x768"]  # the tablet and the smallest landscape screen
WAYS = {"button": "[data-action=recall]", "next-key": ".k-osk [data-key='{next}']"}


def _sizes_and_languages(test):
    """The test at both sizes, in Indonesian and English (the card's NIK is read from its photo)."""
    return needs_ocr(pytest.mark.parametrize("lang", ["id", "en"])(pytest.mark.parametrize("size", SIZES)(test)))


@_sizes_and_languages
@pytest.mark.parametrize("way", list(WAYS))
def test_no_earlier_visit_is_read_whole_with_the_pad_open(app, live_server, browser, size, lang, way):
    page = _on_the_who_screen(app, browser, live_server, size, lang, returning=False)
    _typed_on_the_pad(page, "phone_last4", "9999")
    page.click(WAYS[way])
    page.wait_for_selector(f"{RECALL}:not(:empty)")
    settled(page)  # the page scrolled to the line
    assert RECALL_SAID[lang] in page.inner_text(RECALL)
    page.screenshot(path=f"{SHOTS}/recall-miss-{way}-{size}-{lang}.png")
    assert not _read_whole(page, _messages(page))
    if page.is_visible(".k-osk"):  # the pad kept open: the digits still show above it, to type again
        assert not _read_whole(page, [DIGITS])
    assert not page.errors, page.errors


@_sizes_and_languages
def test_the_line_stays_whole_when_the_pad_opens_on_the_digits_again(app, live_server, browser, size, lang):
    page = _on_the_who_screen(app, browser, live_server, size, lang, returning=False)
    _typed_on_the_pad(page, "phone_last4", "9999")
    page.click(".k-osk [data-key='{hide}']")
    page.click("[data-action=recall]")
    page.wait_for_selector(f"{RECALL}:not(:empty)")
    assert not _read_whole(page, [RECALL])  # the pad closed: the line above the bar
    _typed_on_the_pad(page, "phone_last4", "")  # a tap on the digits to type them again
    settled(page)
    page.screenshot(path=f"{SHOTS}/recall-miss-pad-again-{size}-{lang}.png")
    assert not _read_whole(page, [DIGITS, RECALL])


@_sizes_and_languages
def test_welcome_back_is_read_whole_with_the_pad_open(app, live_server, browser, size, lang):
    page = _on_the_who_screen(app, browser, live_server, size, lang, returning=True)
    _typed_on_the_pad(page, "phone_last4", PHONE[-4:])
    page.click("[data-action=recall]")
    page.wait_for_function("(sel) => document.querySelector(sel).textContent.trim() !== ''", arg=RECALL)
    settled(page)
    page.screenshot(path=f"{SHOTS}/recall-found-{size}-{lang}.png")
    assert page.input_value("input[name=phone]") == PHONE  # the details were filled in
    assert not _read_whole(page, _messages(page))


@_sizes_and_languages
def test_a_mistake_on_each_number_field_is_read_whole_with_the_pad_open(app, live_server, browser, size, lang):
    """The NIK and the phone typed short on the pad, and "Lanjut" tapped with it open: every message the
    screen then shows is read whole (the pad closes when they do not all fit above it, ux13)."""
    page = _on_the_who_screen(app, browser, live_server, size, lang, returning=False)
    page.fill("input[name=nik]", "")
    _typed_on_the_pad(page, "nik", "3373")
    _typed_on_the_pad(page, "phone", "0812")
    page.click("[data-screen=who] [data-action=to-from]")
    page.wait_for_selector("[data-screen=who] .k-summary-error:not(:empty)")
    settled(page)
    page.screenshot(path=f"{SHOTS}/who-mistakes-{size}-{lang}.png")
    shown = _messages(page)
    assert len(shown) >= 2, shown  # the NIK's and the phone's, with the summary line
    assert not _read_whole(page, shown)
