"""Office days and holidays at the kiosk (ux9): on a Saturday, a Sunday or a holiday the Admin entered,
the start screen says the office is closed today (not "outside hours") and names the day it opens
next; the server refuses a new visit with a 409 saying the same; the helpdesk board says why; leaving
works on any day. The kiosk's clock is fixed by each test (KIOSK_CLOCK)."""
from __future__ import annotations

from datetime import date, time

from lpsedesk import settings as office
from lpsedesk.clock import wib_at
from lpsedesk.extensions import db
from tests import factories

from .conftest import entry

SATURDAY, MONDAY, CHRISTMAS = date(2026, 12, 5), date(2026, 12, 7), date(2026, 12, 25)


def at(app, day: date, h: int, m: int = 0) -> None:
    app.config["KIOSK_CLOCK"] = lambda: wib_at(day, time(h, m))


def holidays(app, *rows: dict) -> None:
    with app.app_context():
        office.put(db.session, "holidays", list(rows))
        db.session.commit()


def test_on_a_saturday_at_ten_the_start_screen_says_the_office_is_closed_today_and_opens_on_monday(app, kiosk):
    at(app, SATURDAY, 10)
    page = kiosk.client.get("/kiosk/").get_data(as_text=True)
    assert "Hari ini kantor libur" in page and "tidak buka pada hari Sabtu" in page
    assert "Kantor buka lagi hari Senin, 7 Desember 2026 pukul 07:30 WIB" in page
    assert 'data-action="checkin"' not in page and 'data-action="checkout"' in page


def test_on_a_monday_at_ten_the_kiosk_is_open(app, kiosk):
    at(app, MONDAY, 10)
    page = kiosk.client.get("/kiosk/").get_data(as_text=True)
    assert 'data-action="checkin"' in page and "kantor libur" not in page


def test_a_new_visit_on_a_sunday_is_refused_saying_when_the_office_opens(app, kiosk):
    at(app, date(2026, 12, 6), 10)
    response = kiosk.post_json("/visits", {**entry(), "validate_only": True})
    assert response.status_code == 409 and response.json["state"] == "day_off"
    assert "Minggu" in response.json["message"] and "Senin, 7 Desember 2026" in response.json["message"]


def test_on_a_holiday_the_kiosk_names_the_holiday_and_the_next_office_day(app, kiosk):
    holidays(app, {"date": "2026-12-25", "name": "Hari Raya Natal"})
    at(app, CHRISTMAS, 10)  # a Friday: the next office day is Monday 28 December
    page = kiosk.client.get("/kiosk/").get_data(as_text=True)
    assert "Hari ini kantor libur" in page and "Hari Raya Natal" in page
    assert "Senin, 28 Desember 2026 pukul 07:30 WIB" in page and 'data-action="checkin"' not in page
    response = kiosk.post_json("/visits", {**entry(), "validate_only": True})
    assert response.status_code == 409 and "Hari Raya Natal" in response.json["message"]


def test_the_day_before_a_holiday_after_closing_names_the_day_after_it(app, kiosk):
    holidays(app, {"date": "2026-12-25", "name": "Hari Raya Natal"}, {"date": "2026-12-24", "name": ""})
    at(app, date(2026, 12, 23), 16, 30)  # Wednesday after closing; Thursday and Friday off
    page = kiosk.client.get("/kiosk/").get_data(as_text=True)
    assert "Kantor sudah tutup" in page and "Kantor buka lagi hari Senin, 28 Desember 2026" in page


def test_in_english_the_closed_day_is_said_in_english(app, kiosk):
    kiosk.client.get("/kiosk/?lang=en")
    at(app, SATURDAY, 10)
    page = kiosk.client.get("/kiosk/").get_data(as_text=True)
    assert "The office is closed today" in page and "does not open on Saturday" in page
    assert "opens again on Monday, 7 December 2026 at 07:30 WIB" in page


def test_a_visitor_still_inside_leaves_on_a_holiday(app, kiosk):
    holidays(app, {"date": "2026-12-25", "name": "Hari Raya Natal"})
    with app.app_context():
        ticket = factories.visit("approved").ticket_code
    at(app, CHRISTMAS, 11)
    assert kiosk.post_json(f"/visits/{ticket}/checkout", {}).json["status"] == "checked_out"


def test_the_board_tells_the_helpdesk_the_kiosk_is_closed_for_a_holiday(app, client, make_user, login):
    make_user("dewi", "helpdesk")
    login("dewi")
    holidays(app, {"date": "2026-12-25", "name": "Hari Raya Natal"})
    at(app, CHRISTMAS, 10)
    page = client.get("/admin/board").get_data(as_text=True)
    assert "data-kiosk-closed" in page and "kantor libur (Hari Raya Natal)" in page
    assert "Senin, 28 Desember 2026" in page and "Pengaturan → Kantor" in page
    at(app, SATURDAY, 10)
    assert "kantor libur (Sabtu)" in client.get("/admin/board/fragment").get_data(as_text=True)
    at(app, MONDAY, 10)
    assert "data-kiosk-closed" not in client.get("/admin/board").get_data(as_text=True)
