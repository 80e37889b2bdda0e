"""ux17: a live update changes on the staff screens only what changed. The queue and the board used to
be redrawn whole on every change, so the Kasubag's tap on "Terima semua ... laporan" on a phone could
land on a button that had just been swapped for a copy and count for nothing. Here a new visit request
arrives while the Kasubag's finger (and the focus) is on that button: the very same button is still
there, with the focus, and the new request shows; then a third report arrives: the same button now
says three, and a tap on it acknowledges all three."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import update

from lpsedesk import audit
from lpsedesk.extensions import db
from lpsedesk.models import User, Visit
from lpsedesk.roles import Actor, Role, kiosk_actor

from .. import factories
from .axe import axe_source, violations
from .test_staff_flow import PHONE, WAIT, close_pages, short_streams, staff_page  # noqa: F401 (a fixture)

MARK = "el => { el.ux17Mark = 'the same node'; }"
MARKED = "el => el.ux17Mark === 'the same node'"


def _reported(app, name: str, nik: str, by: int) -> int:
    """A finished visit the helpdesk has just reported to the Kasubag, with its audit event (the live feed)."""
    now = datetime.now(timezone.utc)
    with app.app_context():
        visit = factories.visit("reported", visitor=factories.visitor(full_name=name, nik=nik),
                                submitted_at=now - timedelta(hours=2), decided_at=now - timedelta(hours=2),
                                decided_by_label="Siti Kasubag", checked_out_at=now - timedelta(minutes=30),
                                reported_at=now, reported_by_id=by)
        audit.record(db.session, Actor(kind="user", id=by, label="Budi Helpdesk", roles=frozenset({Role.HELPDESK})),
                     "visit.reported", visit)
        db.session.commit()
        return visit.id


def _arrives(app, name: str, nik: str) -> int:
    """A new visit request from the kiosk, KTP already checked: it goes straight to the Kasubag's queue."""
    now = datetime.now(timezone.utc)
    with app.app_context():
        visit = factories.visit(visitor=factories.visitor(full_name=name, nik=nik), submitted_at=now,
                                ktp_checked_at=now)
        audit.record(db.session, kiosk_actor(1, "Kios lobi"), "visit.submitted", visit)
        db.session.commit()
        return visit.id


def test_a_live_update_keeps_the_acknowledge_all_button_the_kasubag_is_tapping(app, live_server, browser,
                                                                                make_user, shot):
    make_user("siti", "kasubag", name="Siti Kasubag")
    make_user("budi", "helpdesk", name="Budi Helpdesk")
    with app.app_context():
        budi = db.session.query(User).filter_by(username="budi").one().id
    first = [_reported(app, "PENGUNJUNG SATU", "3373024107900011", budi),
             _reported(app, "PENGUNJUNG DUA", "3373024107900012", budi)]
    errors: list[str] = []
    page = staff_page(browser, live_server, "siti", PHONE, errors)
    page.goto(f"{live_server}/admin/queue")
    page.wait_for_selector("[data-live-state].on", timeout=WAIT)
    button = page.locator("[data-part=reports] button", has_text="Terima semua 2 laporan")
    button.wait_for(timeout=WAIT)
    button.evaluate(MARK)
    button.evaluate("el => el.focus()")   # where the Kasubag's finger is
    page.locator("#live").evaluate("el => { el.ux17Swaps = 0; "
                                   "el.addEventListener('live:swapped', () => el.ux17Swaps++); }")

    # something else changes: a new visit request arrives
    _arrives(app, "WARSITO BARU", "3373024107900013")
    page.wait_for_function("() => document.querySelector('#live').innerText.includes('WARSITO BARU')", timeout=WAIT)
    assert page.locator("#live").evaluate("el => el.ux17Swaps") >= 1, "the list was updated live"
    assert button.evaluate(MARKED), "the button the Kasubag is tapping was replaced by a copy"
    assert button.evaluate("el => document.activeElement === el"), "the focus left the button"
    assert page.locator("[data-queue] .count").inner_text() == "1"
    shot(page, "ux17-live-new-request-keeps-the-reports-card", full_page=False)

    # the reports card itself changes: the same button says so, and sends all three
    third = _reported(app, "PENGUNJUNG TIGA", "3373024107900014", budi)
    same = page.locator("[data-part=reports] button", has_text="Terima semua 3 laporan")
    same.wait_for(timeout=WAIT)
    assert same.evaluate(MARKED), "the button was replaced instead of updated"
    assert "PENGUNJUNG TIGA" in page.inner_text("[data-part=reports]")
    assert violations(page, axe_source()) == []
    same.click()
    page.wait_for_load_state()
    assert "3" in page.inner_text(".flash")
    with app.app_context():
        assert all(db.session.get(Visit, i).acknowledged_at is not None for i in [*first, third])
    assert errors == []
    close_pages(page)


def test_a_kept_request_still_shows_how_long_it_has_waited(app, live_server, browser, make_user):
    """An item kept whole (same data-stamp) used to keep its first "menunggu 0 menit" until it changed,
    though the queue refreshes every minute for that; its waiting time moves on now, on the same card."""
    make_user("siti", "kasubag", name="Siti Kasubag")
    visit_id = _arrives(app, "SUMARNI HADI", "3373024107900021")
    errors: list[str] = []
    page = staff_page(browser, live_server, "siti", PHONE, errors)
    page.goto(f"{live_server}/admin/queue")
    page.wait_for_selector("[data-live-state].on", timeout=WAIT)
    card = page.locator(f'[data-key="visit-{visit_id}"]')
    assert "menunggu kurang dari 1 menit" in card.inner_text()
    card.evaluate(MARK)
    with app.app_context():
        # seven minutes pass (the request itself unchanged: no new version), then something else happens
        db.session.execute(update(Visit).where(Visit.id == visit_id)
                           .values(submitted_at=datetime.now(timezone.utc) - timedelta(minutes=7))
                           .execution_options(synchronize_session=False))
        db.session.commit()
    _arrives(app, "WARSITO BARU", "3373024107900022")
    page.wait_for_function("() => document.querySelector('#live').textContent.includes('WARSITO BARU')", timeout=WAIT)
    page.wait_for_function(f"() => document.querySelector('[data-key=\"visit-{visit_id}\"]')"
                           ".innerText.includes('menunggu 7 menit')", timeout=WAIT)
    assert card.evaluate(MARKED), "the card was replaced"
    assert errors == []
    close_pages(page)
