"""A stranger at the 1280x800 kiosk tablet. A visitor who switched the kiosk to English is told, in
plain words and before it happens, that the kiosk goes back to Bahasa Indonesia for the next visitor
(on the welcome screen, beside Finish, in the idle countdown), and it does. While typing on the
on-screen keyboard, the visitor still sees what the screen asks (its heading) and the field being
typed, neither under the keyboard nor under the button bar."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from lpsedesk import settings
from lpsedesk.extensions import db
from tests import factories
from tests.kiosk.e2e_support import TABLET, check_out_by_ticket, enrol_page, to_the_who_screen

from .axe import axe_source, violations

NOTE = "[data-lang-note]"

# What the visitor sees while typing into `field`: the screen's heading, and whether it or the field
# is off the screen, under the keyboard, or under anything else (the button bar).
TYPING_VIEW = """(field) => {
  const screen = document.querySelector('section[data-screen]:not([hidden])');
  const heading = Array.from(screen.querySelectorAll('h1')).find(h => h.offsetParent !== null);
  const keyboardTop = document.querySelector('.k-osk').getBoundingClientRect().top;
  const hidden = (el) => {
    const box = el.getBoundingClientRect();
    if (box.top < 0 || box.bottom > keyboardTop) return 'off the screen or under the keyboard';
    const at = document.elementFromPoint(box.left + Math.min(box.width, 40) / 2, box.top + box.height / 2);
    return at && (at === el || el.contains(at)) ? '' : 'covered by ' + (at ? at.className : 'nothing');
  };
  return {heading: heading.textContent.trim(), heading_hidden: hidden(heading),
          field_hidden: hidden(document.querySelector(field))};
}"""


def _type_on_pad(page, field: str, text: str) -> None:
    """Tap the field (or, when the keyboard is already open, its Next key) and type on the keys."""
    if page.is_visible(".k-osk"):
        page.click(".k-osk [data-key='{next}']")
        assert page.evaluate("(f) => document.activeElement === document.querySelector(f)", field)
    else:
        page.click(field)
    page.wait_for_selector(".k-osk:not([hidden])")
    for key in text:
        page.click(f".k-osk [data-key='{key}']")


def find_my_ticket(page, nik: str, last4: str) -> None:
    """From the ready welcome screen: "Show my answer and ticket", the NIK and the phone's last four
    digits typed on the kiosk's keys, and the ticket screen shown."""
    page.wait_for_selector("body[data-ready]")
    page.click("[data-action=find-answer]")
    _type_on_pad(page, "input[name=find_nik]", nik)
    _type_on_pad(page, "input[name=find_last4]", last4)
    page.click("[data-action=find-submit]")
    page.wait_for_selector("[data-screen=ticket]:not([hidden])")


def _today_visit(app, status: str, **visitor) -> str:
    with app.app_context():
        return factories.visit(status, submitted_at=datetime.now(timezone.utc),
                               visitor=factories.visitor(**visitor)).ticket_code


