"""A stranger at the 1280x800 kiosk tablet, an older vendor among them. What the ticket screen asks of
the visitor ("take a photo of this ticket or print it: you need it to check out") is on the screen,
not under the button bar; after the KTP photo, the fields read from the card are introduced in words,
not left as a bare list ("NIK", "Nama"); the e-mail field says "email" too, the word most visitors know
("surel" alone is the official term few use)."""
from __future__ import annotations

import re
from datetime import datetime, timezone

from tests import factories
from tests.kiosk.e2e_support import TABLET, check_out_by_ticket, enrol_page, to_the_ktp_screen, upload_ktp

from .axe import axe_source, violations
from .settle import settled
from .test_kiosk_stranger import find_my_ticket

# Is `sel` on the screen and not under anything (the button bar): its middle and both ends are its own.
IN_SIGHT = """(sel) => {
  const el = document.querySelector(sel);
  const box = el.getBoundingClientRect();
  if (!box.height || box.top < 0 || box.bottom > innerHeight) return 'off the screen';
  for (const y of [box.top + 2, box.top + box.height / 2, box.bottom - 2]) {
    const at = document.elementFromPoint(box.left + box.width / 2, y);
    if (!at || !(at === el || el.contains(at))) return 'covered by ' + (at ? at.className : 'nothing');
  }
  return '';
}"""


def test_the_ticket_screen_says_to_keep_the_ticket_without_scrolling(app, live_server, browser, shot):
    with app.app_context():
        ticket = factories.visit("pending", submitted_at=datetime.now(timezone.utc),
                                 visitor=factories.visitor(nik="3373024107900001", phone="081234560001")).ticket_code
    page = enrol_page(app, browser, live_server, TABLET)
    page.goto(f"{live_server}/kiosk/")
    find_my_ticket(page, "3373024107900001", "0001")
    assert page.inner_text("[data-ticket-code]") == ticket
    settled(page)
    assert page.evaluate(IN_SIGHT, "[data-ticket-keep]") == ""
    assert page.evaluate(IN_SIGHT, "[data-ticket-qr]") == ""
    assert page.evaluate("document.querySelector('[data-ticket-qr]').getBoundingClientRect().width") >= 240
    shot(page, "ux3-kiosk-ticket-keep-note", full_page=False)
    assert violations(page, axe_source()) == []


def test_the_fields_read_from_the_card_are_introduced_in_words(app, live_server, browser, shot):
    page = enrol_page(app, browser, live_server, TABLET)
    page.goto(f"{live_server}/kiosk/")
    to_the_ktp_screen(page)
    upload_ktp(page)
    box = page.locator("[data-read-from-card-box]")
    assert box.is_visible()
    text = box.inner_text()
    assert text.startswith("Sudah terisi dari kartu Anda (periksa di layar berikutnya):") and "NIK" in text, text
    shot(page, "ux3-kiosk-read-from-card", full_page=False)
    assert violations(page, axe_source()) == []
    page.click("[data-action=to-who]")
    page.wait_for_selector("section[data-screen=who]:not([hidden])")
    assert "Surel/email (tidak wajib)" in page.inner_text("label:has(input[name=email])")


def test_a_visitor_who_tapped_leave_by_mistake_has_a_way_back(app, live_server, browser, shot):
    """The check-out screen had no "Back": a visitor who tapped "Keluar" by mistake could only wait for
    the idle timeout. Now a Back button is in sight beside the camera and goes to the welcome screen."""
    page = enrol_page(app, browser, live_server, TABLET)
    page.goto(f"{live_server}/kiosk/")
    page.wait_for_selector("body[data-ready]")
    page.click("[data-action=checkout]")
    page.wait_for_selector("section[data-screen=checkout]:not([hidden])")
    back = "section[data-screen=checkout] [data-action=to-start]"
    assert page.evaluate(IN_SIGHT, back) == ""
    assert page.inner_text(back).strip() == "Kembali"
    assert page.locator(back).bounding_box()["height"] >= 44
    shot(page, "ux3-kiosk-checkout-back", full_page=False)
    assert violations(page, axe_source()) == []
    page.click(back)
    page.wait_for_selector("section[data-screen=welcome]:not([hidden])")


def test_the_time_of_leaving_is_said_in_wib(app, live_server, browser):
    """"Anda tercatat keluar pukul 06:15." named no zone, where every other time on the kiosk and the
    slip says WIB."""
    with app.app_context():
        ticket = factories.visit("approved", submitted_at=datetime.now(timezone.utc),
                                 visitor=factories.visitor(nik="3373024107900002", phone="081234560002")).ticket_code
    page = enrol_page(app, browser, live_server, TABLET)
    page.goto(f"{live_server}/kiosk/")
    page.wait_for_selector("body[data-ready]")
    check_out_by_ticket(page, ticket)
    said = page.inner_text("[data-done-message]")
    assert re.fullmatch(r"Anda tercatat keluar pukul \d\d:\d\d WIB\.", said), said
