"""h31k: the staff screens at 320 CSS px wide: what a 1280 px screen shows at 400 % zoom (WCAG 1.4.10,
reflow) and what an elderly Kasubag's phone with large text shows. The Kasubag's queue, a visit
request's and a remote-access letter's page with Setujui / Tolak, the helpdesk board, the remote
register (Formulir) and the login page: none scrolls sideways, nothing stands past the screen's sides
or is cut by its box, and the queue's "next in the queue" stays whole (it was cut in half at the
card's edge in Indonesian: the queue's tools ran 19 px past the card). A letter opened by the Kasubag
shows who asks, the facts, the end date with its hints and the decision's bar with nothing under the
bar (56 px of the hint were, in Indonesian; 72 in English). Indonesian and English."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest

from .axe import axe_source, violations
from .settle import settled
from .test_staff_flow import close_pages, short_streams, staff_page  # noqa: F401
from .test_staff_phone_edges_h30p import UNDER_THE_BAR, _registers
from .test_staff_screens import busy_day

pytestmark = pytest.mark.layout

NARROW = {"width": 320, "height": 640}

# The page's sideways scroll; every shown element past the screen's sides (a visually hidden one, kept
# for screen readers, aside); every box that cuts what is inside it sideways.
REFLOW = """() => {
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const hiddenForEyes = (el) => { for (let e = el; e; e = e.parentElement) { const r = e.getBoundingClientRect();
    if (r.width <= 1 && r.height <= 1 && getComputedStyle(e).overflow !== 'visible') return true; } return false; };
  const what = (el) => (el.tagName + ' ' + (el.innerText || el.getAttribute('aria-label') || '').trim()).slice(0, 40);
  const past = [], cut = [];
  for (const el of document.querySelectorAll('body *')) {
    if (!shown(el) || hiddenForEyes(el)) continue;
    const r = el.getBoundingClientRect();
    // a link's tap area may reach 2 px past its text's column (staff.css, 44 px targets)
    if (r.right > innerWidth + 0.5 || r.left < -2.5) past.push({what: what(el), left: Math.round(r.left), right: Math.round(r.right)});
    const cs = getComputedStyle(el);
    if (cs.overflowX !== 'visible' && el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1)
      cut.push({what: what(el), inside: el.scrollWidth, shown: el.clientWidth});
  }
  return {sideways: document.scrollingElement.scrollWidth - innerWidth, past, cut};
}"""


def _reflows(page, name: str) -> None:
    settled(page)
    seen = page.evaluate(REFLOW)
    assert seen["sideways"] <= 0, f"{name} scrolls {seen['sideways']} px sideways"
    assert not seen["past"], f"{name}: past the screen's side: {seen['past']}"
    assert not seen["cut"], f"{name}: cut by its box: {seen['cut']}"
    assert violations(page, axe_source()) == [], name


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_staff_screens_reflow_at_320_css_px(app, live_server, browser, make_user, shot, short_streams, lang):
    desk_id = make_user("rina", "helpdesk", name="Rina Helpdesk")
    boss_id = make_user("bambang", "kasubag", name="Bambang Wijaya")
    admin_id = make_user("sinta", "admin", name="Sinta Admin")
    ids = busy_day(app, desk_id, boss_id)
    _registers(app, admin_id)
    with app.app_context():
        letter = db.session.scalars(select(RemoteAccessRequest.id)
                                    .where(RemoteAccessRequest.status == "received")).first()
    errors: list[str] = []
    stranger = browser.new_context(viewport=NARROW).new_page()
    stranger.goto(f"{live_server}/admin/login?lang={lang}")
    _reflows(stranger, "the login page")
    shot(stranger, f"h31k-staff-login-320-{lang}", full_page=False)
    boss = staff_page(browser, live_server, "bambang", NARROW, errors)
    desk = staff_page(browser, live_server, "rina", NARROW, errors)
    admin = staff_page(browser, live_server, "sinta", NARROW, errors)

    boss.goto(f"{live_server}/admin/queue?lang={lang}")
    boss.wait_for_selector(".req.current")
    _reflows(boss, "the Kasubag's queue")
    shot(boss, f"h31k-staff-queue-320-{lang}", full_page=False)
    card = boss.locator("[data-queue]").bounding_box()
    for button in boss.locator("[data-queue-tools] button").all():
        box = button.bounding_box()
        assert card["x"] <= box["x"] and box["x"] + box["width"] <= card["x"] + card["width"], \
            f"{button.get_attribute('aria-label') or button.inner_text()} is cut at the card's edge: {box}, card {card}"

    for page, path, name in ((boss, f"/admin/visits/{ids['pending']}", "a visit request"),
                             (boss, f"/admin/remote/{letter}", "a remote-access letter"),
                             (desk, "/admin/board", "the helpdesk board"),
                             (admin, "/admin/remote/form", "the Formulir")):
        page.goto(f"{live_server}{path}?lang={lang}")
        page.wait_for_load_state()
        _reflows(page, name)
        shot(page, f"h31k-staff-{name.split()[-1]}-320-{lang}", full_page=False)

    boss.goto(f"{live_server}/admin/remote/{letter}?lang={lang}")  # opened as from a link in a chat
    boss.wait_for_load_state()
    settled(boss)
    seen = boss.evaluate(UNDER_THE_BAR)
    shot(boss, f"h31k-staff-letter-opened-320-{lang}", full_page=False)
    assert not seen["covered"], f"under the bar {seen['bar']} as the letter opens: {seen['covered']}"
    assert boss.locator("#next-step .decide-context dt").first.bounding_box()["y"] >= 0, "who asks is off the screen"
    close_pages(stranger, boss, desk, admin)
    assert not errors, errors
