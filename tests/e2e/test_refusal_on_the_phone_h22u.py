"""h22u: the Kasubag refuses a visit request on her 360x640 phone (SOP 1: she approves or refuses, and a
refusal carries its reason, which the visitor reads at the kiosk).

Opened, the refusal panel was fixed over the bottom of the screen: scrolled down, the helpdesk's reports
lay under it for as long as it was open, with no way to read or acknowledge them while deciding. An
earlier fix put the panel in the page's flow and lost "Tolak dengan alasan ini" below the screen after a
reason chip's tap, and left the page scrolled after the decision. What she needs, here:

- on opening "Tolak…": whose request it is, the reason chips, the reason box and the refusal's button
  are on the screen;
- after a chip's tap the refusal's button is on the screen and nothing lies over it, with the phone's
  keyboard up as well (a viewport half as tall);
- scrolled down with the panel open, nothing outside the request is ever under the panel: the reports
  can be read and their buttons tapped;
- after the refusal the next request is shown from the top of the page, without a scroll.
"""
from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tests import factories

from .axe import axe_source, violations
from .test_refusal_reason_phone_ux13 import _status
from .test_staff_flow import close_pages, short_streams  # noqa: F401 (a fixture)
from .test_staff_phone_stranger import SIDEWAYS, _phone

SMALL_PHONE = {"width": 360, "height": 640}
KEYBOARD_UP = {"width": 360, "height": 360}   # the on-screen keyboard takes about half of the screen
STEP = 40                                      # px a thumb moves the page at a time
SHOTS = Path("/tmp/h22u")

# Whether an element is wholly inside the screen and the topmost thing at its middle (nothing drawn
# over it: a tap there reaches it).
SEEN_AND_FREE = """(el) => { const r = el.getBoundingClientRect();
  if (!r.height || r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth) return false;
  const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return !!top && (el === top || el.contains(top)); }"""
# What lies outside the current request (the helpdesk's reports, the day's decisions, the queue's own
# tools): for each one wholly on the screen with something else drawn over its middle, its first line.
OUTSIDE_COVERED = """() => Array.from(document.querySelectorAll(
    '[data-part=reports] h2, [data-part=reports] .line, [data-part=reports] .button, [data-part=decided] h2, '
    + '[data-part=decided] .line, [data-queue-tools] .button, [data-queue] > h2'))
  .map((el) => [el, el.getBoundingClientRect()])
  .filter(([, r]) => r.height > 0 && r.top >= 0 && r.bottom <= innerHeight)
  .filter(([el, r]) => { const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                          return top && !el.contains(top) && !top.contains(el); })
  .map(([el]) => el.innerText.trim().split('\\n')[0])"""


def _two_requests_and_two_reports(app) -> list[int]:
    now = datetime.now(timezone.utc)
    with app.app_context():
        ids = [factories.visit("pending", submitted_at=now - timedelta(minutes=5 - i), ktp_checked_at=now,
                               visitor=factories.visitor(full_name=name, nik=f"33730241079001{i:02d}")).id
               for i, name in enumerate(["SUMARNI HADI", "DEWI LESTARI"])]
        for i, name in enumerate(["ANDI SETIAWAN", "BUDI SANTOSO"]):
            factories.visit("reported", visitor=factories.visitor(full_name=name, nik=f"33730241079003{i:02d}"),
                            submitted_at=now - timedelta(hours=2), decided_at=now - timedelta(hours=2),
                            checked_out_at=now - timedelta(minutes=30), reported_at=now - timedelta(minutes=10))
    return ids


