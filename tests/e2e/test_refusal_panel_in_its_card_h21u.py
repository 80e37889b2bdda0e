"""h21u: on the Kasubag's 360x640 phone, "Tolak…" opens the refusal panel inside its request card, in
the page: not as an overlay fixed over the screen that covered the helpdesk's reports below and the
other requests. "Batal" closes it again."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tests import factories

from .axe import axe_source, violations
from .test_staff_flow import close_pages
from .test_staff_phone_stranger import SIDEWAYS, _phone

SMALL_PHONE = {"width": 360, "height": 640}
STEP = 40

# What lies outside the current request: the helpdesk's reports, the decided lines, the other requests'
# lines. For each one on the screen, [its first line, whether something else is drawn over its middle].
OUTSIDE_COVERED = """() => Array.from(document.querySelectorAll(
    '[data-part=reports] h2, [data-part=reports] .line, [data-part=reports] .button, [data-part=decided] .line, '
    + '[data-queue] > .req:not(.current) .name'))
  .map((el) => [el, el.getBoundingClientRect()])
  .filter(([, r]) => r.height > 0 && r.top >= 0 && r.bottom <= innerHeight)
  .filter(([el, r]) => { const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                          return top && !el.contains(top) && !top.contains(el); })
  .map(([el]) => el.innerText.trim().split('\\n')[0])"""


def _two_requests_and_two_reports(app) -> None:
    now = datetime.now(timezone.utc)
    with app.app_context():
        for i, name in enumerate(["SUMARNI HADI", "DEWI LESTARI"]):
            factories.visit("pending", submitted_at=now - timedelta(minutes=5 - i), ktp_checked_at=now,
                            visitor=factories.visitor(full_name=name, nik=f"33730241079001{i:02d}"))
        for i, name in enumerate(["ANDI SETIAWAN", "BUDI SANTOSO"]):
            factories.visit("reported", visitor=factories.visitor(full_name=name, nik=f"33730241079003{i:02d}"),
                            submitted_at=now - timedelta(hours=2), decided_at=now - timedelta(hours=2),
                            checked_out_at=now - timedelta(minutes=30), reported_at=now - timedelta(minutes=10))


def test_the_refusal_panel_opens_inside_its_request_and_covers_nothing_else(
        app, live_server, browser, make_user, shot):
    make_user("siti", "kasubag", name="Siti Kasubag")
    _two_requests_and_two_reports(app)
    page = _phone(browser, live_server, "siti")
    page.set_viewport_size(SMALL_PHONE)
    page.goto(f"{live_server}/admin/queue")
    page.wait_for_selector(".req.current button[value=approve]")
    page.wait_for_timeout(400)  # the card's slide-in
    card = page.locator(".req.current")
    card.locator(".refuse summary").click()
    panel = card.locator(".refuse-panel")
    panel.wait_for(state="visible")

    # whose request it refuses is on the screen once opened
    who = card.locator(".refuse-who").bounding_box()
    assert who["y"] >= 0 and who["y"] + who["height"] <= SMALL_PHONE["height"]
    page.wait_for_timeout(300)
    page.screenshot(path="/tmp/h21u/1-refusal-panel-open-360x640.png")
    # inside its request card, in the page's flow
    inner, outer = panel.bounding_box(), card.bounding_box()
    assert outer["y"] <= inner["y"] and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + 1
    assert page.evaluate("getComputedStyle(document.querySelector('.req.current > .decide')).position") != "fixed"
    # scrolled from top to bottom, nothing outside the request is ever drawn under the panel
    covered = {}
    for y in range(0, page.evaluate("document.documentElement.scrollHeight") + STEP, STEP):
        page.evaluate(f"scrollTo(0, {y})")
        if under := page.evaluate(OUTSIDE_COVERED):
            covered[y] = under
    assert covered == {}, f"covered while the refusal panel is open (scrollY: lines): {covered}"
    page.evaluate("scrollTo(0, document.documentElement.scrollHeight)")
    reports = page.locator("[data-part=reports]")
    assert reports.get_by_text("ANDI SETIAWAN").is_visible() and reports.get_by_text("BUDI SANTOSO").is_visible()
    page.screenshot(path="/tmp/h21u/1-refusal-panel-open-reports-below-360x640.png")
    assert page.evaluate(SIDEWAYS) <= 0
    assert violations(page, axe_source()) == []

    # Batal closes it
    panel.scroll_into_view_if_needed()
    card.get_by_role("button", name="Batal").click()
    panel.wait_for(state="hidden")
    assert card.locator("details.refuse").evaluate("d => d.open") is False
    shot(page, "h21u-refusal-panel-closed-360x640", full_page=False)
    close_pages(page)
