"""h25b: the board's follow-up of visitors still inside says what is true at the hour it is read. A
browser test at 07:00 WIB on a Saturday showed "Sudah lewat jam tutup: masih di dalam" (after closing
time): on a day off the office never opened, and before opening on an office day it has not closed
yet. Each test fixes the office-hours clock (KIOSK_CLOCK); the office keeps its default hours
(07:30-16:00 WIB, Monday to Friday). Saturday 5 December 2026; Friday the 4th; Monday the 7th."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from lpsedesk.clock import wib_at

from .. import factories

FRIDAY, SATURDAY, MONDAY = date(2026, 12, 4), date(2026, 12, 5), date(2026, 12, 7)
AFTER_CLOSING = "Sudah lewat jam tutup: masih di dalam"


@pytest.fixture
def desk(app, client, make_user, login):
    """The helpdesk signed in; `desk(day, hour)` reads the board with the office-hours clock at that WIB hour."""
    make_user("rina", "helpdesk")
    login("rina")

    def board_at(day: date, hour: int, minute: int = 0) -> str:
        app.config["KIOSK_CLOCK"] = lambda: wib_at(day, time(hour, minute))
        return client.get("/admin/board").get_data(as_text=True)
    return board_at


def let_in(app, at: datetime, name: str) -> None:
    with app.app_context():
        factories.visit("approved", visitor=factories.visitor(full_name=name), decided_at=at,
                        approved_until=at + timedelta(hours=2), signature_key="sig/2026/12/" + "s" * 20)


def test_on_a_saturday_morning_a_visitor_left_from_friday_is_a_day_off_follow_up_not_after_closing(app, desk):
    let_in(app, wib_at(FRIDAY, time(14)), "Tamu Dari Jumat")
    page = desk(SATURDAY, 7)
    assert AFTER_CLOSING not in page
    assert "Hari ini kantor libur: masih di dalam" in page and "Tamu Dari Jumat" in page
    assert "sejak 04/12/2026 14:00 WIB" in page  # since when, with its day


def test_before_opening_a_visitor_still_inside_from_an_earlier_day_is_listed_as_such(app, desk):
    let_in(app, wib_at(FRIDAY, time(15)), "Tamu Sejak Jumat")
    page = desk(MONDAY, 7)
    assert AFTER_CLOSING not in page
    assert "Masih di dalam sejak hari sebelumnya" in page
    assert "perlu ditindaklanjuti" in page  # the summary names it first


def test_in_office_hours_only_visitors_from_an_earlier_day_need_a_follow_up(app, desk):
    let_in(app, wib_at(MONDAY, time(9)), "Tamu Pagi Ini")
    page = desk(MONDAY, 10)
    assert 'data-key="follow-up"' not in page and "perlu ditindaklanjuti" not in page
    let_in(app, wib_at(FRIDAY, time(9)), "Tamu Lupa Keluar")
    page = desk(MONDAY, 10)
    assert "Masih di dalam sejak hari sebelumnya" in page and "Tamu Lupa Keluar" in page


def test_after_closing_on_an_office_day_everyone_inside_is_after_closing_time(app, desk):
    let_in(app, wib_at(MONDAY, time(15)), "Tamu Sore")
    page = desk(MONDAY, 16, 30)
    assert AFTER_CLOSING in page and "Tamu Sore" in page


def test_the_follow_up_headings_and_the_summary_in_english(app, client, desk):
    client.get("/admin/board?lang=en")
    let_in(app, wib_at(FRIDAY, time(14)), "Tamu Dari Jumat")
    assert "The office is closed today: still inside" in desk(SATURDAY, 7)
    monday = desk(MONDAY, 7)
    assert "Still inside since an earlier day" in monday
    assert "<b>1</b> to follow up" in monday and "<b>0</b> to report" in monday and "<b>0</b> waiting for a decision" in monday
    assert "After closing time: still inside" in desk(FRIDAY, 16, 5)
