"""SOP 1 across screens: a visitor waits at the kiosk while the Kasubag decides on a 360 px phone,
and the answer (or its expiry at closing time) appears on the kiosk without a reload."""
from __future__ import annotations

from tests.support import needs_ocr

from sqlalchemy import select

from lpsedesk import jobs, settings
from lpsedesk.extensions import db
from lpsedesk.models import Visit
from tests.conftest import TEST_PASSWORD
from tests.kiosk.e2e_support import LANDSCAPE, enrol_page, ktp_video

from .test_kiosk import _check_in

PHONE = {"width": 360, "height": 740}


def _kasubag_phone(browser, base_url: str):
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(f"{base_url}/admin/login")
    page.fill("input[name=username]", "bambang")
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{base_url}/admin/queue")
    return page


@needs_ocr
def test_the_kasubag_approves_on_a_phone_and_the_waiting_kiosk_shows_it(
        app, live_server, launch_browser, tmp_path, shot, make_user):
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    video, person = ktp_video(tmp_path / "ktp.y4m", seed=21)
    browser = launch_browser(fake_video=video)
    kiosk = enrol_page(app, browser, live_server, LANDSCAPE)
    _check_in(kiosk, person, shot, None)
    kiosk.evaluate("window.__sameDocument = true")

    with app.app_context():
        visit_id = db.session.scalars(select(Visit.id)).one()
    phone = _kasubag_phone(browser, live_server)
    card = f'[data-key="visit-{visit_id}"]'
    phone.wait_for_selector(card)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shot(phone, "cross-kasubag-phone-queue")
    phone.click(f"{card} button:has-text('Setujui')")
    phone.wait_for_selector(f'[data-key="decided-{visit_id}"]')

    kiosk.wait_for_selector("[data-status][data-state=approved]", timeout=5000)
    assert kiosk.evaluate("window.__sameDocument") is True, "the kiosk page was never reloaded"
    shot(kiosk, "cross-kiosk-approved-from-phone", full_page=False)


@needs_ocr
def test_a_request_nobody_decided_by_closing_time_shows_as_expired_at_the_kiosk(
        app, live_server, launch_browser, tmp_path, shot):
    video, person = ktp_video(tmp_path / "ktp.y4m", seed=22)
    kiosk = enrol_page(app, launch_browser(fake_video=video), live_server, LANDSCAPE)
    _check_in(kiosk, person, shot, None)
    with app.app_context():
        settings.put(db.session, "office_close", "00:00")  # the office closed before this visit
        db.session.commit()
    assert jobs.run_once(app, ["expire_pending"]) == {"expire_pending": 1}
    kiosk.wait_for_selector("[data-status][data-state=expired]", timeout=5000)
    shot(kiosk, "cross-kiosk-expired", full_page=False)
