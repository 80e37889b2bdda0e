"""h39d: the Kasubag and the helpdesk on a 360 px phone, walked as strangers (docs/staff.md, "Phone walk,
6 December (h39d)").

- A request whose original KTP the helpdesk has not checked (SOP 1 checks it before the Kasubag is asked;
  with "KTP first" off it reaches the queue anyway): at 360x640 the only word of it stood under the
  facts, below the sticky decision bar, while "Setujui" sat on the first screen. The card says it under
  the name, above the bar, where the thumb decides.
- A decision under way when the session ended (a reason tapped, an escort chosen): back from the login
  page the phone's queue showed 1 / 3, another visitor, the kept reason or escort two taps away and
  nothing saying the refusal had not been sent. The queue comes back on that request, its panel open.
"""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from lpsedesk.extensions import db
from lpsedesk.models import Visit
from tests import factories
from tests.conftest import TEST_PASSWORD

from .axe import axe_source, violations
from .settle import settled
from .test_helpdesk_kasubag_stranger_h35k import IN_SIGHT, PHONES, SIDEWAYS, SMALL, _show
from .test_staff_flow import close_pages
from .test_staff_screens_stranger_h36e import AGAINST_THE_BAR, _kasubag_reads, _server_room_request

# The task's words: what the Kasubag must read before approving someone the desk has not identified
UNCHECKED = {"id": "KTP asli belum diperiksa helpdesk", "en": "Original KTP not yet checked by the helpdesk"}


def _unchecked_among_three(app, make_user) -> int:
    """Three waiting (one for the server room, one checked), the third's KTP unchecked: its id."""
    _server_room_request(app, make_user)
    with app.app_context():
        return factories.visit("pending", submitted_at=datetime.now(timezone.utc), ktp_checked_at=None,
                               signature_key="sig/2026/12/" + "u" * 20,
                               visitor=factories.visitor(full_name="Joko Belum Diperiksa", nik="3373024107900033")).id


@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_unchecked_ktp_is_said_on_the_first_screen_above_approve(app, live_server, browser, make_user, shot, lang):
    visit_id = _unchecked_among_three(app, make_user)
    for viewport in PHONES:
        where = f"{viewport['width']}x{viewport['height']} ({lang})"
        boss = _kasubag_reads(browser, live_server, viewport, lang, f"visit-{visit_id}")
        shot(boss, f"h39d-ktp-unchecked-{viewport['width']}-{lang}", full_page=False)
        card = boss.locator(f'[data-key="visit-{visit_id}"]')
        said = card.locator("[data-ktp-unchecked]")
        assert said.inner_text().strip() == UNCHECKED[lang], where
        seen = said.evaluate(IN_SIGHT)
        assert seen["whole"] and seen["touched"], f"{where}: the unchecked KTP is not on the first screen: {seen}"
        edge = said.evaluate(AGAINST_THE_BAR)
        assert edge["bottom"] <= edge["bar"] + 0.5, f"{where}: it runs under the decision bar: {edge}"
        assert said.evaluate("(el) => parseFloat(getComputedStyle(el).fontSize)") >= 16, where
        # said once on the card, not again further down
        assert card.get_by_text(UNCHECKED[lang], exact=True).count() == 1, where
        # a request the desk has checked says nothing of the kind
        _show(boss, f"visit-{visit_id - 1}")
        assert boss.locator(".req.current [data-ktp-unchecked]").count() == 0, where
        assert boss.evaluate(SIDEWAYS) <= 0, where
        assert violations(boss, axe_source()) == [], where
        close_pages(boss)


def _signs_in_again(page, live_server) -> None:
    """The login page the ended session led to; back on the queue afterwards."""
    page.wait_for_url("**/admin/login**")
    page.fill("input[name=username]", "bambang")
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/queue**")
    settled(page)


def test_a_refusal_cut_off_by_the_ended_session_comes_back_on_screen_with_its_reason(
        app, live_server, browser, make_user, shot):
    # Joko is third of three; the Kasubag taps a reason and "Tolak dengan alasan ini" after the session
    # ended (only the session cookie gone, as a browser drops it when it expires). Back from the login
    # page the queue showed 1 / 3, another visitor, and nothing of the refusal that was not sent.
    visit_id = _unchecked_among_three(app, make_user)
    boss = _kasubag_reads(browser, live_server, SMALL, "id", f"visit-{visit_id}")
    card = boss.locator(f'[data-key="visit-{visit_id}"]')
    card.locator("details.refuse summary").tap()
    card.locator(".chip").first.tap()
    reason = card.locator("textarea[name=reason]").input_value()
    assert reason
    boss.context.clear_cookies(name="session")
    card.get_by_role("button", name="Tolak dengan alasan ini", exact=True).tap()
    _signs_in_again(boss, live_server)
    shot(boss, "h39d-refusal-kept-after-login-360", full_page=False)
    card = boss.locator(f'[data-key="visit-{visit_id}"]')
    assert boss.locator(".req.current").get_attribute("data-key") == f"visit-{visit_id}", \
        "the queue came back on another request than the refusal under way"
    assert boss.locator("[data-queue-tools]").inner_text().replace(" ", "").find("3/3") >= 0
    assert card.locator("textarea[name=reason]").input_value() == reason
    said = card.locator(".refuse-who")
    assert "Joko Belum Diperiksa" in said.inner_text()
    seen = said.evaluate(IN_SIGHT)
    assert seen["whole"] and seen["touched"], f"whose refusal it is, out of sight: {seen}"
    send = card.get_by_role("button", name="Tolak dengan alasan ini", exact=True)
    assert send.evaluate(IN_SIGHT)["whole"]
    with app.app_context():
        assert db.session.get(Visit, visit_id).status == "pending"
    send.tap()
    boss.wait_for_function(f"() => !document.querySelector('[data-key=\"visit-{visit_id}\"]')")
    with app.app_context():
        visit = db.session.get(Visit, visit_id)
        assert (visit.status, visit.decision_reason) == ("denied", reason)
    close_pages(boss)


