"""ux15: the Kasubag on a 360x740 phone decides a visit request and a remote-access request that
arrived together, and refuses one. With "Tolak…" open the panel covers the request: it did not say
whose request it refuses, and two requests stood in the queue. It names the visitor now, on the screen
above the reasons; the refusal goes to that visit, and the remote-access request stays to decide,
its name taking the focus the decided request took with it (it fell back to the page's start)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest, Visit
from tests import factories

from .axe import axe_source, violations
from .test_staff_phone_stranger import _phone

SLOW_ANSWER_MS = 6000  # h44f: longer than the 5 s in which the focus may come back


def _visit_and_letter_queued(app, browser, live_server, make_user, route=None):
    """SUMARNI HADI's visit request and Andi Pratama's letter waiting; the Kasubag's phone on the queue,
    the visit request on the screen. Returns the page, its current card, the visit's and letter's ids."""
    admin_id = make_user("ani", "admin", name="Ani Admin")
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    now = datetime.now(timezone.utc)
    with app.app_context():
        visit_id = factories.visit("pending", submitted_at=now - timedelta(minutes=2),
                                   visitor=factories.visitor(full_name="SUMARNI HADI")).id
        remote_id = factories.remote_request("received", recorded_by_id=admin_id, requester_name="Andi Pratama",
                                             period_start=now, period_end=now + timedelta(days=2)).id
    page = _phone(browser, live_server, "bambang")
    if route:
        page.route(*route)
    page.goto(f"{live_server}/admin/queue")
    card = page.locator(".req.current:has-text('SUMARNI HADI')")
    if not card.count():
        page.get_by_role("button", name="Berikutnya dalam antrean").click()
    card = page.locator(".req.current")
    assert "SUMARNI HADI" in card.inner_text()
    return page, card, visit_id, remote_id


def _the_letter_is_next_with_the_focus(app, page, visit_id: int, remote_id: int) -> None:
    page.wait_for_function("() => !document.querySelector('.req.current') || "
                           "document.querySelector('.req.current').innerText.includes('Andi Pratama')")
    assert "Andi Pratama" in page.inner_text(".req.current"), "the remote-access request is the next to decide"
    # the refused request took the focus with it: the next request's name has it
    page.wait_for_function("() => document.activeElement.closest('.req.current') !== null")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Andi Pratama"
    with app.app_context():
        assert db.session.get(Visit, visit_id).status == "denied"
        assert db.session.get(RemoteAccessRequest, remote_id).status == "received"


def test_the_open_refusal_names_whose_visit_request_it_refuses(app, live_server, browser, make_user, shot):
    page, card, visit_id, remote_id = _visit_and_letter_queued(app, browser, live_server, make_user)
    card.locator(".refuse summary").click()
    who = card.locator(".refuse-who")
    assert who.inner_text() == "Tolak permintaan kunjungan SUMARNI HADI"
    box = who.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 740, "named on the screen, above the reasons"
    shot(page, "ux15-phone-refuse-names-the-visitor", full_page=False)
    assert violations(page, axe_source()) == []
    card.locator(".chip").first.click()
    card.locator("button[value=deny]").click()
    _the_letter_is_next_with_the_focus(app, page, visit_id, remote_id)


def test_a_refusal_answered_slowly_still_hands_the_focus_to_the_next_request(app, live_server, browser, make_user):
    """h44f: the seconds in which the focus may come back were counted from the tap, so a phone whose
    answer took longer (a weak signal, a busy server) left the focus at the page's start."""
    held = []
    page, card, visit_id, remote_id = _visit_and_letter_queued(
        app, browser, live_server, make_user, route=("**/admin/visits/*/decision", lambda route: held.append(route)))
    card.locator(".refuse summary").click()
    card.locator(".chip").first.click()
    card.locator("button[value=deny]").click()
    for _ in range(200):  # the route runs while the page is asked something
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the refusal was never sent"
    page.wait_for_timeout(SLOW_ANSWER_MS)  # the slow network itself: the time is what is tested
    held[0].continue_()
    _the_letter_is_next_with_the_focus(app, page, visit_id, remote_id)
