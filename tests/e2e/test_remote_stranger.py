"""SOP 2 as a newcomer meets it. The Kasubag on a 360 px phone refuses a remote-access request without
writing a reason, then approves one whose letter asked for an end already past; the Admin at the
desk closes an account at a time still to come. Each time the same form comes back with the problem
in Bahasa Indonesia beside the field to change, scrolled into view with the cursor in it, what was
typed kept, and no sideways scroll; once fixed, the step is confirmed on the page."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest
from tests import factories
from tests.admin.test_remote_support import local

from .axe import axe_source, violations
from .test_staff_flow import staff_page

PHONE = {"width": 360, "height": 740}
DESK = {"width": 1366, "height": 768}
SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
# The message beside the field the cursor is in: shown, inside the screen, and its text.
FOCUSED_PROBLEM = """() => {
  const label = document.activeElement && document.activeElement.closest('label');
  // a day and a time typed apart (ux4): a problem of the whole moment is said in their fieldset
  const set = document.activeElement && document.activeElement.closest('fieldset');
  const error = (label && label.querySelector('.error')) || (set && set.querySelector('.error'));
  if (!error) return null;
  const box = error.getBoundingClientRect();
  return {name: document.activeElement.name, text: error.textContent.trim(),
          on_screen: box.top >= 0 && box.bottom <= innerHeight};
}"""


def _status(app, request_id: int) -> str:
    with app.app_context():
        return db.session.get(RemoteAccessRequest, request_id).status


def test_the_kasubag_on_a_phone_is_told_beside_the_box_what_a_decision_still_needs(
        app, live_server, browser, make_user, shot):
    admin = make_user("sinta", "admin", name="Sinta Admin")
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    past = datetime.now(timezone.utc) - timedelta(days=3)
    with app.app_context():
        # The letter asked for two days that ended yesterday: the proposed end is in the past.
        rid = factories.remote_request(recorded_by_id=admin, period_start=past, period_end=past + timedelta(days=2)).id
    page = staff_page(browser, live_server, "bambang", PHONE, [])
    page.goto(f"{live_server}/admin/remote/{rid}")

    page.click("button[value=deny]")
    page.wait_for_load_state()
    problem = page.evaluate(FOCUSED_PROBLEM)
    assert problem == {"name": "reason", "text": "Alasan wajib diisi.", "on_screen": True}, problem
    assert page.is_visible("button[value=approve]") and page.evaluate(SIDEWAYS) <= 0
    shot(page, "ux2-remote-refuse-without-reason-phone", full_page=False)
    assert violations(page, axe_source()) == []

    page.click("button[value=approve]")
    page.wait_for_load_state()
    problem = page.evaluate(FOCUSED_PROBLEM)
    assert problem and problem["name"] == "approved_until" and problem["on_screen"], problem
    assert "lebih lambat" in problem["text"], "the message says how to fix it"
    shot(page, "ux2-remote-approve-past-phone", full_page=False)
    assert _status(app, rid) == "received"

    day, clock = local(datetime.now(timezone.utc) + timedelta(days=1)).split("T")
    page.fill("#approved_until", "-".join(reversed(day.split("-"))))  # dd-mm-yyyy, as a number pad has it
    page.fill("#approved_until-clock", clock.replace(":", ""))  # 1430: digits alone
    page.click("button[value=approve]")
    page.wait_for_load_state()
    assert "Disetujui: Teknisi Uji." in page.inner_text("main") and _status(app, rid) == "approved"


def _close_and_confirm(page):
    """Closing cannot be undone (SOP 2: the third party would need a new letter), so "Tutup akun" asks
    once more, naming the account, with "Batal" focused; "Ya, tutup" sends the form."""
    page.click("button:has-text('Tutup akun')")
    question = page.locator(".confirm-out")
    assert "Tutup akun remote_007 sekarang?" in question.inner_text()
    assert page.evaluate("document.activeElement.textContent") == "Batal"
    with page.expect_navigation():
        page.click(".confirm-out button:has-text('Ya, tutup')")
    page.wait_for_load_state()


def test_the_admin_closing_an_account_at_a_time_to_come_is_told_to_enter_when_it_happened(
        app, live_server, browser, make_user, shot):
    admin = make_user("sinta", "admin", name="Sinta Admin")
    now = datetime.now(timezone.utc)
    with app.app_context():
        rid = factories.remote_request("active", recorded_by_id=admin, username="remote_007",
                                       granted_at=now - timedelta(hours=3), approved_until=now + timedelta(days=1)).id
    page = staff_page(browser, live_server, "sinta", DESK, [])
    page.goto(f"{live_server}/admin/remote/{rid}")
    day, clock = local(now + timedelta(days=2)).split("T")
    page.fill("#closed_at", "/".join(reversed(day.split("-"))))
    page.fill("#closed_at-clock", clock)
    page.fill("textarea[name=note]", "pekerjaan selesai")
    _close_and_confirm(page)
    problem = page.evaluate(FOCUSED_PROBLEM)
    assert problem and problem["name"] == "closed_at" and "sekarang atau sebelumnya" in problem["text"], problem
    assert page.input_value("textarea[name=note]") == "pekerjaan selesai"
    shot(page, "ux2-remote-close-future-desk", full_page=False)
    assert _status(app, rid) == "active"

    day, clock = local(now).split("T")
    page.fill("#closed_at", "/".join(reversed(day.split("-"))))
    page.fill("#closed_at-clock", clock)
    page.click("button:has-text('Tutup akun')")
    question = page.locator(".confirm-out")
    shot(page, "ux14-remote-close-asked-desk", full_page=False)
    page.click(".confirm-out button:has-text('Batal')")  # the safe answer: nothing closed, the button back
    assert question.count() == 0 and page.is_visible("button:has-text('Tutup akun')")
    assert _status(app, rid) == "active"
    _close_and_confirm(page)
    assert "Akun remote_007 telah ditutup" in page.inner_text("main") and _status(app, rid) == "closed"


def test_tabs_and_filters_on_a_phone_are_a_thumb_high(app, live_server, browser, make_user):
    """The register's status filters and the settings tabs are tapped like buttons: 44 px at least."""
    make_user("sinta", "admin", name="Sinta Admin")
    page = staff_page(browser, live_server, "sinta", PHONE, [])
    for path, tabs in (("/admin/remote/", "nav.filters a"), ("/admin/settings/", "nav.settings-nav a")):
        page.goto(f"{live_server}{path}")
        heights = page.eval_on_selector_all(tabs, "els => els.map(e => e.getBoundingClientRect().height)")
        assert heights and min(heights) >= 44, (path, heights)
        assert page.evaluate(SIDEWAYS) <= 0
