"""h40p: on a phone the Kasubag writes a refusal's reason, the login session ends meanwhile, and "Tolak"
is tapped. The login page says plainly that the decision was not sent; after the login the queue shows
that request first, the reason still in its box (kept in this tab only), and
one tap refuses it. From the visit's own page, the login comes back to that page."""
from __future__ import annotations

from lpsedesk.extensions import db
from lpsedesk.models import Visit
from tests.conftest import TEST_PASSWORD

from .axe import axe_source, violations
from .settle import settled
from .test_refusal_reason_kept_h21u import (
    end_every_staff_session, kasubag_on_a_phone_with_one_waiting, status_of, status_once_decided,
)
from .test_staff_flow import close_pages

REASON = "Ruang rapat dipakai sampai pukul 15.00, silakan datang besok."

# The queue's live stream notices an ended login within 2 s and shows the login page itself
# (tests/admin/test_live_stream_ends_with_the_login.py), as does the list's refresh when its fetch is sent
# to the login. Here the tap must come first, as on a phone whose screen slept and cut the stream: the
# open streams are closed and the page's live requests refused until the login page shows (a slow CI
# machine took more than 2 s between the session ending and the tap; once a stream reconnecting after
# the close opened the login first).
STREAMS_KEPT = """(() => {
  const Real = window.EventSource;
  window.__streams = [];
  window.EventSource = function (url, options) {
    const source = new Real(url, options);
    window.__streams.push(source);
    return source;
  };
  window.EventSource.prototype = Real.prototype;
  window.EventSource.CLOSED = Real.CLOSED;
})()"""


def screen_asleep(page) -> None:
    """The queue's live updates cut: no stream, no refresh of the list, until `page.unroute_all()`."""
    live = page.locator("#live")
    for address in (live.get_attribute("data-events"), live.get_attribute("data-live-src")):
        page.route(f"**{address}*", lambda route: route.abort())
    page.evaluate("window.__streams.forEach((source) => source.close())")


def test_a_refusal_tapped_after_the_session_ended_is_said_unsent_and_finished_with_one_tap_after_login(
        app, live_server, browser, make_user):
    page, visit_id = kasubag_on_a_phone_with_one_waiting(app, live_server, browser, make_user)
    page.add_init_script(STREAMS_KEPT)
    page.goto(f"{live_server}/admin/queue")
    card = page.locator(".req.current")
    card.locator(".refuse summary").click()
    card.locator("textarea[name=reason]").fill(REASON)
    card.locator("textarea[name=reason]").dispatch_event("input")

    assert page.evaluate("window.__streams.length") >= 1, "the queue opened no live stream to cut"
    screen_asleep(page)
    end_every_staff_session(app)  # while the Kasubag is deciding (idle, or ended elsewhere)
    card.locator("button[value=deny]").click()
    page.wait_for_url("**/admin/login?**")
    page.unroute_all()  # awake: the queue after the login is live again
    said = page.locator("[data-unsent]")
    assert said.inner_text().startswith("Keputusan Anda belum terkirim: sesi Anda sudah berakhir.")
    assert said.get_attribute("role") == "alert"
    page.screenshot(path="/tmp/h40p/1-login-decision-not-sent-360x640.png")
    assert violations(page, axe_source()) == []
    assert status_of(app, visit_id) == "pending"

    page.fill("input[name=username]", "siti")
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"**/admin/queue?unsent=visit-{visit_id}")
    assert status_of(app, visit_id) == "pending", "the login alone decides nothing"
    card = page.locator(".req.current")
    card.locator("[data-unsent]").wait_for(state="visible")
    assert card.get_attribute("data-key") == f"visit-{visit_id}", "the queue came back on another request"
    box = card.locator("textarea[name=reason]")
    assert box.input_value() == REASON  # the refusal's panel is open again, the reason in it
    settled(page)
    page.screenshot(path="/tmp/h40p/2-queue-again-reason-kept-360x640.png")
    card.get_by_role("button", name="Tolak dengan alasan ini", exact=True).click()  # the one tap
    assert status_once_decided(app, visit_id) == "denied"
    with app.app_context():
        assert db.session.get(Visit, visit_id).decision_reason == REASON
    close_pages(page)


def test_an_approval_tapped_on_the_visit_page_comes_back_to_it(app, live_server, browser, make_user):
    page, visit_id = kasubag_on_a_phone_with_one_waiting(app, live_server, browser, make_user)
    page.goto(f"{live_server}/admin/visits/{visit_id}")
    page.context.clear_cookies(name="session")  # idle: the browser dropped the expired session
    page.locator("#next-step button[value=approve]").click()
    page.wait_for_url("**/admin/login?**")
    assert page.locator("[data-unsent]").is_visible()
    page.fill("input[name=username]", "siti")
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"**/admin/visits/{visit_id}?unsent=1#next-step")
    approve = page.locator("#next-step button[value=approve]")
    approve.wait_for(state="visible")
    assert page.locator("#next-step [data-unsent]").is_visible() and status_of(app, visit_id) == "pending"
    settled(page)
    page.screenshot(path="/tmp/h40p/3-visit-page-again-360x640.png")
    approve.click()
    page.wait_for_url(f"**/admin/visits/{visit_id}#next-step")
    assert status_of(app, visit_id) == "approved"
    close_pages(page)
