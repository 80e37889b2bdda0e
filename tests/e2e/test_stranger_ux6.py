"""ux6: the people at the kiosk and on the phone, as strangers.

An older visitor who steps away from the kiosk to find a paper is warned calmly, long enough to walk
back: the warning lasts 30 s (was 10), its "I'm still here" button is large, a screen reader hears it
once when it starts and once near its end (not every second), and touching the button keeps all that
was typed. axe finds nothing on each screen looked at."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from lpsedesk import settings
from lpsedesk.extensions import db
from tests import factories
from tests.kiosk.e2e_support import TABLET, enrol_page, upload_ktp

from .axe import axe_source, violations
from .test_kiosk_stranger import _type_on_pad

PHONE = {"width": 360, "height": 740}
SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def _seconds_pass(page, seconds: int) -> None:
    for _ in range(seconds):
        page.clock.run_for(1000)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_visitor_who_steps_away_is_warned_calmly_and_keeps_what_was_typed(app, live_server, browser, shot, lang):
    with app.app_context():
        settings.put(db.session, "kiosk_idle_seconds", 60)  # the office's default
        db.session.commit()
    page = enrol_page(app, browser, live_server, TABLET)
    page.clock.install()  # the page's clock is moved on by the test: 60 s of nobody touching pass in moments
    page.goto(f"{live_server}/kiosk/?lang={lang}")
    page.wait_for_selector("body[data-ready]")
    page.click("[data-action=checkin]")
    page.wait_for_selector("section[data-screen=ktp]:not([hidden])")
    upload_ktp(page)
    page.click("[data-action=to-who]")
    page.wait_for_selector("section[data-screen=who]:not([hidden])")
    page.fill("input[name=full_name]", "Sri Rahayu Lestari")
    page.fill("input[name=phone]", "081234560077")
    page.click("input[name=phone]")
    _seconds_pass(page, 61)
    page.wait_for_selector("[data-idle]:not([hidden])")
    said = page.inner_text("[data-idle-said]")
    still_here = "Saya masih di sini" if lang == "id" else "I am still here"
    assert ("30 detik" if lang == "id" else "30 seconds") in said and still_here in said, said
    assert page.get_attribute("[data-idle-said]", "aria-live") == "polite"
    assert 28 <= int(page.inner_text("[data-idle-count]")) <= 30
    button = page.locator("[data-action=idle-continue]")
    box = button.bounding_box()
    assert box["height"] >= 80 and box["width"] >= 300, box  # a big target at arm's length
    assert page.evaluate("document.activeElement.dataset.action") == "idle-continue"
    shot(page, f"ux6-kiosk-idle-{lang}", full_page=False)
    assert violations(page, axe_source()) == []
    # a screen reader hears it again near the end only: the live text does not follow each second
    _seconds_pass(page, 5)
    assert 20 <= int(page.inner_text("[data-idle-count]")) <= 25 and page.inner_text("[data-idle-said]") == said
    while int(page.inner_text("[data-idle-count]")) > 10:
        page.clock.run_for(1000)
    assert ("10 detik" if lang == "id" else "10 seconds") in page.inner_text("[data-idle-said]")
    button.click()
    assert page.is_hidden("[data-idle]")
    assert page.input_value("input[name=full_name]") == "Sri Rahayu Lestari"
    assert page.input_value("input[name=phone]") == "081234560077"
    assert page.evaluate("document.activeElement.name") == "phone"  # back in the field they were in
    assert page.inner_text("[data-idle-said]") == ""
    assert page.is_visible("section[data-screen=who]")


# Every box on the screen whose bottom edge lies under the top of the button bar (hidden under it).
UNDER_THE_BAR = """(section) => {
  const root = document.querySelector(section);
  const bar = root.querySelector('.k-actions').getBoundingClientRect();
  const out = [];
  for (const el of root.querySelectorAll('.k-two > *, .k-two > * > *')) {
    const box = el.getBoundingClientRect();
    if (!box.height || el.closest('[hidden]')) continue;
    if (box.bottom > bar.top + 0.5) out.push(`${el.className || el.tagName}: ${Math.round(box.bottom)} > ${Math.round(bar.top)}`);
  }
  return out;
}"""


@pytest.mark.parametrize("lang", ["id", "en"])
def test_nothing_on_the_ticket_screen_is_hidden_under_the_button_bar(app, live_server, browser, shot, lang):
    with app.app_context():
        factories.visit("pending", submitted_at=datetime.now(timezone.utc),
                        visitor=factories.visitor(nik="3373024107900001", phone="081234560001"))
    page = enrol_page(app, browser, live_server, TABLET)
    page.goto(f"{live_server}/kiosk/?lang={lang}")
    page.wait_for_selector("body[data-ready]")
    page.click("[data-action=find-answer]")
    _type_on_pad(page, "input[name=find_nik]", "3373024107900001")
    _type_on_pad(page, "input[name=find_last4]", "0001")
    page.click("[data-action=find-submit]")
    page.wait_for_selector("[data-screen=ticket]:not([hidden])")
    page.wait_for_timeout(300)
    shot(page, f"ux6-kiosk-ticket-{lang}", full_page=False)
    assert page.evaluate(UNDER_THE_BAR, "section[data-screen=ticket]") == []
    assert page.evaluate(SIDEWAYS) <= 0
    assert violations(page, axe_source()) == []
