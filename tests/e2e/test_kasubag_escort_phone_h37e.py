"""h37e: the Kasubag's phone (360x640), a server-room request among three waiting. h36e moved the escort
picker out of the sticky decision bar into the card, above it: at 360x640 the picker stands under the
first screen, and the bar said only "Setujui", as on any request. Nothing the Kasubag saw before tapping
said an escort had to be chosen first (docs/restricted.md: the Kasubag approves only after naming an
escort from the staff). The bar's button says so, "Pilih pendamping, lalu setujui", and takes the
Kasubag to the picker; with the escort chosen it says "Setujui" and approves.
"""
from __future__ import annotations

import pytest

from lpsedesk.extensions import db
from lpsedesk.models import User, Visit
from tests.conftest import TEST_PASSWORD

from .axe import axe_source, violations
from .settle import settled
from .test_helpdesk_kasubag_stranger_h35k import ESCORT_NEEDED, IN_SIGHT, SIDEWAYS, SMALL, _show, _waiting
from .test_staff_flow import close_pages
from .test_staff_screens_stranger_h36e import (AGAINST_THE_BAR, PURPOSE, SERVER_ROOM, _kasubag_reads,
                                               _server_room_request)

# The task's words: what the thumb reads on a server-room request before the escort is chosen
FIRST = {"id": "Pilih pendamping, lalu setujui", "en": "Choose an escort, then approve"}
APPROVE = {"id": "Setujui", "en": "Approve"}
ESCORT = "Rina Helpdesk"


def _three_waiting(app, make_user) -> int:
    """Three requests for the Kasubag, the server room's among them: its id."""
    visit_id = _server_room_request(app, make_user)
    with app.app_context():
        _waiting(full_name="Agus Pratama", nik="3373024107900022")
    return visit_id


def _approves_with_rina(app, boss, button, visit_id: int) -> None:
    """Tap `button`: the request leaves the queue, approved with Rina as its escort."""
    button.tap()
    boss.wait_for_function(f"() => !document.querySelector('[data-key=\"visit-{visit_id}\"]')")
    with app.app_context():
        visit = db.session.get(Visit, visit_id)
        rina = db.session.scalars(db.select(User).filter_by(username="rina")).one()
        assert (visit.status, visit.escort_id) == ("approved", rina.id)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_server_room_request_says_in_its_bar_on_the_first_screen_that_an_escort_comes_first(
        app, live_server, browser, make_user, shot, lang):
    visit_id = _three_waiting(app, make_user)
    boss = _kasubag_reads(browser, live_server, SMALL, lang, f"visit-{visit_id}")
    shot(boss, f"h37e-server-room-bar-360-{lang}", full_page=False)
    card = boss.locator(f'[data-key="visit-{visit_id}"]')
    button = card.locator("[data-decide] button[value=approve]")
    assert button.inner_text().strip() == FIRST[lang], lang
    seen = button.evaluate(IN_SIGHT)
    assert seen["whole"] and seen["touched"], f"{lang}: the bar's button is not in sight: {seen}"
    # What the Kasubag decides on stays readable above the bar (h36e)
    for what, element in {"name": card.locator(".reqhead .name"),
                          "purpose": card.locator(".facts dd", has_text=PURPOSE[lang]),
                          "area": card.locator(".facts dd", has_text=SERVER_ROOM[lang])}.items():
        seen = element.evaluate(IN_SIGHT)
        assert seen["whole"] and seen["touched"], f"{lang}: the {what} is out of sight or covered: {seen}"
        edge = element.evaluate(AGAINST_THE_BAR)
        assert edge["bottom"] <= edge["bar"] + 0.5, f"{lang}: the {what} runs under the decision bar: {edge}"
    # An ordinary request's bar still says Approve
    boss.locator("[data-queue-tools] [data-step-by='1']").tap()
    settled(boss)
    other = boss.locator(".req.current [data-decide] button[value=approve]")
    assert other.inner_text().strip() == APPROVE[lang], lang
    boss.locator("[data-queue-tools] [data-step-by='-1']").tap()
    settled(boss)
    assert boss.evaluate(SIDEWAYS) <= 0, lang
    assert violations(boss, axe_source()) == [], lang
    close_pages(boss)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_bar_takes_the_kasubag_to_the_picker_and_approves_with_the_escort_chosen(
        app, live_server, browser, make_user, shot, lang):
    visit_id = _three_waiting(app, make_user)
    boss = _kasubag_reads(browser, live_server, SMALL, lang, f"visit-{visit_id}")
    card = boss.locator(f'[data-key="visit-{visit_id}"]')
    button = card.locator("[data-decide] button[value=approve]")
    card.get_by_role("button", name=FIRST[lang], exact=True).tap()
    settled(boss)
    shot(boss, f"h37e-server-room-picker-360-{lang}", full_page=False)
    picker = card.locator("select[name=escort_id]")
    assert picker.evaluate("(el) => el === document.activeElement"), f"{lang}: the picker did not take the focus"
    seen = picker.evaluate(IN_SIGHT)
    assert seen["whole"] and seen["touched"], f"{lang}: the picker is not in sight: {seen}"
    assert seen["height"] >= 44, f"{lang}: the picker is a {seen['height']} px target"
    said = card.locator("[data-escort-error]")
    assert said.inner_text().strip() == ESCORT_NEEDED[lang]
    assert said.evaluate(IN_SIGHT)["whole"], lang
    assert button.inner_text().strip() == FIRST[lang], f"{lang}: the button changed before an escort was chosen"
    with app.app_context():
        assert db.session.get(Visit, visit_id).status == "pending"

    picker.select_option(label=ESCORT)
    settled(boss)
    assert button.inner_text().strip() == APPROVE[lang], f"{lang}: the button still asks for an escort"
    assert said.inner_text().strip() == "", lang
    shot(boss, f"h37e-server-room-chosen-360-{lang}", full_page=False)
    assert boss.evaluate(SIDEWAYS) <= 0, lang
    assert violations(boss, axe_source()) == [], lang
    _approves_with_rina(app, boss, button, visit_id)
    close_pages(boss)


