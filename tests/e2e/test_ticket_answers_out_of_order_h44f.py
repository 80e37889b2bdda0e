"""h44f: the waiting ticket reads the visit again when its live stream opens and on each change. On a
busy kiosk PC (or behind a slow server) two reads can come back out of order: the older one, still
"pending", was drawn over the Kasubag's answer after the stream had closed, and the visitor went on
waiting for an answer already given. The answer stays on the screen whatever order the reads come in."""
from __future__ import annotations

from tests.kiosk.e2e_support import TABLET, enrol_page, staff_decides

from .test_kiosk_alone import _today_visit

NIK, PHONE = "3373024107900001", "081234560001"

# Counts the answers the page has read; the count moves on in a task queued when an answer's body is
# read, so after the page's own handling of it (a chain of promises, done before any task runs).
COUNT_READS = """() => {
  window.readsDone = 0;
  const plain = window.fetch;
  window.fetch = (...args) => plain(...args).then((r) => {
    const json = r.json.bind(r);
    r.json = () => json().finally(() => setTimeout(() => { window.readsDone += 1; }));
    return r;
  });
}"""


def test_an_older_pending_read_answered_last_does_not_undo_the_answer(app, live_server, browser, login, make_user):
    visit_id, _ticket = _today_visit(app, "pending", full_name="SITI RAHAYU", nik=NIK, phone=PHONE)
    page = enrol_page(app, browser, live_server, TABLET)
    page.evaluate(COUNT_READS)
    held = []

    def hold_the_first_read(route):
        # the read the open stream asks for: answered by the server now ("pending"), handed to the
        # page only later
        if route.request.method == "GET" and not held:
            held.append((route, route.fetch()))
        else:
            route.continue_()

    page.route("**/api/v1/visits/*", hold_the_first_read)
    page.click("[data-action=find-answer]")
    page.fill("input[name=find_nik]", NIK)
    page.fill("input[name=find_last4]", PHONE[-4:])
    page.click("[data-action=find-submit]")
    page.wait_for_selector("[data-screen=ticket]:not([hidden]) [data-status][data-state=pending]")
    for _ in range(400):  # the stream opens, then reads (the route runs while the page is asked)
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the ticket screen never read the visit when its stream opened"

    assert staff_decides(app, login, make_user, visit_id, "approve") == 302
    page.wait_for_selector("[data-status][data-state=approved]", timeout=20000)
    route, pending_answer = held[0]
    assert pending_answer.json()["status"] == "pending"
    done = page.evaluate("window.readsDone")
    route.fulfill(response=pending_answer)
    page.wait_for_function("(n) => window.readsDone > n", arg=done)
    assert page.get_attribute("[data-status]", "data-state") == "approved"
    assert not page.errors, page.errors
