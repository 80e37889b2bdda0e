"""h46d: the Kasubag decides mostly on a phone. SOP 1 and SOP 2 ask her for decisions (a visitor at the
kiosk, a third party's remote-access letter, and, taken early, an invitation), while the helpdesk's
reports of finished visits are only to read. On /admin/queue the invitations to approve in advance stood
after the reports and the day's decisions, outside the live part (some 2,500 px down a 360 px phone, and a
new one needed a reload); the fold of the older reports said "Tampilkan" while open."""
from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

import pytest

from lpsedesk import settings
from lpsedesk.clock import WIB
from lpsedesk.extensions import db
from lpsedesk.invitations import rules
from lpsedesk.roles import Actor, Role
from tests import factories

from .axe import axe_source, violations
from .settle import settled
from .test_staff_flow import close_pages, kiosk_submission, short_streams  # noqa: F401 (a fixture)
from .test_staff_phone_stranger import SIDEWAYS, _phone

PHONE = {"width": 360, "height": 640}
SMALL_PHONE = {"width": 320, "height": 568}
REPORTS = 8  # more than the few newest kept open: the older ones fold
DESK = Actor("user", None, "Rina Helpdesk", frozenset({Role.HELPDESK}))


def _invite(app, name: str) -> None:
    """The helpdesk invites one visitor for tomorrow morning (SOP 1, decided early by the Kasubag)."""
    with app.app_context():
        day = (datetime.now(timezone.utc).astimezone(WIB) + timedelta(days=1)).date()
        starts = datetime.combine(day, time(9, 0), WIB)
        draft = rules.InvitationDraft(full_name=name, phone="081234567890", institution="Dinas Pekerjaan Umum",
                                      category="opd", purpose="consultation", facility="verification_desk",
                                      starts_at=starts, ends_at=starts + timedelta(hours=2))
        rules.create(db.session, DESK, draft, purposes=settings.get(db.session, "purposes"),
                     facilities=settings.get(db.session, "facilities"))
        db.session.commit()


def _a_busy_morning(app) -> None:
    """A visitor at the kiosk, a letter for remote access, an invitation, and finished visits reported."""
    now = datetime.now(timezone.utc)
    kiosk_submission(app, "SUMARNI HADI")
    with app.app_context():
        start = now + timedelta(days=1)
        factories.remote_request(recorded_at=now - timedelta(minutes=40), requester_name="Teknisi Uji Coba",
                                 period_start=start, period_end=start + timedelta(days=2))
    _reports(app, REPORTS)
    _invite(app, "SUPRIYADI")


def _reports(app, count: int) -> None:
    """Finished visits the helpdesk reported over the last day (SOP 1), not yet acknowledged."""
    now = datetime.now(timezone.utc)
    with app.app_context():
        for i in range(count):
            day = now - timedelta(hours=2 * (count - i))
            factories.visit("reported", visitor=factories.visitor(full_name=f"PENGUNJUNG {i:02d}", nik=f"33730241079{i:05d}"),
                            submitted_at=day - timedelta(hours=2), decided_at=day - timedelta(hours=2),
                            checked_out_at=day - timedelta(hours=1), reported_at=day)


def _top(locator) -> float:
    return locator.bounding_box()["y"]