def _save(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(300)  # a smooth scroll or a slide settles
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def test_the_kasubag_refuses_on_a_phone_with_everything_in_reach_and_nothing_hidden(
        app, live_server, browser, make_user, shot):
    make_user("siti", "kasubag", name="Siti Kasubag")
    first, second = _two_requests_and_two_reports(app)
    page = _phone(browser, live_server, "siti")
    page.set_viewport_size(SMALL_PHONE)
    page.goto(f"{live_server}/admin/queue")
    page.wait_for_selector("[data-live-state].on")
    page.wait_for_function("() => (document.querySelector('.req.current .name') || {}).textContent === 'SUMARNI HADI'")
    page.wait_for_timeout(400)  # the card's slide-in
    card = page.locator(".req.current")
    card.locator(".refuse summary").tap()
    card.locator(".refuse-panel").wait_for(state="visible")
    _save(page, "1-opened-360x640")

    who = card.locator(".refuse-who")
    assert who.inner_text() == "Tolak permintaan kunjungan SUMARNI HADI"
    refuse = card.get_by_role("button", name="Tolak dengan alasan ini")
    reason = card.get_by_role("textbox", name="Alasan penolakan")
    chips = card.locator(".chip")
    assert chips.count() >= 2
    for what, el in [("whose request", who), ("the first chip", chips.first), ("the reason box", reason),
                     ("the refusal's button", refuse)]:
        assert el.evaluate(SEEN_AND_FREE), f"{what}: not on the screen on opening 'Tolak…'"

    chips.nth(1).tap()
    assert reason.input_value() == chips.nth(1).inner_text()
    _save(page, "2-chip-tapped-360x640")
    assert refuse.evaluate(SEEN_AND_FREE), "'Tolak dengan alasan ini' is off the screen after a chip's tap"

    # the keyboard comes up (she will edit the reason): the screen is half as tall
    page.set_viewport_size(KEYBOARD_UP)
    chips.first.scroll_into_view_if_needed()
    chips.first.tap()
    assert reason.input_value() == chips.first.inner_text()
    _save(page, "3-chip-tapped-keyboard-up-360x360")
    assert refuse.evaluate(SEEN_AND_FREE), "'Tolak dengan alasan ini' is off the screen with the keyboard up"
    reason.tap()
    reason.press("End")
    page.keyboard.type(", silakan datang besok.")
    _save(page, "4-typing-keyboard-up-360x360")
    assert reason.evaluate(SEEN_AND_FREE), "the reason being typed is off the screen"
    page.set_viewport_size(SMALL_PHONE)

    # scrolled from top to bottom with the panel open, nothing outside the request is under it
    covered = {}
    for y in range(0, page.evaluate("document.documentElement.scrollHeight") + STEP, STEP):
        page.evaluate(f"scrollTo(0, {y})")
        if under := page.evaluate(OUTSIDE_COVERED):
            covered[y] = under
    assert covered == {}, f"under the open refusal panel (scrollY: lines): {covered}"
    page.locator("[data-part=reports]").evaluate("el => el.scrollIntoView({block: 'start'})")
    _save(page, "5-scrolled-to-the-reports-360x640")
    reports = page.locator("[data-part=reports]")
    for name in ("ANDI SETIAWAN", "BUDI SANTOSO"):
        assert reports.get_by_role("link", name=name).evaluate(SEEN_AND_FREE), f"{name}'s report is hidden"
    assert reports.get_by_role("button", name="Terima semua 2 laporan").evaluate(SEEN_AND_FREE)
    assert page.evaluate(SIDEWAYS) <= 0
    assert violations(page, axe_source()) == []

    # back to the request, the refusal goes; the next request is shown from the page's top
    refuse.scroll_into_view_if_needed()
    assert refuse.evaluate(SEEN_AND_FREE)
    refuse.tap()
    page.wait_for_function("() => (document.querySelector('.req.current .name') || {}).textContent === 'DEWI LESTARI'")
    deadline = time.monotonic() + 10
    while _status(app, first) == "pending" and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _status(app, first) == "denied" and _status(app, second) == "pending"
    page.wait_for_timeout(400)  # the next card's slide-in
    _save(page, "6-next-request-after-the-refusal-360x640")
    assert page.evaluate("scrollY") == 0, "the page stays scrolled after the decision"
    assert page.locator(".req.current .name").evaluate(SEEN_AND_FREE)
    assert page.locator(".req.current button[value=approve]").evaluate(SEEN_AND_FREE)
    shot(page, "h22u-phone-next-request-after-a-refusal", full_page=False)
    close_pages(page)
