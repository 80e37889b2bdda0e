"""h25u: the staff screens a Kasubag and the helpdesk use, looked at on a small 360x640 phone in Bahasa
Indonesia: the queue, a visit request's page and a remote-access letter's page with Setujui / Tolak
(the Kasubag), the board of visits in the building and a finished visit's "Laporkan kepada Kasubag"
(the helpdesk). Nothing was found cut, overlapping or out of reach; this holds it so: no sideways
scroll, every control a thumb's size (44 px; a radio button by its label), the Kasubag's two answers
on the first screen, the report done from the phone, axe-clean."""
from __future__ import annotations

from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest, Visit

from .axe import axe_source, violations
from .settle import settled
from .test_staff_flow import close_pages, short_streams, staff_page  # noqa: F401
from .test_staff_screens import busy_day

SMALL_PHONE = {"width": 360, "height": 640}

# The page's width against the screen's, and every shown control smaller than a thumb or past the
# screen's side (a radio button or check box counts by its label, which takes the tap).
LOOK = """() => {
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const targets = [...document.querySelectorAll('header a, header button, nav a, main button, main a[href],'
                   + ' main input:not([type=hidden]), main select, main textarea, main summary')]
    .filter(shown).map(el => ['radio', 'checkbox'].includes(el.type) && el.closest('label') ? el.closest('label') : el);
  const bad = targets.map(el => { const r = el.getBoundingClientRect();
      return {what: (el.innerText || el.name || el.tagName).trim().slice(0, 40), width: r.width, height: r.height,
              left: r.left, right: r.right}; })
    .filter(t => t.width < 44 || t.height < 44 || t.left < -2 || t.right > innerWidth);
  return {sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth, bad};
}"""


def _looked_at(page, name: str) -> None:
    settled(page)
    seen = page.evaluate(LOOK)
    assert seen["sideways"] <= 0, f"{name} scrolls {seen['sideways']} px sideways"
    assert not seen["bad"], f"{name}: controls under 44 px or past the screen's side: {seen['bad']}"
    assert violations(page, axe_source()) == [], name


def _in_the_first_screen(locator, what: str) -> None:
    box = locator.bounding_box()
    assert box, f"{what} is not shown"
    assert box["y"] >= 0 and box["y"] + box["height"] <= SMALL_PHONE["height"], f"{what} out of sight: {box}"
    assert box["x"] >= 0 and box["x"] + box["width"] <= SMALL_PHONE["width"], f"{what} cut at the side: {box}"


def test_the_kasubag_and_the_helpdesk_on_a_360x640_phone(app, live_server, browser, make_user, shot):
    desk_id = make_user("rina", "helpdesk", name="Rina Helpdesk")
    boss_id = make_user("bambang", "kasubag", name="Bambang Wijaya")
    ids = busy_day(app, desk_id, boss_id)
    with app.app_context():
        finished = db.session.scalars(select(Visit).where(Visit.status == "checked_out")
                                      .order_by(Visit.id)).first()
        finished_id, finished_name = finished.id, finished.visitor.full_name
        letter_id = db.session.scalars(select(RemoteAccessRequest.id)).first()
    errors: list[str] = []
    boss = staff_page(browser, live_server, "bambang", SMALL_PHONE, errors)
    desk = staff_page(browser, live_server, "rina", SMALL_PHONE, errors)

    boss.goto(f"{live_server}/admin/queue")
    boss.wait_for_selector(".req.current")
    _looked_at(boss, "queue")
    card = boss.locator(".req.current")
    _in_the_first_screen(card.get_by_role("button", name="Setujui"), "the queue's Setujui")
    _in_the_first_screen(card.locator("summary", has_text="Tolak"), "the queue's Tolak")
    shot(boss, "h25u-staff-queue-360x640", full_page=False)

    for path, name in ((f"/admin/visits/{ids['pending']}", "visit request"), (f"/admin/remote/{letter_id}", "letter")):
        boss.goto(f"{live_server}{path}")
        boss.wait_for_load_state()
        _looked_at(boss, name)
        _in_the_first_screen(boss.get_by_role("button", name="Setujui", exact=True), f"the {name}'s Setujui")
        _in_the_first_screen(boss.locator("main :is(summary, button, a):visible", has_text="Tolak…").first,
                             f"the {name}'s Tolak")
        shot(boss, f"h25u-staff-{name.replace(' ', '-')}-360x640", full_page=False)

    desk.goto(f"{live_server}/admin/board")
    desk.wait_for_selector("[data-live-state].on")
    _looked_at(desk, "board")
    shot(desk, "h25u-staff-board-360x640", full_page=False)
    desk.goto(f"{live_server}/admin/visits/{finished_id}")
    desk.wait_for_load_state()
    _looked_at(desk, "finished visit")
    report = desk.get_by_role("button", name="Laporkan kepada Kasubag")
    report.scroll_into_view_if_needed()
    _in_the_first_screen(report, "Laporkan kepada Kasubag")
    shot(desk, "h25u-staff-report-360x640", full_page=False)
    report.click()
    desk.wait_for_load_state()
    assert f"Kunjungan {finished_name} telah dilaporkan kepada Kasubag" in desk.inner_text("main")
    with app.app_context():
        assert db.session.get(Visit, finished_id).status == "reported"
    close_pages(boss, desk)
    assert not errors, errors
