"""ux8: someone trying the kiosk outside office hours (a stranger installing it in their evening)
meets "Kantor sudah tutup". The closed screen tells staff, in words only, where the hours are set
(Pengaturan -> Kantor); the helpdesk board says the kiosk is closed for new visits; and 00:00-23:59
opens the kiosk at any hour (the README's way to try it)."""
from __future__ import annotations

import re

from lpsedesk import settings
from lpsedesk.extensions import db
from tests.admin.test_settings_office import GOOD
from tests.conftest import post_form
from tests.kiosk.test_office_hours_ux7 import at_wib  # the kiosk clock fixed at an hour, WIB


def _admin_sets_hours(app, make_user, login, opens: str, closes: str):
    """Through the Settings -> Office form, as the README tells a newcomer to."""
    admin = app.test_client()
    make_user("siti", "admin")
    login("siti", c=admin)
    return post_form(admin, "/admin/settings/office", {**GOOD, "office_open": opens, "office_close": closes})


def test_the_closed_start_screen_tells_staff_where_the_hours_are_set_without_a_link(app, kiosk):
    at_wib(app, 20, 30)
    page = kiosk.client.get("/kiosk/").get_data(as_text=True)
    note = re.search(r"<p[^>]*data-staff-note[^>]*>(.*?)</p>", page, re.S)
    assert note, "a line for staff on the closed screen"
    assert "Admin" in note.group(1) and "Pengaturan → Kantor" in note.group(1), note.group(1)
    assert "/admin" not in page, "no way from the kiosk into staff pages"


def test_the_staff_line_is_in_english_on_an_english_kiosk_and_absent_while_open(app, kiosk):
    at_wib(app, 20, 30)
    page = kiosk.client.get("/kiosk/?lang=en").get_data(as_text=True)
    assert "Settings → Office" in page
    at_wib(app, 10)
    assert "data-staff-note" not in kiosk.client.get("/kiosk/").get_data(as_text=True)


def test_hours_00_00_to_23_59_are_accepted_and_let_a_visit_be_started_late_in_the_evening(
        app, kiosk, make_user, login):
    assert _admin_sets_hours(app, make_user, login, "00:00", "23:59").status_code == 302
    with app.app_context():
        assert (settings.get(db.session, "office_open"), settings.get(db.session, "office_close")) == ("00:00", "23:59")
    for h, m in ((0, 0), (21, 15), (23, 58)):
        at_wib(app, h, m)
        assert "data-office-closed" not in kiosk.client.get("/kiosk/").get_data(as_text=True), (h, m)
        response = kiosk.post_json("/visits", {"validate_only": True})
        assert response.status_code != 409, (h, m, response.json)
