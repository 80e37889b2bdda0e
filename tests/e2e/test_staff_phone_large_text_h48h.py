"""h48h: staff on a phone with the text at 200 % (docs/staff.md, h48e's Seen): the Kasubag's queue, the helpdesk
board and the Admin's letter page scrolled sideways, by 55-250 px, at 360x740 and 320x568. Nothing may scroll
sideways or be cut at the screen's or a card's edge, in Indonesian and English, the refusal open too.

And the board's "to report" card of a visit whose guest book is incomplete said why it could not be reported
but offered no way to finish it (SOP 1: after the visit the helpdesk makes sure the guest book is complete,
then reports to the Kasubag): it now leads to where the missing step is recorded."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from lpsedesk.extensions import db
from lpsedesk.models import VisitDevice
from tests import factories

from .settle import settled
from .test_restricted_screens import _server_room
from .test_staff_flow import close_pages, kiosk_submission, short_streams  # noqa: F401 (a fixture)
from .test_staff_phone_stranger import SIDEWAYS, _phone

SHOTS = Path("/tmp/h48h")
PHONES = [{"width": 360, "height": 740}, {"width": 320, "height": 568}]
# The phone's text at 200 %, as h48e emulated it: the root's font and the body's doubled
LARGE_TEXT = "() => { document.documentElement.style.fontSize = '200%'; document.body.style.fontSize = '32px'; }"
# Words in sight that reach past the screen's edge: a card that clips (overflow hidden) scrolls nothing
# sideways, yet cuts them. The queue's other requests wait outside the screen by design.
CUT_WORDS = """() => { const out = []; const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); let n;
  while ((n = walk.nextNode())) {
    const el = n.parentElement; const style = getComputedStyle(el);
    if (!n.textContent.trim() || style.visibility === 'hidden' || el.closest('[hidden], .one-at-a-time > .req:not(.current)')) continue;
    const range = document.createRange(); range.selectNodeContents(n);
    for (const r of range.getClientRects()) if (r.width > 0 && (r.right > innerWidth + 1 || r.left < -1))
      out.push(`${el.tagName}.${el.className} '${n.textContent.trim().slice(0, 30)}' ${Math.round(r.left)}-${Math.round(r.right)}`);
  }
  return out.slice(0, 8); }"""


def _shot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def _nothing_sideways(page, where: str) -> None:
    settled(page)
    assert page.evaluate(SIDEWAYS) <= 0, f"{where}: the page scrolls sideways"
    assert page.evaluate(CUT_WORDS) == [], f"{where}: words past the screen's edge"


def _letters(app) -> tuple[int, int]:
    """A letter waiting for the Kasubag (long institution: a wide fact) and one approved, the account not given."""
    now = datetime.now(timezone.utc)
    with app.app_context():
        start = now + timedelta(days=1)
        waiting = factories.remote_request("received", requester_name="Teknisi Uji Coba",
                                           instansi="PT Contoh Teknologi Nusantara Sejahtera",
                                           period_start=start, period_end=start + timedelta(days=2))
        approved = factories.remote_request("approved", requester_name="Andi Teknisi", period_start=start,
                                            period_end=start + timedelta(days=2),
                                            approved_until=start + timedelta(days=2), decided_at=now)
        return waiting.id, approved.id


def _finished_visit(app) -> None:
    now = datetime.now(timezone.utc)
    with app.app_context():
        factories.visit("checked_out", submitted_at=now - timedelta(hours=3), decided_at=now - timedelta(hours=3),
                        checked_out_at=now - timedelta(minutes=20),
                        visitor=factories.visitor(full_name="RAHMAT HIDAYAT", institution="Dinas Kominfo Kabupaten Contoh"))


@pytest.mark.layout
@pytest.mark.parametrize("viewport", PHONES, ids=["360x740", "320x568"])
def test_the_queue_at_200_percent_text_scrolls_nothing_sideways(app, live_server, browser, make_user,
                                                               short_streams, viewport):
    make_user("siti", "kasubag", name="Siti Kasubag")
    kiosk_submission(app, "SUMARNI HADI")
    _letters(app)
    page = _phone(browser, live_server, "siti", viewport)
    size = f"{viewport['width']}x{viewport['height']}"
    for lang in ("id", "en"):
        page.goto(f"{live_server}/admin/queue?lang={lang}")
        page.wait_for_selector(".req.current")
        page.evaluate(LARGE_TEXT)
        _nothing_sideways(page, f"the queue ({lang})")
        _shot(page, f"queue-{size}-{lang}")
        # the refusal open, a visit's and then a letter's ("Refuse with this reason" ran past the edge in EN)
        for n in range(2):
            current = page.locator(".req.current")
            current.locator(".refuse summary").evaluate("(el) => el.click()")
            _nothing_sideways(page, f"the refusal open ({lang}, request {n + 1})")
            _shot(page, f"queue-refusal-{n + 1}-{size}-{lang}")
            current.locator("[data-refuse-cancel]").evaluate("(el) => el.click()")
            page.locator("[data-step-by='1']").evaluate("(el) => el.click()")
            settled(page)
        _nothing_sideways(page, f"the letter's card ({lang})")
    close_pages(page)


@pytest.mark.layout
@pytest.mark.parametrize("viewport", PHONES, ids=["360x740", "320x568"])
def test_the_board_and_the_letter_page_at_200_percent_text_scroll_nothing_sideways(app, live_server, browser, make_user,
                                                                                 short_streams, viewport):
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    make_user("sinta", "admin", name="Sinta Admin")
    kiosk_submission(app, "SUMARNI HADI")
    _finished_visit(app)
    waiting, approved = _letters(app)
    size = f"{viewport['width']}x{viewport['height']}"
    for user, path, name in (("rina", "/admin/board", "board"), ("sinta", f"/admin/remote/{approved}", "letter"),
                             ("sinta", f"/admin/remote/{waiting}", "letter-waiting")):
        page = _phone(browser, live_server, user, viewport)
        for lang in ("id", "en"):
            page.goto(f"{live_server}{path}?lang={lang}")
            page.wait_for_load_state()
            page.evaluate(LARGE_TEXT)
            _nothing_sideways(page, f"{name} ({lang})")
            # the skip link, three lines tall at this size, showed its bottom at the screen's top edge
            assert page.evaluate("document.querySelector('.skip-link').getBoundingClientRect().bottom") <= 0
            _shot(page, f"{name}-{size}-{lang}")
        close_pages(page)


def test_a_visit_to_report_with_its_guest_book_incomplete_leads_to_where_it_is_completed(
        app, live_server, browser, make_user, short_streams):
    desk_id = make_user("rina", "helpdesk", name="Rina Helpdesk")
    _server_room(app)
    now = datetime.now(timezone.utc)
    with app.app_context():
        # out of the building, but the exit from the server room and its devices were never recorded
        room = factories.visit("checked_out", facility="server_room", restricted=True, devices_none=False,
                               escort_id=desk_id, signature_key="sig/uji.png", ktp_checked_at=now - timedelta(hours=2),
                               submitted_at=now - timedelta(hours=2), decided_at=now - timedelta(hours=2),
                               area_entered_at=now - timedelta(hours=1), checked_out_at=now - timedelta(minutes=10),
                               visitor=factories.visitor(full_name="TEKNISI VENDOR", institution="PT Contoh Teknologi"))
        room.devices = [VisitDevice(position=0, kind="Laptop", brand="Dell", serial="DL-7781")]
        db.session.commit()
        room_id = room.id
    page = _phone(browser, live_server, "rina", PHONES[1])
    page.goto(f"{live_server}/admin/board")
    card = page.locator("[data-part=report] article", has_text="TEKNISI VENDOR")
    card.get_by_text("Buku tamu belum lengkap").wait_for()
    assert card.get_by_role("button", name="Laporkan kepada Kasubag").count() == 0
    # the first missing step: the exit from the area, recorded on the visit's page
    step = card.get_by_role("link", name="Catat keluar dari area")
    card.scroll_into_view_if_needed()
    settled(page)
    box = step.bounding_box()
    assert box["height"] >= 44 and box["x"] + box["width"] <= PHONES[1]["width"]
    _shot(page, "report-card-area-320x568")
    step.tap()
    page.wait_for_url(f"{live_server}/admin/visits/{room_id}#restricted")
    with page.expect_navigation():
        page.get_by_role("button", name="Catat keluar dari area").tap()
    # back on the board, the devices' check is what is left, and then the report
    page.goto(f"{live_server}/admin/board")
    card.get_by_role("link", name="Periksa perangkat").tap()
    page.wait_for_url(f"{live_server}/admin/visits/{room_id}#devices")
    page.locator("#devices input[name=left]").check()
    with page.expect_navigation():
        page.locator("#devices button").tap()
    page.goto(f"{live_server}/admin/board")
    card.get_by_text("Buku tamu lengkap").wait_for()
    assert card.get_by_role("button", name="Laporkan kepada Kasubag").count() == 1
    close_pages(page)


def test_a_guest_book_field_from_the_kiosk_missing_leads_to_the_visits_guest_book(app, live_server, browser, make_user,
                                                                                 short_streams):
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    _finished_visit(app)  # no signature
    page = _phone(browser, live_server, "rina", PHONES[0])
    page.goto(f"{live_server}/admin/board?lang=en")
    card = page.locator("[data-part=report] article", has_text="RAHMAT HIDAYAT")
    card.get_by_text("Guest book incomplete: Signature").wait_for()
    card.get_by_role("link", name="Open the guest book").tap()
    page.wait_for_url("**/admin/visits/*#guest-book")
    close_pages(page)