def test_an_escort_chosen_before_the_session_ended_is_still_chosen_after_logging_in_again(
        app, live_server, browser, make_user, shot):
    # The escort chosen, the phone put down, the session ended meanwhile: Approve leads to the login page,
    # and back on the queue the choice is still there, as a refusal's half-typed reason is (h21u).
    visit_id = _three_waiting(app, make_user)
    boss = _kasubag_reads(browser, live_server, SMALL, "id", f"visit-{visit_id}")
    boss.locator(f'[data-key="visit-{visit_id}"] select[name=escort_id]').select_option(label=ESCORT)
    boss.context.clear_cookies()
    boss.locator(f'[data-key="visit-{visit_id}"] [data-decide] button[value=approve]').tap()
    boss.wait_for_url("**/admin/login**")
    boss.fill("input[name=username]", "bambang")
    boss.fill("input[name=password]", TEST_PASSWORD)
    boss.click("button[type=submit]")
    boss.wait_for_url("**/admin/queue**")
    _show(boss, f"visit-{visit_id}")
    settled(boss)
    shot(boss, "h37e-escort-kept-after-login-360", full_page=False)
    card = boss.locator(f'[data-key="visit-{visit_id}"]')
    picker = card.locator("select[name=escort_id]")
    assert picker.evaluate("(el) => el.selectedOptions[0].textContent.trim()") == ESCORT
    button = card.locator("[data-decide] button[value=approve]")
    assert button.inner_text().strip() == APPROVE["id"]
    with app.app_context():
        assert db.session.get(Visit, visit_id).status == "pending"
    _approves_with_rina(app, boss, button, visit_id)
    # decided: nothing of it is kept in the tab
    assert boss.evaluate("() => Object.keys(sessionStorage).filter((k) => k.startsWith('lpsedesk.escort.'))") == []
    close_pages(boss)
