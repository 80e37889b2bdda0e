"""A stranger at the 1280x800 kiosk tablet, read at arm's length and used by touch (some visitors are
elderly and not used to screens): on every screen of the guest book and of check-out, in Bahasa
Indonesia and in English, no text a visitor reads is under 18 px, every button, chip and link is at
least 48 px tall, nothing runs off the side of the screen, even with a 70-character name and a
76-character institution, and a mistyped NIK says what to fix in the visitor's own language."""
from __future__ import annotations

import pytest

from tests import factories
from tests.kiosk.e2e_support import TABLET, enrol_page, upload_ktp

from .settle import settled

pytestmark = pytest.mark.layout

LONG_NAME = "RADEN MAS BAGUS HADININGRAT KUSUMAWARDHANA PUTRA SEJATI WIBOWO SANTOSO"
LONG_INSTITUTION = "Koperasi Serba Usaha Karya Mandiri Sejahtera Bersama Kabupaten Semarang Timur"

# What a visitor sees on the current screen: text under 18 px, touch targets under 48 px tall, and
# anything wider than the screen. The print-only slip and the hidden native radio/checkbox inputs
# (their label is what is touched) are left out.
PROBLEMS = """() => {
  const out = [], width = document.documentElement.clientWidth;
  const shown = (el) => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden'
                        && !el.closest('[hidden], [data-slip]');
  for (const el of document.querySelectorAll('body *')) {
    if (!shown(el)) continue;
    const box = el.getBoundingClientRect(), style = getComputedStyle(el);
    const label = el.tagName + '.' + el.className + ' "' + el.textContent.trim().slice(0, 30) + '"';
    const ownText = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
    if (ownText && parseFloat(style.fontSize) < 18) out.push('text ' + style.fontSize + ' ' + label);
    const target = el.matches('button, a[href], select, textarea, input:not([type=radio]):not([type=checkbox]):not([type=hidden]), .k-chip span, .k-check');
    if (target && box.width > 2 && box.height < 48) out.push('target ' + Math.round(box.height) + ' px ' + label);
    if (box.right > width + 1) out.push('off the screen ' + label);
  }
  if (document.documentElement.scrollWidth > width) out.push('the page scrolls sideways');
  return out;
}"""


# Error lines with text that the visitor cannot see: outside the screen, or under something else
# (the sticky action bar, the on-screen keyboard).
HIDDEN_ERRORS = """() => Array.from(document.querySelectorAll('section[data-screen]:not([hidden]) .k-error'))
  .filter(el => el.textContent.trim() && el.getClientRects().length).filter(el => {
    const box = el.getBoundingClientRect(), x = box.left + Math.min(box.width, 40) / 2, y = box.top + box.height / 2;
    if (y < 0 || y > innerHeight) return true;
    const top = document.elementFromPoint(x, y);
    return !(top && (top === el || el.contains(top)));
  }).map(el => el.textContent.trim().slice(0, 50))"""


class Look:
    def __init__(self, page):
        self.page, self.found = page, {}

    def at(self, name: str) -> None:
        problems = self.page.evaluate(PROBLEMS)
        if problems:
            self.found[name] = problems[:10]


