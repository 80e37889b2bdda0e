"""ux9 in the browser: on a holiday the kiosk's start screen says "Hari ini kantor libur", why, and the
day the office opens next, fitting a 1280x800 kiosk and a 360 px phone; the helpdesk board on a phone
says the same; the Admin's office page shows the office days and the holiday list on both sizes.

The kiosk's clock is fixed by each test (KIOSK_CLOCK); nothing depends on the real day."""
from __future__ import annotations

import os
from datetime import date, time
from pathlib import Path

from lpsedesk import settings
from lpsedesk.clock import wib_at
from lpsedesk.extensions import db
from tests.kiosk.e2e_support import TABLET, enrol_page

from .axe import axe_source, violations
from .test_kiosk_readable import PROBLEMS
from .test_remote_direct_phone_ux7 import PHONE
from .test_staff_flow import staff_page

SHOTS = Path(os.environ.get("UX_SHOTS", "/tmp/ux9"))
CHRISTMAS = date(2026, 12, 25)  # a Friday: the office opens again on Monday 28 December


def _shot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def _christmas(app) -> None:
    with app.app_context():
        settings.put(db.session, "holidays", [{"date": CHRISTMAS.isoformat(), "name": "Hari Raya Natal"}])
        db.session.commit()
    app.config["KIOSK_CLOCK"] = lambda: wib_at(CHRISTMAS, time(10))


def test_on_a_holiday_the_kiosk_says_the_office_is_closed_today_and_when_it_opens(app, live_server, browser):
    _christmas(app)
    for viewport, name in ((TABLET, "1280x800"), (PHONE, "360x740")):
        page = enrol_page(app, browser, live_server, viewport)
        page.wait_for_selector("[data-office-closed]")
        notice = page.locator("[data-office-closed]").inner_text()
        assert "Hari ini kantor libur" in notice and "Hari Raya Natal" in notice
        assert "Senin, 28 Desember 2026 pukul 07:30 WIB" in notice
        assert page.locator("[data-action=checkin]").count() == 0 and page.locator("[data-action=checkout]").is_visible()
        assert page.evaluate(PROBLEMS) == []
        assert violations(page, axe_source()) == []
        _shot(page, f"kiosk-holiday-{name}")
        page.context.close()


def test_the_board_on_a_phone_says_the_kiosk_is_closed_for_the_holiday(app, live_server, browser, make_user):
    make_user("dewi", "helpdesk", name="Dewi Lestari")
    _christmas(app)
    for viewport, name in ((PHONE, "360x740"), (TABLET, "1280x800")):
        page = staff_page(browser, live_server, "dewi", viewport, [])
        page.goto(f"{live_server}/admin/board")
        notice = page.locator("[data-kiosk-closed]")
        assert notice.is_visible() and "kantor libur (Hari Raya Natal)" in notice.inner_text()
        box = notice.bounding_box()
        assert box["y"] + box["height"] <= viewport["height"], "read on opening the board"
        assert violations(page, axe_source()) == []
        _shot(page, f"board-holiday-{name}")
        page.context.close()


def test_the_admin_sets_office_days_and_holidays_on_a_phone_and_a_desk(app, live_server, browser, make_user):
    make_user("siti", "admin", name="Siti Admin")
    for viewport, name in ((PHONE, "360x740"), (TABLET, "1280x800")):
        page = staff_page(browser, live_server, "siti", viewport, [])
        page.goto(f"{live_server}/admin/settings/office")
        days = page.locator("fieldset.inline-checks")
        days.scroll_into_view_if_needed()
        assert days.locator("input:checked").count() == 5
        page.fill("textarea[name=holidays]", "25/12/2026 Hari Raya Natal\n24/12/2026 Cuti bersama")
        assert violations(page, axe_source()) == []
        page.locator("textarea[name=holidays]").scroll_into_view_if_needed()
        _shot(page, f"settings-office-days-{name}")
        page.click("button[type=submit]:has-text('Simpan')")
        page.wait_for_selector(".flash, [role=status], .notice", timeout=5000)
        page.context.close()
    with app.app_context():
        assert [h["name"] for h in settings.get(db.session, "holidays")] == ["Cuti bersama", "Hari Raya Natal"]
