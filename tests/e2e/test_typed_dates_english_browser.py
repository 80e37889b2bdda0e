"""The staff forms' dates and times in a browser set to English (as many office PCs are): chromium with
--lang=en-US and an en-US locale. The fields show the day first and a 24-hour WIB clock
(25/11/2026 08:00), never the browser's mm/dd/yyyy and AM/PM; a time typed the American way comes back
beside its field in Bahasa Indonesia with what was typed kept."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest
from tests import factories
from tests.admin.test_remote_support import pdf_letter

from .axe import axe_source, violations
from .test_remote_stranger import FOCUSED_PROBLEM, SIDEWAYS
from .test_staff_flow import staff_page

PHONE = {"width": 360, "height": 740}
DESK = {"width": 1366, "height": 768}
PICKERS = "input[type=date], input[type=datetime-local], input[type=time], input[type=month]"
DAY = re.compile(r"\d\d/\d\d/\d{4}")
MOMENT = re.compile(r"\d\d/\d\d/\d{4} \d\d:\d\d")


def english_browser(launch_browser):
    return launch_browser(extra_args=["--lang=en-US"])


def english_page(browser, base, username, viewport):
    """staff_page, in a context whose locale is en-US (what the browser's pickers would follow)."""
    original = browser.new_context

    def new_context(**kwargs):
        return original(locale="en-US", timezone_id="America/New_York", **kwargs)

    browser.new_context = new_context
    try:
        return staff_page(browser, base, username, viewport, [])
    finally:
        browser.new_context = original


def test_the_remote_forms_show_day_first_and_24_hour_wib_in_an_english_browser(
        app, live_server, launch_browser, make_user, shot):
    admin = make_user("sinta", "admin", name="Sinta Admin")
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    with app.app_context():
        # asked from 23/11/2026 08:00 WIB for two days: the proposed end is 25/11/2026 08:00 WIB
        rid = factories.remote_request(recorded_by_id=admin).id
    browser = english_browser(launch_browser)

    boss = english_page(browser, live_server, "bambang", PHONE)
    assert boss.evaluate("navigator.language") == "en-US"
    boss.goto(f"{live_server}/admin/remote/{rid}")
    assert boss.locator(PICKERS).count() == 0
    # the day and the time apart (ux4), each on the number pad
    assert boss.input_value("#approved_until") == "25/11/2026" and boss.input_value("#approved_until-clock") == "08:00"
    assert "25/12/2026 dan 14:30" in boss.inner_text("form:has(input[name=approved_until])")  # how to write it
    assert boss.evaluate(SIDEWAYS) <= 0
    shot(boss, "ux3-remote-decision-english-browser-phone", full_page=False)
    assert violations(boss, axe_source()) == []

    desk = english_page(browser, live_server, "sinta", DESK)
    desk.goto(f"{live_server}/admin/remote/new")
    assert desk.locator(PICKERS).count() == 0
    desk.fill("input[name=requester_name]", "Teknisi Kedua")
    desk.fill("input[name=instansi]", "PT Contoh Teknologi")
    desk.fill("input[name=letter_number]", "002/UJI/XII/2026")
    desk.fill("input[name=letter_date]", "03/04/2026")
    desk.fill("textarea[name=purpose]", "Pembaruan aplikasi")
    desk.fill("input[name=rights_other]", "Baca log server")
    desk.set_input_files("input[name=letter]", files=[{"name": "surat.pdf", "mimeType": "application/pdf",
                                                       "buffer": pdf_letter()}])
    desk.fill("input[name=period_start]", "12/25/2099 2:30 PM")  # typed as the English browser would show it
    desk.fill("input[name=period_end]", "27/12/2099 16:00")
    with desk.expect_navigation():
        desk.click("form[enctype] button[type=submit]")
    problem = desk.evaluate(FOCUSED_PROBLEM)
    assert problem and problem["name"] == "period_start" and problem["on_screen"], problem
    assert "hh/bb/tttt jj:mm" in problem["text"], problem
    assert desk.input_value("input[name=period_start]") == "12/25/2099 2:30 PM"
    assert desk.input_value("input[name=period_end]") == "27/12/2099 16:00"
    assert desk.input_value("input[name=requester_name]") == "Teknisi Kedua"
    shot(desk, "ux3-remote-new-american-time-desk", full_page=False)
    assert violations(desk, axe_source()) == []

    desk.fill("input[name=period_start]", "25/12/2099 14:30")
    desk.set_input_files("input[name=letter]", files=[{"name": "surat.pdf", "mimeType": "application/pdf",
                                                       "buffer": pdf_letter()}])
    with desk.expect_navigation():
        desk.click("form[enctype] button[type=submit]")
    assert not desk.locator("main .error").count(), desk.inner_text("main")
    with app.app_context():
        new = db.session.query(RemoteAccessRequest).filter_by(requester_name="Teknisi Kedua").one()
        assert new.period_start.astimezone(timezone.utc).replace(tzinfo=None) == datetime(2099, 12, 25, 7, 30)
        assert new.letter_date.isoformat() == "2026-04-03"


def test_every_other_date_field_shows_day_first_in_an_english_browser(app, live_server, launch_browser, make_user, shot):
    admin = make_user("sinta", "admin", name="Sinta Admin")
    now = datetime.now(timezone.utc)
    with app.app_context():
        active = factories.remote_request("active", recorded_by_id=admin, username="remote_1",
                                          granted_at=now - timedelta(hours=2), approved_until=now + timedelta(days=1)).id
    browser = english_browser(launch_browser)
    desk = english_page(browser, live_server, "sinta", DESK)
    for path, fields in ((f"/admin/remote/{active}", {"closed_at": DAY}),  # the day, then the time apart (ux4)
                         ("/admin/invitations/new", {"day": None, "start": None, "end": None}),
                         ("/admin/reports/", {"from": DAY, "to": DAY}),
                         ("/admin/reports/guestbook", {"from": DAY, "to": DAY}),
                         ("/admin/reports/server-room", {"from": DAY, "to": DAY}),
                         ("/admin/visits", {"from": None, "to": None}),
                         ("/admin/settings/delegations", {"starts_on": DAY, "ends_on": None}),
                         ("/admin/watchlist/", {"expires_on": None}),
                         ("/admin/remote/form", {"month": re.compile(r"\d\d/\d{4}"), "start": DAY, "end": DAY})):
        desk.goto(f"{live_server}{path}")
        assert desk.locator(PICKERS).count() == 0, path
        for name, shape in fields.items():
            box = desk.locator(f"input[name={name}]").first
            assert box.get_attribute("type") == "text", (path, name)
            if shape is not None:
                assert shape.fullmatch(box.input_value()), (path, name, box.input_value())
    # A report's period emptied goes to the server (which takes its default period) instead of Chromium's
    # "Please fill out this field." bubble, which speaks the browser's language, not the page's.
    desk.goto(f"{live_server}/admin/reports/guestbook")
    assert desk.locator("form.report-period input[required]").count() == 0
    desk.goto(f"{live_server}/admin/invitations/new")
    assert desk.get_attribute("input[name=start]", "placeholder") == "jj:mm"
    shot(desk, "ux3-invitation-times-english-browser", full_page=False)
    assert violations(desk, axe_source()) == []
