"""h26u: the helpdesk board on a 360x640 phone, in Bahasa Indonesia and English.

- The helpdesk's next duty is the first thing under the board's heading: the summary stood under the
  evacuation list, "Langsung" and the sound button, its first chip half a screen down.
- SOP 1: the visitor shows a valid KTP and the helpdesk then asks the Kasubag. A request whose original
  KTP the desk has not checked is the desk's own next step: it counts under "KTP perlu diperiksa", not
  under "menunggu keputusan" (the busy day has one of each), and that chip leads to its "KTP asli sesuai".
- The live refresh still works with the controls below the summary: a new kiosk request raises the
  count without a reload, and "Langsung" stays on.
No sideways scroll, 44 px targets, axe-clean. The desk PC (1366x768) is looked at too."""
from __future__ import annotations


import pytest

from .settle import settled
from .test_staff_flow import WAIT, close_pages, kiosk_submission, short_streams, staff_page  # noqa: F401
from .test_staff_phone_360x640_h25u import SMALL_PHONE, _in_the_first_screen, _looked_at
from .test_staff_screens import busy_day

DESK_PC = {"width": 1366, "height": 768}
WORDS = {"id": {"duties": "Tugas helpdesk berikutnya", "check": "KTP perlu diperiksa", "waiting": "menunggu keputusan",
                "report": "perlu dilaporkan", "inside": "di dalam", "matches": "KTP asli sesuai",
                "evacuation": "Daftar evakuasi"},
         "en": {"duties": "The helpdesk’s next duties", "check": "KTP to check", "waiting": "waiting for a decision",
                "report": "to report", "inside": "inside", "matches": "Original KTP matches",
                "evacuation": "Evacuation list"}}


def _top(locator) -> float:
    box = locator.bounding_box()
    assert box, locator
    return box["y"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_ktp_to_check_is_the_desks_first_duty_on_a_phone(app, live_server, browser, make_user, shot, lang):
    desk_id = make_user("rina", "helpdesk", name="Rina Helpdesk")
    busy_day(app, desk_id, make_user("bambang", "kasubag", name="Bambang Wijaya"))  # Dewi's KTP checked, Agus's not
    w = WORDS[lang]
    errors: list[str] = []
    desk = staff_page(browser, live_server, "rina", SMALL_PHONE, errors)
    desk.goto(f"{live_server}/admin/board?lang={lang}")
    desk.wait_for_selector("[data-live-state].on")
    _looked_at(desk, f"board ({lang})")
    duties = desk.get_by_role("navigation", name=w["duties"])
    check = duties.get_by_role("link", name=f"1 {w['check']}")
    for name in (f"1 {w['check']}", f"2 {w['report']}", f"1 {w['waiting']}", f"2 {w['inside']}"):
        _in_the_first_screen(duties.get_by_role("link", name=name), f"the summary's {name!r}")
    # the next duty first under the heading: the evacuation list and the live controls come after it
    assert _top(duties) < _top(desk.get_by_role("link", name=w["evacuation"]))
    assert _top(duties) < _top(desk.locator("[data-live-state]"))
    # The summary's first chip stands at the top. Between 00:00 and ~01:40 WIB the busy day's visitors let in
    # 50-95 minutes ago were let in on an earlier day, and "perlu ditindaklanjuti" rightly comes first (seen on
    # a run at 00:46 WIB); the KTP chip then follows it, still in the first screen (checked above).
    assert _top(duties.get_by_role("link").first) < 200, "the first duty is not at the top of the screen"
    shot(desk, f"h26u-board-top-360x640-{lang}", full_page=False)

    check.click()
    settled(desk)
    assert desk.evaluate("document.activeElement.id") == "check-ktp"
    to_check = desk.locator("[data-part=check-ktp]")
    assert "Agus Saputra" in to_check.inner_text() and "Dewi Lestari" not in to_check.inner_text()
    waiting = desk.locator("[data-part=pending]")
    assert "Dewi Lestari" in waiting.inner_text() and "Agus Saputra" not in waiting.inner_text()
    _in_the_first_screen(to_check.get_by_role("button", name=w["matches"]).first, f"Agus's {w['matches']!r}")
    shot(desk, f"h26u-board-check-ktp-360x640-{lang}", full_page=False)

    # a new request from the kiosk arrives live: its KTP is the desk's to check, not the Kasubag's yet
    kiosk_submission(app, "Wulan Sari")
    desk.get_by_role("link", name=f"2 {w['check']}").wait_for(timeout=WAIT)
    assert "Wulan Sari" in to_check.inner_text()
    # The live controls ride in the refreshed fragment: the page's own "Langsung" must survive the
    # refresh (a fresh copy from the server says "Menghubungkan..." for good). Waited for, not read at
    # once: under load the event stream may reconnect for a moment (failed once so on PostgreSQL).
    desk.wait_for_selector("[data-live-state].on", timeout=WAIT)
    assert desk.locator("[data-live-state]").count() == 1
    duties.get_by_role("link", name=f"1 {w['waiting']}").wait_for()
    shot(desk, f"h26u-board-full-360x640-{lang}", full_page=True)

    pc = staff_page(browser, live_server, "rina", DESK_PC, errors)
    pc.goto(f"{live_server}/admin/board?lang={lang}")
    pc.wait_for_selector("[data-live-state].on")
    _looked_at(pc, f"board at 1366x768 ({lang})")
    shot(pc, f"h26u-board-1366x768-{lang}", full_page=False)
    close_pages(desk, pc)
    assert not errors, errors
