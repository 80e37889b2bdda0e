"""Issue 13: the Kasubag clears the queue on a 360 px phone: one request at a time with the decision
buttons in a bar at the bottom, three decisions in a row without a reload, refusal reasons as chips."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from lpsedesk.extensions import db
from lpsedesk.models import Visit
from tests import factories
from tests.conftest import TEST_PASSWORD

PHONE = {"width": 360, "height": 740}


def _three_requests(app) -> list[int]:
    now = datetime.now(timezone.utc)
    with app.app_context():
        return [factories.visit("pending", submitted_at=now - timedelta(minutes=30 - 10 * i),
                                visitor=factories.visitor(full_name=name, nik=f"33730241079002{i:02d}")).id
                for i, name in enumerate(["ANI PERTAMA", "BUDI KEDUA", "CITRA KETIGA"])]


def _phone(browser, base_url):
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(f"{base_url}/admin/login")
    page.fill("input[name=username]", "bambang")
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{base_url}/admin/queue")
    return page


def _approve_button(page):
    return page.locator(".req.current button[value=approve]")


def test_the_kasubag_decides_three_requests_in_a_row_on_a_phone_without_a_reload(
        app, live_server, browser, make_user, shot):
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    ids = _three_requests(app)
    page = _phone(browser, live_server)
    page.wait_for_selector(".one-at-a-time .req.current")
    assert page.locator("[data-queue] > .req:visible").count() == 1, "one request at a time"
    assert "ANI PERTAMA" in page.inner_text(".req.current"), "oldest first by default"
    page.click("[data-order=newest]")
    assert "CITRA KETIGA" in page.inner_text(".req.current")
    page.evaluate("window.__sameDocument = true")
    page.wait_for_function("() => document.getAnimations().length === 0")
    shot(page, "kasubag-phone-queue-360", full_page=False)
    # Header, tabs and queue tools leave most of the screen to the request itself.
    assert page.locator(".req.current .name").bounding_box()["y"] < PHONE["height"] * 0.45

    # 1: approve. The button is in the bottom bar, inside the first 740 px.
    box = _approve_button(page).bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"] and box["height"] >= 44, box
    _approve_button(page).click()
    page.wait_for_selector(".req.current:has-text('BUDI KEDUA')")

    # 2: refuse with a reason chip; while refusing, "Approve" is not on screen at all.
    page.click(".req.current .refuse summary")
    assert not _approve_button(page).is_visible()
    page.click(".req.current [data-reason]:has-text('Ruang/fasilitas sedang dipakai')")
    shot(page, "kasubag-phone-refuse-360", full_page=False)
    page.click(".req.current button[value=deny]")
    page.wait_for_selector(".req.current:has-text('ANI PERTAMA')")

    # 3: approve the last one; the queue is empty afterwards.
    box = _approve_button(page).bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"]
    _approve_button(page).click()
    page.wait_for_selector("[data-queue] .empty")
    assert page.evaluate("window.__sameDocument") is True, "no reload between the decisions"
    with app.app_context():
        statuses = {v.visitor.full_name: (v.status, v.decision_reason) for v in db.session.query(Visit)
                    if v.id in ids}
    assert statuses == {"CITRA KETIGA": ("approved", None),
                        "BUDI KEDUA": ("denied", "Ruang/fasilitas sedang dipakai"),
                        "ANI PERTAMA": ("approved", None)}
    shot(page, "kasubag-phone-queue-done-360", full_page=False)


def test_a_live_update_while_a_decided_request_slides_out_leaves_one_current_request(
        app, live_server, browser, make_user):
    """CI, 5 December: the live list came in while an approved request was sliding out; both it and the
    next one were "current", and the Kasubag's next tap ("Tolak…") could land on the decided one. The
    Kasubag sees one request at a time: whatever arrives meanwhile, at most one is the current one."""
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    _three_requests(app)
    page = _phone(browser, live_server)
    page.wait_for_selector(".one-at-a-time .req.current")
    # live.js announces each swap of the server's list with "live:swapped"; here one arrives at the very
    # moment the decided card starts to leave, and every change of a card's classes is counted.
    page.evaluate("""() => {
      window.__mostCurrent = 0;
      const live = document.getElementById("live");
      new MutationObserver((changes) => {
        if (changes.some((c) => c.target.classList.contains("leaving") && !window.__swapped)) {
          window.__swapped = true;
          live.dispatchEvent(new CustomEvent("live:swapped"));
        }
        window.__mostCurrent = Math.max(window.__mostCurrent, live.querySelectorAll(".req.current").length);
      }).observe(live, { subtree: true, attributes: true, attributeFilter: ["class"] });
    }""")
    assert "ANI PERTAMA" in page.inner_text(".req.current")
    _approve_button(page).click()
    page.wait_for_function("() => window.__swapped === true")
    page.wait_for_selector(".req.current:has-text('BUDI KEDUA')")
    page.wait_for_function("() => !document.querySelector('.req.leaving')")
    assert page.evaluate("window.__mostCurrent") == 1
    assert page.locator(".req.current").count() == 1
    page.locator(".req.current .refuse summary").click()   # one "Tolak…" to tap, the next request's
    assert "BUDI KEDUA" in page.inner_text(".req.current")
