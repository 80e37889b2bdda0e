"""ux16: the Admin LPSE on a 360 px phone, once the account is given. SOP 2: the Admin records the account
given, closes it when the work is done, and prints the Formulir. Coming back to the request to close the
account, the "Langkah berikutnya" card (Tutup akun) came after the request's facts, already read when the
account was given, a scroll down; once closed, the link to the month's Formulir likewise. On the phone
the next step is now the first card; the desktop keeps the facts beside it."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tests import factories

from .axe import axe_source, violations
from .test_staff_phone_stranger import PHONE, _phone
from .test_touch_targets_desktop_ux15 import closed_remote_request

CARD_TOPS = """() => {
  const step = document.getElementById('next-step');
  const facts = [...document.querySelectorAll('.detail-grid > .card')].find((c) => c !== step);
  return {step: step.getBoundingClientRect().top, facts: facts.getBoundingClientRect().top};
}"""


def _first_and_on_screen(page, control):
    tops = page.evaluate(CARD_TOPS)
    assert tops["step"] < tops["facts"], tops
    box = control.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], f"ends at {box['y'] + box['height']:.0f}"


def test_the_admin_coming_back_to_close_the_account_sees_the_next_step_first(app, live_server, browser,
                                                                             make_user, shot):
    admin_id = make_user("ani", "admin", name="Ani Admin")
    now = datetime.now(timezone.utc)
    with app.app_context():
        active = factories.remote_request("active", recorded_by_id=admin_id, username="remote_oki",
                                          decided_at=now - timedelta(hours=3), granted_at=now - timedelta(hours=2),
                                          approved_until=now + timedelta(days=1)).id
        closed = closed_remote_request(admin_id, username="remote_kartika").id
    page = _phone(browser, live_server, "ani")
    page.goto(f"{live_server}/admin/remote/{active}")
    _first_and_on_screen(page, page.get_by_role("button", name="Tutup akun"))
    shot(page, "ux16-phone-remote-active-next-step-first", full_page=False)
    assert violations(page, axe_source()) == []

    page.goto(f"{live_server}/admin/remote/{closed}")
    _first_and_on_screen(page, page.get_by_role("link", name="Formulir Pencatatan Pemberian Remote Akses", exact=False))
    shot(page, "ux16-phone-remote-closed-next-step-first", full_page=False)


def test_a_request_waiting_for_someone_else_keeps_its_facts_first(app, live_server, browser, make_user):
    """The Admin who recorded a letter cannot decide it: nothing to do, the facts come first."""
    admin_id = make_user("ani", "admin", name="Ani Admin")
    with app.app_context():
        waiting = factories.remote_request("received", recorded_by_id=admin_id).id
    page = _phone(browser, live_server, "ani")
    page.goto(f"{live_server}/admin/remote/{waiting}")
    tops = page.evaluate(CARD_TOPS)
    assert tops["facts"] < tops["step"], tops
