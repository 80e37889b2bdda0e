"""ux14: what a stranger walking both SOPs tripped over on the staff screens.

- On the Kasubag's 360 px phone the facts she decides on (how long it waited, the KTP check, the fact
  labels, the request's kind, the hints under the remote-access decision, the history's times) were
  14-14.7 px; they are 16 px now. Only the page's chrome (live state, counts, order and step buttons)
  stays smaller, so the request still shows above the decision bar.
- The helpdesk board's last step of a visit read "Laporkan" on a grey button: as if to report a
  problem. It is "Laporkan kepada Kasubag", as on the visit's page, in the look of the next step.
- The header's log-out read "Keluar", the word the whole board uses for a visitor leaving ("Catat
  keluar", "sudah keluar"): it reads "Keluar akun"."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from lpsedesk.extensions import db
from lpsedesk.models import Visit
from tests import factories

from .axe import axe_source, violations
from .settle import settled
from .test_staff_flow import kiosk_submission, staff_page
from .test_staff_phone_stranger import PHONE, _phone

TINY = """(scope) => {
  const out = [];
  for (const root of document.querySelectorAll(scope)) {
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let n;
    while ((n = walk.nextNode())) {
      const el = n.parentElement, text = n.textContent.trim();
      if (!text || !el || !el.offsetParent || el.closest('.queue-tools, .livebar, .count')) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 16) out.push(`${size}px ${text.slice(0, 40)}`);
    }
  }
  return out;
}"""


def test_what_the_kasubag_reads_on_her_phone_is_at_least_16_px(app, live_server, browser, make_user, shot):
    admin_id = make_user("ani", "admin", name="Ani Admin")
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    now = datetime.now(timezone.utc)
    with app.app_context():
        factories.visit("pending", submitted_at=now - timedelta(minutes=7))
        letter_id = factories.remote_request("received", recorded_by_id=admin_id, requester_name="Andi Pratama",
                                             period_start=now, period_end=now + timedelta(days=2)).id
    page = _phone(browser, live_server, "bambang")
    page.goto(f"{live_server}/admin/queue")
    page.wait_for_selector(".req.current")
    settled(page)
    assert page.evaluate(TINY, "main") == []
    shot(page, "ux14-phone-queue-16px", full_page=False)
    page.goto(f"{live_server}/admin/remote/{letter_id}")
    assert page.evaluate(TINY, "main") == []
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    shot(page, "ux14-phone-remote-decision-16px", full_page=True)
    assert violations(page, axe_source()) == []


def test_the_board_says_report_to_the_kasubag_and_log_out_is_not_the_visitors_keluar(
        app, live_server, browser, make_user, shot):
    make_user("budi", "helpdesk", name="Budi Helpdesk")
    now = datetime.now(timezone.utc)
    with app.app_context():
        factories.visit("checked_out", submitted_at=now - timedelta(hours=2), decided_at=now - timedelta(hours=2),
                        checked_out_at=now - timedelta(minutes=5), ktp_checked_at=now - timedelta(hours=1),
                        signature_key="synthetic-signature",
                        visitor=factories.visitor(full_name="NINGSIH SELESAI"))
    errors: list[str] = []
    page = staff_page(browser, live_server, "budi", {"width": 1280, "height": 800}, errors)
    page.goto(f"{live_server}/admin/board")
    tile = page.locator("article.tile:has-text('NINGSIH SELESAI')").filter(has=page.locator("form"))
    report = tile.get_by_role("button", name="Laporkan kepada Kasubag", exact=True)
    assert report.is_visible()
    assert "secondary" not in report.get_attribute("class"), "the next step looks like one"
    logout = page.locator("header form[action$='/logout'] button, .user form button").first
    assert logout.inner_text().strip() == "Keluar akun"
    shot(page, "ux14-board-report-to-kasubag", full_page=False)
    with page.expect_navigation():
        report.click()
    with app.app_context():
        assert db.session.query(Visit).one().status == "reported"
    assert errors == []


NOTIFY_SPY = """() => {
  localStorage.setItem("lpsedesk.alerts", "on");
  window.__said = [];
  class Spy { constructor(title, options) { window.__said.push([title, (options || {}).body || ""]); } }
  Spy.permission = "granted";
  Spy.requestPermission = () => Promise.resolve("granted");
  window.Notification = Spy;
  HTMLMediaElement.prototype.play = () => Promise.resolve();
}"""


def test_a_new_visit_request_is_announced_by_its_kind_and_name_on_the_board_and_the_queue(
        app, live_server, browser, make_user):
    """The phone notification said "Permohonan baru di LPSE" for a visit too, and on the helpdesk board
    its body was empty (the pending visit's key named no tile there)."""
    make_user("budi", "helpdesk", name="Budi Helpdesk")
    make_user("bambang", "kasubag", name="Bambang Kasubag")
    errors: list[str] = []
    pages = {}
    for user, path in (("budi", "/admin/board"), ("bambang", "/admin/queue")):
        page = staff_page(browser, live_server, user, {"width": 1280, "height": 800}, errors)
        page.add_init_script(f"({NOTIFY_SPY})()")
        page.goto(f"{live_server}{path}")
        page.wait_for_selector("[data-live-state].on")
        pages[user] = page
    kiosk_submission(app, "WARSITO BARU")
    for page in pages.values():
        page.wait_for_function("() => window.__said.length > 0", timeout=20000)
        assert page.evaluate("window.__said") == [["Permintaan kunjungan baru di Meja LPSE", "WARSITO BARU · Meja verifikasi"]]
    assert errors == []
