"""h25b: the helpdesk's next duties on a 360x640 phone, in Bahasa Indonesia. SOP 1 ends with the
helpdesk reporting the finished visit to the Kasubag, yet on a phone "Perlu dilaporkan kepada Kasubag"
began some 1,700 px down the board, under the evacuation, live and sound controls and the visitors
inside and waiting. A summary at the board's top names each duty with its count, each a link to its
section: in sight on the first screen, a thumb's size, and "perlu dilaporkan" brings the first
"Laporkan kepada Kasubag" into view with the keyboard's focus on that section's heading. No sideways
scroll, axe-clean. The desk PC (1366x768) is looked at too."""
from __future__ import annotations

from datetime import date, time

from lpsedesk.clock import wib_at

from .settle import settled
from .test_staff_flow import close_pages, short_streams, staff_page  # noqa: F401
from .test_staff_phone_360x640_h25u import SMALL_PHONE, _in_the_first_screen, _looked_at
from .test_staff_screens import busy_day

DESK_PC = {"width": 1366, "height": 768}


def test_the_helpdesk_reaches_the_visits_to_report_from_the_top_of_the_board_on_a_phone(
        app, live_server, browser, make_user, shot):
    desk_id = make_user("rina", "helpdesk", name="Rina Helpdesk")
    boss_id = make_user("bambang", "kasubag", name="Bambang Wijaya")
    busy_day(app, desk_id, boss_id)  # two finished visits to report, two inside, two waiting
    errors: list[str] = []
    desk = staff_page(browser, live_server, "rina", SMALL_PHONE, errors)
    desk.goto(f"{live_server}/admin/board")
    desk.wait_for_selector("[data-live-state].on")
    _looked_at(desk, "board")
    duties = desk.get_by_role("navigation", name="Tugas helpdesk berikutnya")
    to_report = duties.get_by_role("link", name="2 perlu dilaporkan")
    # h26u: of the two requests, Agus's KTP is unchecked: the desk's to check, not yet the Kasubag's to decide
    for name in ("1 KTP perlu diperiksa", "2 perlu dilaporkan", "1 menunggu keputusan", "2 di dalam"):
        _in_the_first_screen(duties.get_by_role("link", name=name), f"the summary's {name!r}")
    shot(desk, "h25b-board-top-360x640", full_page=False)

    to_report.click()
    settled(desk)
    section = desk.locator("[data-part=report]")
    first_report = section.get_by_role("button", name="Laporkan kepada Kasubag").first
    _in_the_first_screen(first_report, "the first Laporkan kepada Kasubag")
    # keyboard and screen-reader users land where the eye does: on the section's heading
    assert desk.evaluate("document.activeElement.id") == "to-report"
    assert desk.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    shot(desk, "h25b-board-to-report-360x640", full_page=False)
    shot(desk, "h25b-board-full-360x640", full_page=True)

    pc = staff_page(browser, live_server, "rina", DESK_PC, errors)
    pc.goto(f"{live_server}/admin/board")
    pc.wait_for_selector("[data-live-state].on")
    _looked_at(pc, "board at 1366x768")
    box = pc.get_by_role("link", name="2 perlu dilaporkan").bounding_box()
    assert box and 0 <= box["y"] and box["y"] + box["height"] <= DESK_PC["height"], box
    shot(pc, "h25b-board-1366x768", full_page=False)
    close_pages(desk, pc)
    assert not errors, errors


def test_on_a_saturday_morning_the_visitors_to_follow_up_come_first_on_a_phone(
        app, live_server, browser, make_user, shot):
    """07:00 WIB on Saturday 5 December 2026, a day off: the two visitors inside are to be found; the
    summary names them first, above the kiosk's closed notice, and their box says the office is closed
    today, not that closing time has passed."""
    desk_id = make_user("rina", "helpdesk", name="Rina Helpdesk")
    busy_day(app, desk_id, make_user("bambang", "kasubag", name="Bambang Wijaya"))
    app.config["KIOSK_CLOCK"] = lambda: wib_at(date(2026, 12, 5), time(7))
    errors: list[str] = []
    desk = staff_page(browser, live_server, "rina", SMALL_PHONE, errors)
    desk.goto(f"{live_server}/admin/board")
    desk.wait_for_selector("[data-live-state].on")
    _looked_at(desk, "board on a day off")
    follow = desk.get_by_role("navigation", name="Tugas helpdesk berikutnya").get_by_role("link").first
    assert " ".join(follow.inner_text().split()) == "2 perlu ditindaklanjuti"
    _in_the_first_screen(follow, "the summary's follow-up")
    shot(desk, "h25b-board-day-off-360x640", full_page=False)
    follow.click()
    settled(desk)
    heading = desk.locator("#follow-up")
    assert heading.inner_text().startswith("Hari ini kantor libur: masih di dalam")
    _in_the_first_screen(heading, "the follow-up's heading")
    assert desk.evaluate("document.activeElement.id") == "follow-up"
    shot(desk, "h25b-board-day-off-follow-up-360x640", full_page=False)
    close_pages(desk)
    assert not errors, errors