def test_an_english_speaking_visitor_is_told_the_kiosk_goes_back_to_indonesian(app, live_server, browser, shot):
    with app.app_context():
        settings.put(db.session, "kiosk_idle_seconds", 6)
        db.session.commit()
    waiting = _today_visit(app, "pending", nik="3373024107900001", phone="081234560001")
    leaving = _today_visit(app, "approved", nik="3373024107900002", phone="081234560002")
    page = enrol_page(app, browser, live_server, TABLET)
    assert page.locator(NOTE).count() == 0, "a visitor in Bahasa Indonesia needs no such note"

    page.goto(f"{live_server}/kiosk/?lang=en")
    page.wait_for_selector("body[data-ready]")
    assert "Bahasa Indonesia for the next visitor" in page.inner_text(f"section[data-screen=welcome] {NOTE}")
    # The answer found again: the note stands beside Finish, the button that ends the visit here.
    find_my_ticket(page, "3373024107900001", "0001")
    assert page.inner_text("[data-ticket-code]") == waiting
    note = page.locator(f"section[data-screen=ticket] {NOTE}")
    assert note.is_visible() and "Bahasa Indonesia" in note.inner_text()
    finish = page.locator("[data-action=finish]").bounding_box()
    box = note.bounding_box()
    assert box["y"] + box["height"] <= TABLET["height"] and abs(box["y"] - finish["y"]) < 60, "on screen, beside Finish"
    shot(page, "ux2-kiosk-ticket-lang-note-en", full_page=False)

    # Checked out in English: the last screen says it too.
    page.goto(f"{live_server}/kiosk/?lang=en")
    page.wait_for_selector("body[data-ready]")
    check_out_by_ticket(page, leaving)
    assert "Bahasa Indonesia" in page.inner_text(f"section[data-screen=checkout-done] {NOTE}")
    shot(page, "ux2-kiosk-checkout-done-lang-note-en", full_page=False)

    # Nobody touches it: the countdown says the kiosk returns to Bahasa Indonesia, and it does.
    page.wait_for_selector("[data-idle]:not([hidden])", timeout=15000)
    assert "Bahasa Indonesia" in page.inner_text(f"[data-idle] {NOTE}")
    shot(page, "ux2-kiosk-idle-lang-note-en", full_page=False)
    assert violations(page, axe_source()) == []
    page.wait_for_function("() => document.documentElement.lang === 'id' && document.body && document.body.dataset.ready === '1'", timeout=20000)
    assert page.locator(NOTE).count() == 0
    assert "Masuk" in page.inner_text("section[data-screen=welcome]")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_screen_question_stays_in_sight_while_typing_on_the_keyboard(app, live_server, browser, shot, lang):
    page = enrol_page(app, browser, live_server, TABLET)
    page.goto(f"{live_server}/kiosk/?lang={lang}")
    page.wait_for_selector("body[data-ready]")
    seen = {}

    def look(name: str, field: str) -> None:
        view = page.evaluate(TYPING_VIEW, field)
        seen[name] = view
        if lang == "id":
            shot(page, f"ux2-kiosk-typing-{name}", full_page=False)

    # Check-out: the ticket code, typed on the letter keyboard; the button to go on shows too.
    page.click("[data-action=checkout]")
    page.wait_for_selector("section[data-screen=checkout]:not([hidden])")
    _type_on_pad(page, ".k-ticket-form input", "AB12")
    look("checkout-ticket", ".k-ticket-form input")
    go = page.evaluate(TYPING_VIEW, ".k-ticket-form button[type=submit]")["field_hidden"]
    assert go == "", f"'Find my visit' while typing: {go}"
    # Leaving without the ticket: the last field of the NIK form.
    page.click(".k-osk [data-key='{hide}']")
    page.click("[data-action=find-checkout]")
    page.wait_for_selector("section[data-screen=find]:not([hidden])")
    _type_on_pad(page, "input[name=find_nik]", "3373")
    _type_on_pad(page, "input[name=find_last4]", "12")
    look("find-last4", "input[name=find_last4]")
    # The guest book: the phone number, far down the "about you" screen.
    page.goto(f"{live_server}/kiosk/?lang={lang}")
    to_the_who_screen(page)
    _type_on_pad(page, "input[name=phone]", "0812")
    look("who-phone", "input[name=phone]")

    headings = {"id": {"checkout-ticket": "Keluar", "find-last4": "Keluar tanpa tiket", "who-phone": "Data diri Anda"},
                "en": {"checkout-ticket": "Leave", "find-last4": "Leave without the ticket", "who-phone": "Who you are"}}
    problems = {name: view for name, view in seen.items()
                if view["heading_hidden"] or view["field_hidden"] or view["heading"] != headings[lang][name]}
    assert problems == {}


def test_a_waiting_visitor_at_check_out_is_told_why_calmly_not_in_error_red(app, live_server, browser, shot):
    """Nothing to check out while the request waits: that is news for the visitor, not a mistake they
    made, so it is not written in the red of an error (an unknown ticket still is)."""
    waiting = _today_visit(app, "pending", nik="3373024107900001", phone="081234560001")
    page = enrol_page(app, browser, live_server, TABLET)
    page.click("[data-action=checkout]")
    page.fill(".k-ticket-form input", waiting)
    page.keyboard.press("Enter")
    why = page.wait_for_selector("section[data-screen=checkout-confirm] [data-checkout-error]:not(:empty)")
    red = "rgb(180, 35, 24)"  # the kiosk's error colour (--k-danger)
    assert why.evaluate("el => getComputedStyle(el).color") != red
    shot(page, "ux2-kiosk-checkout-waiting", full_page=False)
    assert violations(page, axe_source()) == []
    page.click("section[data-screen=checkout-confirm] [data-action=to-start]")
    page.wait_for_selector("body[data-screen=welcome]")
    page.click("[data-action=checkout]")
    page.wait_for_selector("section[data-screen=checkout]:not([hidden])")
    page.fill(".k-ticket-form input", "ZZZZ1234")
    page.keyboard.press("Enter")
    unknown = page.wait_for_selector("section[data-screen=checkout] .k-error:not(:empty)")
    assert unknown.evaluate("el => getComputedStyle(el).color") == red


def test_next_on_the_keyboard_after_the_ticket_code_finds_the_visit(app, live_server, browser):
    """The check-out screen asks for one thing, the ticket code: the keyboard's Next key after it goes
    on to the visit, as the Enter key and the screen's button do (it only closed the keyboard)."""
    ticket = _today_visit(app, "pending", nik="3373024107900001", phone="081234560001")
    page = enrol_page(app, browser, live_server, TABLET)
    page.click("[data-action=checkout]")
    page.wait_for_selector("section[data-screen=checkout]:not([hidden])")
    _type_on_pad(page, ".k-ticket-form input", ticket)
    page.click(".k-osk [data-key='{next}']")
    page.wait_for_selector("section[data-screen=checkout-confirm]:not([hidden])")
    assert page.is_hidden(".k-osk"), "the keyboard makes room for the visit found"
