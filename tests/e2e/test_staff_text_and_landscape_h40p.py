"""h40p, measured in the browser rather than by eye:
- staff text reads at 16 px at least on a phone and at the desk ("Langsung", "Aktifkan suara dan
  notifikasi", the queue's pills, the facts' labels, badges, hints and counts read at 14-15 px); the
  printed documents' own tables (reports) are paper and keep their sizes;
- a phone turned sideways (640x360): the top bar and the staff menu took two rows (106 px) and, with the
  live controls and the queue's tools, 261 px before the first request began, its Approve at 593 px; they
  now share one row, the request starts in the first half of the screen, its name and facts in view, and
  its decision stands beside it, in sight."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tests import factories

from .settle import settled
from .test_staff_flow import close_pages
from .test_staff_phone_stranger import _phone

pytestmark = pytest.mark.layout  # where things stand on the screen: the same on either database

PHONE, DESK, SIDEWAYS = {"width": 360, "height": 640}, {"width": 1366, "height": 768}, {"width": 640, "height": 360}

# Every element showing text of its own, with its computed size, if under 16 px.
SMALL_TEXT = """() => {
  const small = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('.report-sheet, .report-table, [hidden]')) continue;
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height || getComputedStyle(el).visibility === 'hidden') continue;
    const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent.trim()).join(' ').trim();
    if (!text || box.width <= 1) continue;
    const px = parseFloat(getComputedStyle(el).fontSize);
    if (px < 16) small.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${px}px "${text.slice(0, 40)}"`);
  }
  return small;
}"""
BOX = "(sel) => { const b = document.querySelector(sel).getBoundingClientRect(); return [b.top, b.bottom, b.left, b.right]; }"


def _desk_with_everything(app, make_user) -> None:
    make_user("siti", "kasubag", name="Siti Kasubag")
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    make_user("ani", "admin", name="Ani Admin")
    with app.app_context():
        now = datetime.now(timezone.utc)
        for name in ("SUMARNI HADI", "JOKO SANTOSO"):
            factories.visit("pending", submitted_at=now, ktp_checked_at=now, visitor=factories.visitor(full_name=name))
        factories.visit("pending", submitted_at=now, visitor=factories.visitor(full_name="BELUM DIPERIKSA"))
        factories.visit("approved", submitted_at=now, decided_at=now, visitor=factories.visitor(full_name="DI DALAM"))
        factories.visit("checked_out", submitted_at=now, decided_at=now, checked_out_at=now,
                        visitor=factories.visitor(full_name="SUDAH PULANG"))
        factories.remote_request("received")


def test_staff_text_is_at_least_16_px_on_a_phone_and_at_the_desk(app, live_server, browser, make_user):
    _desk_with_everything(app, make_user)
    pages = {"siti": ["/admin/queue", "/admin/visits/1", "/admin/remote/1"],
             "rina": ["/admin/board", "/admin/visits/4", "/admin/search?q=SUMARNI"],
             "ani": ["/admin/", "/admin/reports/", "/admin/settings/"]}
    found = {}
    for who, paths in pages.items():
        for viewport in (PHONE, DESK):
            page = _phone(browser, live_server, who, viewport=viewport)
            for path in paths:
                page.goto(live_server + path)
                page.wait_for_load_state()
                if small := page.evaluate(SMALL_TEXT):
                    found[f"{who} {path} {viewport['width']}"] = small
            close_pages(page)
    assert found == {}


def test_sideways_the_top_bar_and_the_menu_share_one_row_and_the_request_is_in_view(
        app, live_server, browser, make_user):
    _desk_with_everything(app, make_user)
    page = _phone(browser, live_server, "siti", viewport=SIDEWAYS)
    page.goto(f"{live_server}/admin/queue")
    page.locator(".req.current").wait_for()
    settled(page)
    page.screenshot(path="/tmp/h40p/4-queue-sideways-640x360.png")
    brand, nav, lang = (page.evaluate(BOX, sel) for sel in (".topbar .brand", ".staffnav", ".topbar .lang"))
    assert nav[1] <= 56, f"the menu's row ends at {nav[1]} px (was 106)"
    assert brand[0] < nav[1] and lang[0] < nav[1], "brand, menu and language in one row"
    assert brand[3] <= nav[2] + 1 and nav[3] <= lang[2] + 1, "side by side, none over another"
    request = page.evaluate(BOX, ".req.current")
    assert request[0] <= 180, f"the first request starts at {request[0]} px of 360 (was 261)"
    assert page.locator(".req.current .name").is_visible()
    assert page.evaluate(BOX, ".req.current .facts")[0] < 360, "its facts begin on the first screen"
    assert page.evaluate("document.documentElement.scrollWidth") <= 640
    # the decision stands beside the request, in sight from the first screen, and rides down with it
    for sel in (".req.current button[value=approve]", ".req.current .refuse summary"):
        top, bottom, left, _right = page.evaluate(BOX, sel)
        assert bottom <= 360 and left >= page.evaluate(BOX, ".req.current .facts")[3], f"{sel}: {top}-{bottom}, left {left}"
    page.evaluate("scrollTo(0, 200)")
    top, bottom, *_ = page.evaluate(BOX, ".req.current button[value=approve]")
    assert 0 <= top and bottom <= 360, f"scrolled, Approve at {top}-{bottom}"
    page.evaluate("scrollTo(0, 0)")
    # an opened refusal is the screen's, its send button inside it
    page.locator(".req.current .refuse summary").click()
    send = page.get_by_role("button", name="Tolak dengan alasan ini", exact=True)
    assert page.evaluate(BOX, ".req.current .refuse-actions .button.danger")[1] <= 360 and send.is_visible()
    assert send.evaluate("(el) => document.elementFromPoint(el.getBoundingClientRect().left + 10, "
                         "el.getBoundingClientRect().top + 10) === el"), "the send button is covered or clipped"
    page.screenshot(path="/tmp/h40p/7-refusal-open-sideways-640x360.png")
    page.get_by_role("button", name="Batal", exact=True).click()
    # the menu still opens (below the row) and closes
    page.get_by_role("button", name="Menu").click()
    assert page.get_by_role("link", name="Papan helpdesk").is_visible()
    page.screenshot(path="/tmp/h40p/5-menu-open-sideways-640x360.png")
    page.get_by_role("button", name="Menu").click()
    assert not page.get_by_role("link", name="Papan helpdesk").is_visible()
    close_pages(page)


def test_sideways_the_helpdesk_board_keeps_its_row_too(app, live_server, browser, make_user):
    _desk_with_everything(app, make_user)
    page = _phone(browser, live_server, "rina", viewport=SIDEWAYS)
    page.goto(f"{live_server}/admin/board")
    page.wait_for_load_state()
    page.screenshot(path="/tmp/h40p/6-board-sideways-640x360.png")
    assert page.evaluate(BOX, ".staffnav")[1] <= 56
    assert page.evaluate("document.documentElement.scrollWidth") <= 640
    close_pages(page)
