"""h24x: the kiosk's header, step row and forms looked at as a stranger on every guest-book screen,
not only the ticket's (h24s), on a 360x740 phone and an 800x1280 portrait kiosk.

- 800x1280: the six steps with their names made the row 805 px wide: the page scrolled sideways
  and "6 Tiket" sat on the glass's edge, on every step of the guest book.
- 360x740: with a long current step ("4 Keperluan", "3 Where from") the centred row was wider than
  the phone: step 1 cut at the left where no scrolling reaches, the page scrolled sideways.
- 360x740 "Data diri": NIK and name side by side, the NIK read from the KTP showed 6 of its 16
  digits, the name its first word: nothing the visitor could check against the card.
- 360x740 ticket: the QR stood past its card and the screen's edge (1 px of sideways scroll); the
  QR, shown at check-out, still reads from a photo of the phone's screen.

What is asserted is what a visitor sees: no sideways scroll, every step's number on the screen and
the current step's name whole, the NIK and the name whole in their boxes, the QR inside its card
and readable from a screenshot; axe-clean."""
from __future__ import annotations

import cv2
import numpy as np
import pytest

from tests.kiosk.e2e_support import enrol_page, on_to_the_rules, sign, to_the_who_screen
from tests.support import has_zbar

from .axe import axe_source, violations
from .settle import settled

PHONE = {"width": 360, "height": 740}
TURNED = {"width": 800, "height": 1280}  # the 1280x800 tablet turned to portrait
SIZES = {"360x740": PHONE, "800x1280": TURNED}

# What of the header a visitor can see: the page's width against the screen's, each step's number
# box, and the current step's name (its box, and whether its text is cut inside it).
CHROME = """() => {
  const width = document.documentElement.clientWidth;
  const steps = [...document.querySelectorAll('.k-steps li')].map(li => {
    const n = li.querySelector('.k-step-n').getBoundingClientRect();
    return {n: li.querySelector('.k-step-n').textContent.trim(), left: n.left, right: n.right};
  });
  const label = document.querySelector('.k-steps li.current .k-step-label');
  const box = label.getBoundingClientRect();
  return {width, scrollWidth: document.documentElement.scrollWidth, steps,
          current: {text: label.textContent.trim(), left: box.left, right: box.right, height: box.height,
                    cut: label.scrollWidth > label.clientWidth + 1}};
}"""


def _chrome_in_sight(page, screen: str) -> None:
    settled(page)
    seen = page.evaluate(CHROME)
    assert seen["scrollWidth"] <= seen["width"], \
        f"{screen}: the page is {seen['scrollWidth']} px wide on a {seen['width']} px screen"
    for step in seen["steps"]:
        assert step["left"] >= 0 and step["right"] <= seen["width"], f"{screen}: step {step['n']} is cut: {step}"
    current = seen["current"]
    assert current["text"] and current["height"] > 0 and not current["cut"], f"{screen}: {current}"
    assert current["left"] >= 0 and current["right"] <= seen["width"], f"{screen}: the step's name is cut: {current}"
    assert violations(page, axe_source()) == [], screen


def _whole_in_its_box(page, selector: str) -> None:
    box = page.evaluate("(s) => { const el = document.querySelector(s); "
                        "return {scroll: el.scrollWidth, client: el.clientWidth, value: el.value}; }", selector)
    assert box["value"] and box["scroll"] <= box["client"], f"{selector} shows part of {box['value']!r}: {box}"


def _walk_to_the_ticket(page, shot, tag: str) -> None:
    person = to_the_who_screen(page)
    _chrome_in_sight(page, "who")
    _whole_in_its_box(page, "input[name=nik]")
    _whole_in_its_box(page, "input[name=full_name]")
    page.fill("input[name=phone]", "081234560077")
    if page.is_visible(".k-osk"):
        page.click(".k-osk [data-key='{hide}']")
    shot(page, f"h24x-kiosk-who-{tag}", full_page=False)
    assert person.nik == page.input_value("input[name=nik]")

    def look(screen: str) -> None:
        _chrome_in_sight(page, screen)
        shot(page, f"h24x-kiosk-{screen}-{tag}", full_page=False)

    on_to_the_rules(page, look)
    _chrome_in_sight(page, "rules")
    page.check("[data-rules]")
    page.evaluate("document.querySelector('[data-signature]').scrollIntoView({block: 'center'})")
    settled(page)
    sign(page)
    page.click("[data-action=submit]")
    page.wait_for_selector("[data-screen=ticket]:not([hidden])")
    page.wait_for_selector("[data-ticket-qr]:not([src=''])")
    _chrome_in_sight(page, "ticket")


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_every_step_of_the_guest_book_fits_the_phone_and_the_portrait_kiosk(app, live_server, browser, shot,
                                                                             size, lang):
    page = enrol_page(app, browser, live_server, SIZES[size])
    if lang != "id":
        page.goto(f"{live_server}/kiosk/?lang={lang}")
        page.wait_for_selector(f"html[lang={lang}] body[data-ready]")
    page.wait_for_selector("body[data-ready]")
    page.click("[data-action=checkin]")
    page.wait_for_selector("section[data-screen=ktp]:not([hidden])")
    _chrome_in_sight(page, "ktp")
    page.goto(f"{live_server}/kiosk/?lang={lang}")  # back to the start, to walk the whole way
    _walk_to_the_ticket(page, shot, f"{size}-{lang}")
    shot(page, f"h24x-kiosk-ticket-{size}-{lang}", full_page=False)
    assert not [e for e in page.errors if "status of 40" not in e], page.errors


def test_on_a_phone_the_ticket_qr_stands_in_its_card_and_reads_from_a_photo_of_the_screen(app, live_server,
                                                                                          browser, shot):
    if not has_zbar():
        pytest.skip("libzbar0 missing: apt-get install libzbar0")
    from pyzbar import pyzbar

    page = enrol_page(app, browser, live_server, PHONE)
    _walk_to_the_ticket(page, shot, "360x740-qr")
    settled(page)
    boxes = page.evaluate("""() => { const r = (s) => document.querySelector(s).getBoundingClientRect();
      const q = r('[data-ticket-qr]'), c = r('section[data-screen=ticket] .k-ticket');
      return {qr: {left: q.left, right: q.right, top: q.top, bottom: q.bottom},
              card: {left: c.left, right: c.right}, width: document.documentElement.clientWidth,
              bar: r('section[data-screen=ticket] .k-actions').top}; }""")
    assert boxes["card"]["left"] <= boxes["qr"]["left"] and boxes["qr"]["right"] <= boxes["card"]["right"], boxes
    assert boxes["qr"]["right"] <= boxes["width"] and boxes["qr"]["bottom"] <= boxes["bar"], boxes
    png = shot(page, "h24x-kiosk-ticket-qr-360x740", full_page=False)
    picture = cv2.imdecode(np.fromfile(str(png), np.uint8), cv2.IMREAD_GRAYSCALE)
    read = [s.data.decode() for s in pyzbar.decode(picture) if s.type == "QRCODE"]
    code = page.inner_text("[data-ticket-code]").strip()
    assert len(read) == 1 and code in read[0], f"the QR on the phone's screen reads {read}, the ticket is {code}"
