"""h21u: the Kasubag's half-typed refusal reason survives a reload of the queue, and a session that ended
and came back through the login page ("Sesi Anda berakhir, silakan masuk lagi"); once the refusal is
sent it is forgotten."""
from __future__ import annotations

import time
from datetime import datetime, timezone

from lpsedesk.extensions import db
from lpsedesk.models import Visit, utcnow
from lpsedesk.models.sessions import StaffSession
from tests import factories
from tests.conftest import TEST_PASSWORD

from .axe import axe_source, violations
from .test_staff_flow import close_pages
from .test_staff_phone_stranger import _phone

SMALL_PHONE = {"width": 360, "height": 640}
HALF = "Ruang rapat dipakai sampai pukul 15.00, silakan"
KEPT = "() => Object.keys(sessionStorage).filter((k) => k.startsWith('lpsedesk.refusal-reason.'))"


def status_of(app, visit_id: int) -> str:
    with app.app_context():
        return db.session.get(Visit, visit_id).status


def status_once_decided(app, visit_id: int) -> str:
    """The visit's status once it is no longer pending (a decision sent by the page), or after 10 s."""
    deadline = time.monotonic() + 10
    while status_of(app, visit_id) == "pending" and time.monotonic() < deadline:
        time.sleep(0.1)
    return status_of(app, visit_id)


def kasubag_on_a_phone_with_one_waiting(app, live_server, browser, make_user):
    """Siti, the Kasubag, logged in on a 360 x 640 phone; SUMARNI HADI's request waits, its KTP checked
    (shared with h40p's decision after the session ended)."""
    make_user("siti", "kasubag", name="Siti Kasubag")
    with app.app_context():
        now = datetime.now(timezone.utc)
        visit_id = factories.visit("pending", submitted_at=now, ktp_checked_at=now,
                                   visitor=factories.visitor(full_name="SUMARNI HADI")).id
    page = _phone(browser, live_server, "siti")
    page.set_viewport_size(SMALL_PHONE)
    return page, visit_id


def end_every_staff_session(app) -> None:
    """The login sessions end (a logout on another device, idle, or their longest limit)."""
    with app.app_context():
        for row in db.session.query(StaffSession):
            row.ended_at = utcnow()
        db.session.commit()


def test_a_half_typed_reason_survives_a_reload_and_an_ended_session_and_goes_once_sent(
        app, live_server, browser, make_user, shot):
    page, visit_id = kasubag_on_a_phone_with_one_waiting(app, live_server, browser, make_user)
    page.goto(f"{live_server}/admin/queue")
    card = page.locator(".req.current")
    card.locator(".refuse summary").click()
    card.locator("textarea[name=reason]").type(HALF)

    page.reload()
    box = page.locator(".req.current textarea[name=reason]")
    box.wait_for(state="visible")  # the panel is open again
    assert box.input_value() == HALF

    end_every_staff_session(app)
    page.reload()
    page.wait_for_url("**/admin/login?**")
    assert page.get_by_role("status").inner_text() == "Sesi Anda berakhir, silakan masuk lagi."
    page.screenshot(path="/tmp/h21u/8-login-session-ended-360x640.png")
    assert violations(page, axe_source()) == []
    page.fill("input[name=username]", "siti")
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/queue")
    box = page.locator(".req.current textarea[name=reason]")
    box.wait_for(state="visible")
    assert box.input_value() == HALF
    page.screenshot(path="/tmp/h21u/9-reason-kept-after-login-360x640.png")

    box.type(" besok.")
    page.locator(".req.current button[value=deny]").click()
    assert status_once_decided(app, visit_id) == "denied"
    with app.app_context():
        assert db.session.get(Visit, visit_id).decision_reason == HALF + " besok."
    page.wait_for_function(f"() => ({KEPT})().length === 0")
    page.reload()
    assert page.evaluate(KEPT) == []
    close_pages(page)
