"""ux9 in the browser, at 1280x800 and on a 360 px phone: a visit whose report the Kasubag acknowledged
shows "selesai, laporan diterima" on its page; the guest book writes 21:01 as the visit page does; the
kiosks page sits in the Settings sub-menu. Each screen passes axe."""
from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

from lpsedesk.extensions import db
from lpsedesk.models import utcnow
from tests import factories
from tests.kiosk.e2e_support import TABLET

from .axe import axe_source, violations
from .test_remote_direct_phone_ux7 import PHONE
from .test_staff_flow import staff_page

SHOTS = Path(os.environ.get("UX_SHOTS", "/tmp/ux9"))
SIZES = ((TABLET, "1280x800"), (PHONE, "360x740"))


def _shot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def test_an_acknowledged_visit_reads_as_finished_on_its_page(app, live_server, browser, make_user):
    make_user("rina", "helpdesk", name="Rina Meja")
    now = utcnow()
    with app.app_context():
        visit_id = factories.visit("reported", visitor=factories.visitor(full_name="Tamu Selesai"),
                                   submitted_at=now - timedelta(hours=3), decided_at=now - timedelta(hours=3),
                                   checked_out_at=now - timedelta(hours=1), reported_at=now - timedelta(minutes=30),
                                   acknowledged_at=now - timedelta(minutes=5)).id
        db.session.commit()
    for viewport, name in SIZES:
        page = staff_page(browser, live_server, "rina", viewport, [])
        page.goto(f"{live_server}/admin/visits/{visit_id}")
        badge = page.locator("h1 + .badge, .badge.status-acknowledged").first
        assert badge.inner_text().strip().endswith("selesai, laporan diterima")
        assert page.locator(".badge.status-reported").count() == 0
        assert violations(page, axe_source()) == []
        _shot(page, f"visit-acknowledged-{name}")
        page.context.close()


def test_the_guest_book_page_writes_the_time_as_the_screens_do(app, live_server, browser, make_user):
    make_user("rina", "helpdesk", name="Rina Meja")
    signed = datetime(2026, 11, 18, 14, 1, tzinfo=timezone.utc)  # 21:01 WIB
    with app.app_context():
        factories.visit("checked_out", visitor=factories.visitor(full_name="Tamu Malam"), submitted_at=signed,
                        decided_at=signed, checked_out_at=signed + timedelta(minutes=46))
        db.session.commit()
    for viewport, name in SIZES:
        page = staff_page(browser, live_server, "rina", viewport, [])
        page.goto(f"{live_server}/admin/reports/guestbook?from=2026-11-01&to=2026-11-30")
        text = page.inner_text("main")
        assert "21:01" in text and "21:47" in text and "21.01" not in text
        page.locator("text=Tamu Malam").first.scroll_into_view_if_needed()
        _shot(page, f"guestbook-time-{name}")
        page.context.close()


def test_the_kiosks_page_sits_in_the_settings_sub_menu(app, live_server, browser, make_user):
    make_user("siti", "admin", name="Siti Admin")
    for viewport, name in SIZES:
        page = staff_page(browser, live_server, "siti", viewport, [])
        page.goto(f"{live_server}/admin/kiosks")
        current = page.locator("nav.settings-nav a[aria-current=page]")
        assert current.inner_text().strip() == "Kios" and current.is_visible()
        box = current.bounding_box()  # on a phone the sideways sub-menu is scrolled to it
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], box
        assert violations(page, axe_source()) == []
        _shot(page, f"settings-kiosks-{name}")
        page.context.close()