def test_on_a_phone_what_the_kasubag_decides_comes_before_the_reports_and_a_new_invitation_comes_live(
        app, live_server, browser, make_user, shot):
    make_user("siti", "kasubag", name="Siti Kasubag")
    _a_busy_morning(app)
    page = _phone(browser, live_server, "siti", PHONE)
    page.goto(f"{live_server}/admin/queue")
    page.wait_for_selector(".req.current button[value=approve]")
    page.wait_for_selector("[data-live-state].on")  # the live stream is open
    settled(page)
    waiting, invitations = page.locator("[data-part=waiting]"), page.locator("#invitations-awaiting")
    reports, decided = page.locator("[data-part=reports]"), page.locator("[data-part=decided]")
    # decisions first (the requests, then the invitations to approve early), then what is only to read
    assert _top(waiting) < _top(invitations) < _top(reports) < _top(decided)
    assert invitations.evaluate("el => !!el.closest('#live')"), "the invitations are outside the live part"
    assert "SUPRIYADI" in invitations.inner_text()
    shot(page, "h46d-queue-360x640", full_page=True)

    # a new invitation appears without a reload, as a new request does
    page.evaluate("window.__sameDocument = true")
    _invite(app, "NUR AINI")
    invitations.get_by_text("NUR AINI").wait_for()
    assert page.evaluate("window.__sameDocument === true"), "the page was reloaded"

    # refusing an invitation early without a reason: said beside the box, still on the queue (a page of
    # its own "Maaf ... Kembali" left the phone's queue); with one, it is refused
    card = invitations.locator("article", has_text="NUR AINI")
    card.get_by_role("button", name="Tolak lebih awal").tap()
    box = card.get_by_role("textbox")
    page.wait_for_function("el => el.getAttribute('aria-invalid') === 'true'", arg=box.element_handle())
    assert page.url.endswith("/admin/queue")
    assert card.locator(".reason-error").inner_text().strip() == "Penolakan memerlukan alasan."
    box.fill("Jadwal bentrok dengan pelatihan")
    card.get_by_role("button", name="Tolak lebih awal").tap()  # sent in the background (h46h)
    card.wait_for(state="detached")
    assert invitations.locator("article", has_text="NUR AINI").count() == 0
    assert page.locator("[data-invitations-said]").inner_text().strip() == "Ditolak lebih awal: NUR AINI."
    assert page.evaluate("window.__sameDocument === true"), "the page was reloaded"

    # the older reports fold under one control whose label says what a tap does now
    fold = page.locator("details.older-reports")
    summary = fold.locator("summary")
    hidden_count = REPORTS - reports.locator(":scope > .line").count()
    assert hidden_count > 0
    assert summary.inner_text().strip().endswith(f"Tampilkan {hidden_count} laporan yang lebih lama")
    summary.tap()
    settled(page)
    assert fold.evaluate("el => el.open")
    assert summary.inner_text().strip().endswith(f"Sembunyikan {hidden_count} laporan yang lebih lama")
    assert fold.locator(".line").first.is_visible()
    assert page.evaluate(SIDEWAYS) <= 0
    assert violations(page, axe_source()) == []
    summary.tap()
    settled(page)
    assert not fold.evaluate("el => el.open")
    assert summary.inner_text().strip().endswith(f"Tampilkan {hidden_count} laporan yang lebih lama")
    close_pages(page)


# The letter's name, as text (not its 44 px tap box), and the phone's bar, where they stand on the screen
NAME_AND_BAR = """() => { const card = document.querySelector('.req.current'), range = document.createRange();
  range.selectNodeContents(card.querySelector('.name'));
  const name = range.getBoundingClientRect(), bar = card.querySelector('.decide').getBoundingClientRect();
  return {name_top: name.top, name_bottom: name.bottom, bar_top: bar.top}; }"""


@pytest.mark.layout
def test_a_letter_past_its_period_shows_whose_it_is_above_the_bar_on_a_small_phone(
        app, live_server, browser, make_user, shot):
    """SOP 2: a letter that waited past the end it asked for is not approved from the queue; its bar says
    why and leads to its page. At the decision's size that bar hid the whole card at 320x568 under the
    line that counts the helpdesk's reports waiting below (a week's: two digits)."""
    make_user("siti", "kasubag", name="Siti Kasubag")
    _reports(app, 12)
    with app.app_context():
        ended = datetime.now(timezone.utc) - timedelta(days=3)
        factories.remote_request(recorded_at=ended - timedelta(days=2), requester_name="Nur Lestari",
                                 period_start=ended - timedelta(days=1), period_end=ended)
    page = _phone(browser, live_server, "siti", SMALL_PHONE)
    for size in (SMALL_PHONE, PHONE):
        page.set_viewport_size(size)
        page.goto(f"{live_server}/admin/queue")
        page.wait_for_selector(".req.current .period-over")
        settled(page)
        seen = page.evaluate(NAME_AND_BAR)
        assert 0 <= seen["name_top"] and seen["name_bottom"] <= seen["bar_top"], (size, seen)
        link = page.locator(".req.current .decide").get_by_role("link", name="Buka permohonan remote akses")
        box = link.bounding_box()
        assert box["height"] >= 44 and box["y"] + box["height"] <= size["height"], (size, box)
        shot(page, f"h46d-letter-period-over-{size['width']}x{size['height']}", full_page=False)
    close_pages(page)
