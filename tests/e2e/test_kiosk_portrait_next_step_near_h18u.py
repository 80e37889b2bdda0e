"""h18u: an elderly visitor at a 1080x1920 portrait kiosk reads a short screen at eye level: "Catat
keluar sekarang?" with four lines under it. Its answers, "Batal" and "Catat keluar", stood at the foot
of the glass, some 1,600 px below the question, out of the glance that read it; so did "Lanjut" under
"Data diri Anda". The next step now stands just under what it answers (and still on the screen when a
screen is long)."""
from __future__ import annotations

from datetime import datetime, timezone

from tests import factories
from tests.kiosk.e2e_support import PORTRAIT, enrol_page, upload_ktp

from .axe import axe_source, violations

NEAR = 240  # px: within a glance of the screen's last line on a 1920 px tall screen
# Where the shown screen's content ends, and the top and bottom of its main button.
GAP = """(button) => {
  const screen = document.querySelector('section[data-screen]:not([hidden])');
  const content = Array.from(screen.querySelectorAll(':scope > *:not(.k-actions)'))
    .filter((el) => el.getClientRects().length).map((el) => el.getBoundingClientRect().bottom);
  const b = screen.querySelector(button).getBoundingClientRect();
  return {content_end: Math.max(...content), top: b.top, bottom: b.bottom}; }"""


def _near(page, button: str) -> dict:
    seen = page.evaluate(GAP, button)
    assert seen["bottom"] <= PORTRAIT["height"], f"{button} below the screen: {seen}"
    assert seen["top"] - seen["content_end"] <= NEAR, f"{button} far below what it answers: {seen}"
    return seen


def test_the_check_out_question_and_its_answer_are_read_together_on_a_portrait_kiosk(app, live_server, browser, shot):
    with app.app_context():
        code = factories.visit("approved", submitted_at=datetime.now(timezone.utc)).ticket_code
    page = enrol_page(app, browser, live_server, PORTRAIT)
    page.wait_for_selector("body[data-ready]")
    page.click("[data-action=checkout]")
    page.fill(".k-ticket-form input", code)
    page.keyboard.press("Enter")
    page.wait_for_selector("section[data-screen=checkout-confirm]:not([hidden])")
    assert page.inner_text("section[data-screen=checkout-confirm] h1") == "Catat keluar sekarang?"
    _near(page, "[data-action=confirm-checkout]")
    shot(page, "h18u-kiosk-portrait-check-out-question", full_page=False)
    assert violations(page, axe_source()) == []
    page.click("[data-action=confirm-checkout]")
    page.wait_for_selector("section[data-screen=checkout-done]:not([hidden])")


def test_lanjut_stands_under_the_visitors_details_on_a_portrait_kiosk(app, live_server, browser, shot):
    page = enrol_page(app, browser, live_server, PORTRAIT)
    page.wait_for_selector("body[data-ready]")
    page.click("[data-action=checkin]")
    page.wait_for_selector("section[data-screen=ktp]:not([hidden])")
    upload_ktp(page)
    page.click("[data-action=to-who]")
    page.wait_for_selector("section[data-screen=who]:not([hidden])")
    _near(page, "[data-action=to-from]")
    # errors said beside the fields lengthen the screen: the button moves down with them, still near
    page.click("[data-action=to-from]")
    page.wait_for_selector("section[data-screen=who] [data-error-for=phone]:not(:empty)")
    page.click(".k-osk [data-key='{hide}']") if page.is_visible(".k-osk") else None
    _near(page, "[data-action=to-from]")
    shot(page, "h18u-kiosk-portrait-who-next-step", full_page=False)