@pytest.mark.parametrize("lang,nik_words", [("id", ("16 angka", "diketik: 11")), ("en", ("16 digits", "typed: 11"))])
def test_every_kiosk_screen_reads_at_arms_length_with_long_names(app, live_server, browser, lang, nik_words):
    page = enrol_page(app, browser, live_server, TABLET)
    page.goto(f"{live_server}/kiosk/?lang={lang}")
    page.wait_for_selector("body[data-ready]")
    look = Look(page)
    look.at("welcome")
    page.click("[data-action=checkin]")
    page.wait_for_selector("section[data-screen=ktp]:not([hidden])")
    look.at("ktp")
    person = upload_ktp(page)
    look.at("ktp captured")
    page.click("[data-action=to-who]")
    page.wait_for_selector("section[data-screen=who]:not([hidden])")
    page.fill("input[name=full_name]", "")
    page.fill("input[name=nik]", person.nik[:11])  # five digits forgotten
    page.click("[data-action=to-from]")
    page.wait_for_selector("[data-error-for=nik]:not(:empty)")
    message = page.inner_text("[data-error-for=nik]")
    assert all(words in message for words in nik_words), f"a short NIK must say it needs 16 digits and how many were typed: {message!r}"
    page.click(".k-osk [data-key='{hide}']") if page.is_visible(".k-osk") else None
    look.at("who, with errors")
    settled(page)
    assert not page.evaluate(HIDDEN_ERRORS), f"error lines hidden: {page.evaluate(HIDDEN_ERRORS)}"
    page.fill("input[name=nik]", person.nik)
    page.fill("input[name=full_name]", LONG_NAME)
    page.fill("input[name=phone]", "081234560077")
    if page.is_visible(".k-osk"):
        page.click(".k-osk [data-key='{hide}']")
    look.at("who, filled")
    page.click("[data-action=to-from]")
    page.wait_for_selector("section[data-screen=from]:not([hidden])")
    page.click("[data-action=to-what]")
    page.wait_for_selector("section[data-screen=from] [data-error-for=institution]:not(:empty)")
    look.at("from, with errors")
    page.fill("input[name=institution]", LONG_INSTITUTION)
    if page.is_visible(".k-osk"):
        page.click(".k-osk [data-key='{hide}']")
    page.click("label.k-chip:has(input[name=category][value=penyedia])")
    look.at("from, filled")
    page.click("[data-action=to-what]")
    page.wait_for_selector("section[data-screen=what]:not([hidden])")
    page.click("[data-action=to-rules]")
    page.wait_for_selector("section[data-screen=what] .k-error:not(:empty)")
    look.at("what, with errors")
    page.click("label.k-chip:has(input[name=purpose][value=verification])")
    page.click("label.k-chip:has(input[name=facility][value=verification_desk])")
    page.click("label.k-chip:has(input[name=planned_minutes][value='60'])")
    page.click("[data-action=to-rules]")
    page.wait_for_selector("section[data-screen=rules]:not([hidden])")
    page.click("[data-action=submit]")
    page.wait_for_selector("[data-error-for=signature]:not(:empty)")
    settled(page)  # the scroll to the errors
    assert not page.evaluate(HIDDEN_ERRORS), f"error lines hidden: {page.evaluate(HIDDEN_ERRORS)}"
    look.at("rules, with errors")
    page.goto(f"{live_server}/kiosk/?lang={lang}")
    page.wait_for_selector("body[data-ready]")
    page.click("[data-action=checkout]")
    page.wait_for_selector("section[data-screen=checkout]:not([hidden])")
    page.fill(".k-ticket-form input", "ZZZZ1234")
    page.keyboard.press("Enter")
    page.wait_for_selector("section[data-screen=checkout] .k-error:not(:empty)")
    if page.is_visible(".k-osk"):
        page.click(".k-osk [data-key='{hide}']")
    look.at("check-out, unknown ticket")
    page.click("[data-action=find-checkout]")
    page.wait_for_selector("section[data-screen=find]:not([hidden])")
    page.fill("input[name=find_nik]", person.nik[:15])  # one digit forgotten
    page.fill("input[name=find_last4]", "0077")
    page.click("[data-action=find-submit]")
    message = page.inner_text("section[data-screen=find] [data-error-for=nik]")
    assert all(words in message for words in nik_words[:1]) and nik_words[1].replace("11", "15") in message, message
    if page.is_visible(".k-osk"):
        page.click(".k-osk [data-key='{hide}']")
    look.at("check-out by NIK, short NIK")
    assert not look.found, look.found
    # A 400 (form with errors) or 404 (unknown ticket) answer is how the kiosk learns what to say.
    assert not [e for e in page.errors if "status of 40" not in e], page.errors


@pytest.mark.parametrize("lang,question,back", [("id", "Catat keluar sekarang?", "Kembali"),
                                               ("en", "Check out now?", "Back")])
def test_a_visitor_still_waiting_is_not_asked_to_check_out_without_a_button(app, live_server, browser,
                                                                            lang, question, back):
    """A visitor whose request is still waiting shows the ticket at check-out: the kiosk says why it
    cannot record the departure, and does not ask "Check out now?" with no button to answer it."""
    with app.app_context():
        waiting = factories.visit("pending", visitor=factories.visitor(full_name=LONG_NAME, institution=LONG_INSTITUTION))
        inside = factories.visit("approved", visitor=factories.visitor(full_name="BUDI SANTOSO", nik="3373024107900002"))
        codes = waiting.ticket_code, inside.ticket_code
    page = enrol_page(app, browser, live_server, TABLET)
    for code, may_leave in zip(codes, (False, True)):
        page.goto(f"{live_server}/kiosk/?lang={lang}")  # the kiosk starts each visitor in Indonesian
        page.wait_for_selector("body[data-ready]")
        page.click("[data-action=checkout]")
        page.wait_for_selector("section[data-screen=checkout]:not([hidden])")
        page.fill(".k-ticket-form input", code)
        page.keyboard.press("Enter")
        screen = page.locator("section[data-screen=checkout-confirm]")
        screen.wait_for()
        heading = screen.locator("h1").inner_text()
        leave = screen.locator("[data-action=to-start]").inner_text()
        if may_leave:
            assert heading == question and screen.locator("[data-action=confirm-checkout]").is_visible()
        else:
            assert heading != question, "asked to check out, with no button to do it"
            assert leave == back and not screen.locator("[data-action=confirm-checkout]").is_visible()
            assert screen.locator("[data-checkout-error]").inner_text().strip(), "nothing says why"
            assert not Look(page).found and not page.evaluate(PROBLEMS), page.evaluate(PROBLEMS)
        screen.locator("[data-action=to-start]").click()
        page.wait_for_selector("body[data-screen=welcome]")