def test_an_escort_chosen_before_the_session_ended_brings_its_request_back_on_screen(
        app, live_server, browser, make_user, shot):
    # Newest first, the server-room request (the oldest) is 3 of 3: after the login the queue showed
    # 1 / 3 (h37e's test stepped to it); it comes back on screen, Rina chosen, its bar saying "Setujui".
    _unchecked_among_three(app, make_user)
    with app.app_context():
        wahyu = db.session.scalars(db.select(Visit).filter_by(facility="server_room")).one().id
    boss = _kasubag_reads(browser, live_server, SMALL, "id", f"visit-{wahyu}")
    boss.locator("[data-order=newest]").tap()
    _show(boss, f"visit-{wahyu}")
    card = boss.locator(f'[data-key="visit-{wahyu}"]')
    card.locator("select[name=escort_id]").select_option(label="Rina Helpdesk")
    boss.context.clear_cookies(name="session")
    card.locator("[data-decide] button[value=approve]").tap()
    _signs_in_again(boss, live_server)
    shot(boss, "h39d-escort-kept-after-login-360", full_page=False)
    assert boss.locator(".req.current").get_attribute("data-key") == f"visit-{wahyu}", \
        "the queue came back on another request than the one whose escort was chosen"
    card = boss.locator(f'[data-key="visit-{wahyu}"]')
    button = card.locator("[data-decide] button[value=approve]")
    assert button.inner_text().strip() == "Setujui"
    assert button.evaluate(IN_SIGHT)["whole"]
    with app.app_context():
        assert db.session.get(Visit, wahyu).status == "pending"
    close_pages(boss)


# Whether each line of the current request in sight is what a finger there touches (the bar over none)
COVERED_LINES = """() => { const card = document.querySelector('.req.current'); const out = [];
  for (const el of card.querySelectorAll('.reqhead .name, .restricted-mark, .facts dd, [data-ktp-unchecked], select[name=escort_id]')) {
    // h40p: a line less than 2 px inside the screen's edge is probed beside it, not on it
    const r = el.getBoundingClientRect(); if (r.bottom <= 2 || r.top >= innerHeight - 2) continue;
    for (const y of [Math.max(r.top + 2, 1), Math.min(r.bottom - 2, innerHeight - 1)]) {
      const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 20), y);
      // h40p: no element at all is the probe falling outside the screen (a line 2 px inside its edge), not a bar
      if (hit && !(el === hit || el.contains(hit))) { out.push(el.textContent.trim().slice(0, 40)); break; } } }
  return out; }"""


def test_turned_sideways_the_bar_never_lies_over_the_request_it_decides(app, live_server, browser, make_user, shot):
    # 640x360: the first screen held the header and the queue's tools, and the sticky bar under them
    # asked to choose an escort and approve with no name in sight; scrolling, it lay over each line.
    _unchecked_among_three(app, make_user)
    page = browser.new_context(viewport={"width": 640, "height": 360}, has_touch=True, is_mobile=True,
                               device_scale_factor=2).new_page()
    page.goto(f"{live_server}/admin/login")
    page.fill("input[name=username]", "bambang")
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server}/admin/queue?lang=id")
    settled(page)
    shot(page, "h39d-sideways-queue-640x360", full_page=False)
    for step in range(3):
        page.evaluate("scrollTo(0, 0)")
        settled(page)
        card = page.locator(".req.current")
        height = page.evaluate("document.scrollingElement.scrollHeight")
        for y in range(0, height, 90):
            page.evaluate(f"scrollTo(0, {y})")
            assert page.evaluate(COVERED_LINES) == [], f"request {step + 1}, scrolled {y} px: the bar lies over these lines"
        button = card.locator("[data-decide] button[value=approve]")
        button.evaluate("(el) => el.scrollIntoView({block: 'center'})")
        seen = button.evaluate(IN_SIGHT)
        assert seen["whole"] and seen["touched"], f"request {step + 1}: Approve cannot be reached: {seen}"
        assert page.evaluate(SIDEWAYS) <= 0
        page.locator("[data-queue-tools] [data-step-by='1']").tap()
        settled(page)
    close_pages(page)
