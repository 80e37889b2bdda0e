"""ux15: many staff work on touch laptops, so on the desktop every staff control is a finger's size too.

ux14 found the back links, "Cetak catatan" and "PDF" 22 px tall at 1280x800 (44 px on the phone); the
names in the tables, the report's PDF / XLSX / CSV, the statistics' "Tabel" and the header's "Meja
LPSE" were as small. Every link, button, field and summary of these screens is at least 44 px tall and
wide now, while a table row stays as tall as before (the name on the line of the row's other cells)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tests import factories

from .axe import axe_source, violations
from .test_staff_flow import staff_page

DESKTOP = {"width": 1280, "height": 800}

SMALL_TARGETS = """() => {
  const out = [];
  for (const el of document.querySelectorAll('body a, body button, body summary, body select, body input, body textarea')) {
    if (el.matches('input[type=hidden], input[type=radio], input[type=checkbox]')) continue;
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden') continue;
    if (r.height < 44 || r.width < 44) out.push(`${Math.round(r.width)}x${Math.round(r.height)} ${(el.innerText || el.name || '').trim().slice(0, 40)}`);
  }
  return out;
}"""


def closed_remote_request(admin_id: int, **fields):
    """A remote-access request whose account was given two hours ago and closed one hour ago."""
    now = datetime.now(timezone.utc)
    return factories.remote_request("closed", recorded_by_id=admin_id, period_start=now - timedelta(hours=3),
                                    period_end=now + timedelta(days=1), decided_at=now - timedelta(hours=2),
                                    granted_at=now - timedelta(hours=2), closed_at=now - timedelta(hours=1), **fields)


def test_every_staff_control_on_the_desktop_is_a_fingers_size(app, live_server, browser, make_user, shot):
    admin_id = make_user("ani", "admin", name="Ani Admin")
    now = datetime.now(timezone.utc)
    with app.app_context():
        closed = closed_remote_request(admin_id, requester_name="Andi Pratama").id
        visit = factories.visit("checked_out", submitted_at=now - timedelta(hours=3),
                                decided_at=now - timedelta(hours=3), checked_out_at=now - timedelta(hours=1),
                                visitor=factories.visitor(full_name="SITI TAMU")).id
    errors: list[str] = []
    page = staff_page(browser, live_server, "ani", DESKTOP, errors)
    for path in (f"/admin/remote/{closed}", "/admin/remote/", f"/admin/visits/{visit}", "/admin/visits",
                 "/admin/reports/guestbook", "/admin/reports/statistics", "/admin/board", "/admin/settings/users"):
        page.goto(live_server + path)
        assert page.evaluate(SMALL_TARGETS) == [], path
    page.goto(f"{live_server}/admin/remote/{closed}")
    assert page.get_by_role("link", name="Cetak catatan").bounding_box()["height"] >= 44
    shot(page, "ux15-desktop-remote-record-links", full_page=False)
    assert violations(page, axe_source()) == []
    # The row keeps its height: the taller name link borrows the row's padding, not new room.
    page.goto(f"{live_server}/admin/visits")
    row = page.locator("tbody tr:has-text('SITI TAMU')")
    name, date = row.locator("a").first.bounding_box(), row.locator("td").first.bounding_box()
    assert row.bounding_box()["height"] < 70
    assert abs((name["y"] + name["height"] / 2) - (date["y"] + 10 + 12)) < 6, "the name sits on the row's first line"
    assert errors == []
