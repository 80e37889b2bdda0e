"""h38b: the Kasubag's phone (360x640), a server-room request waiting (docs/restricted.md: approved only
with an escort from the staff named). Two frictions at its escort picker:
- its empty choice was a bare "–": it says what to do, "Pilih pendamping…" ("Choose an escort…"), and
  the request still cannot be approved with it, by the page nor by the server;
- the bar's "Pilih pendamping, lalu setujui" moved the focus to the drop-down, but its list stayed shut
  and the Kasubag had to tap again. The list opens within that tap where the browser allows it
  (showPicker); where it does not, the picker still takes the focus, in sight.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from lpsedesk.extensions import db
from lpsedesk.models import Visit

from .settle import settled
from .test_helpdesk_kasubag_stranger_h35k import ESCORT_NEEDED, IN_SIGHT, SIDEWAYS, SMALL, _open_queue, _show
from .test_kasubag_escort_phone_h37e import FIRST, _three_waiting
from .test_staff_flow import close_pages
from .test_staff_phone_stranger import _phone

EMPTY_CHOICE = {"id": "Pilih pendamping…", "en": "Choose an escort…"}

# Each call of showPicker() on a drop-down: which one, whether the user's tap was still live, and what
# the browser answered. `gone` takes showPicker away, as in a browser that has none.
WATCH_PICKER = """(gone) => {
  window.pickerCalls = [];
  const real = HTMLSelectElement.prototype.showPicker;
  if (gone || !real) { delete HTMLSelectElement.prototype.showPicker; return; }
  HTMLSelectElement.prototype.showPicker = function () {
    const call = {name: this.name, tap: navigator.userActivation.isActive, focused: document.activeElement === this};
    window.pickerCalls.push(call);
    try { real.call(this); call.opened = true; } catch (e) { call.opened = e.name; throw e; }
  };
}"""


def _queue(app, browser, live_server, make_user, lang: str, gone: bool = False):
    visit_id = _three_waiting(app, make_user)
    boss = _phone(browser, live_server, "bambang", SMALL)
    errors: list[str] = []
    boss.on("pageerror", lambda exc: errors.append(str(exc)))
    boss.context.add_init_script(f"({WATCH_PICKER})({'true' if gone else 'false'})")
    _open_queue(boss, live_server, lang)
    _show(boss, f"visit-{visit_id}")
    settled(boss)
    card = boss.locator(f'[data-key="visit-{visit_id}"]')
    return boss, card, visit_id, errors


def _pending(app, visit_id: int) -> bool:
    with app.app_context():
        return db.session.get(Visit, visit_id).status == "pending"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_pickers_empty_choice_says_what_to_do_and_cannot_approve(app, live_server, browser, make_user, shot, lang):
    boss, card, visit_id, errors = _queue(app, browser, live_server, make_user, lang)
    picker = card.locator("select[name=escort_id]")
    picker.scroll_into_view_if_needed()
    shot(boss, f"h38b-escort-empty-choice-360-{lang}", full_page=False)
    assert picker.evaluate("(el) => el.selectedOptions[0].textContent.trim()") == EMPTY_CHOICE[lang]
    assert "–" not in picker.evaluate("(el) => [...el.options].map((o) => o.textContent).join('|')")
    # chosen, then the empty choice taken again: the bar asks for an escort, and its tap approves nothing
    picker.select_option(label="Rina Helpdesk")
    picker.select_option(label=EMPTY_CHOICE[lang])
    button = card.locator("[data-decide] button[value=approve]")
    assert button.inner_text().strip() == FIRST[lang]
    button.tap()
    expect(card.locator("[data-escort-error]")).to_have_text(ESCORT_NEEDED[lang])
    # Asserts that something does NOT happen (no approval is sent), so a time: a decision sent from here
    # reaches the database within 500 ms on any machine; a slow one can only hide a fault, not fail.
    boss.wait_for_timeout(500)
    assert card.locator("[data-escort-error]").inner_text().strip() == ESCORT_NEEDED[lang]
    assert _pending(app, visit_id)
    # the form as the page holds it, sent as it stands (as if no script had stopped it): the server refuses
    status = boss.evaluate("""(form) => { const data = new FormData(form);
        data.set('escort_id', ''); data.set('decision', 'approve');
        return fetch(form.action, {method: 'POST', body: data, headers: {'X-Background': '1'}}).then((r) => r.status); }""",
                           card.locator("[data-decide]").element_handle())
    assert status == 400
    assert _pending(app, visit_id)
    assert errors == []
    close_pages(boss)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_bars_tap_opens_the_escort_list_at_once(app, live_server, browser, make_user, shot, lang):
    boss, card, visit_id, errors = _queue(app, browser, live_server, make_user, lang)
    card.get_by_role("button", name=FIRST[lang], exact=True).tap()
    settled(boss)
    shot(boss, f"h38b-escort-list-opened-360-{lang}", full_page=False)
    calls = boss.evaluate("window.pickerCalls")
    assert calls == [{"name": "escort_id", "tap": True, "focused": True, "opened": True}], calls
    picker = card.locator("select[name=escort_id]")
    assert picker.evaluate("(el) => el === document.activeElement")
    assert picker.evaluate(IN_SIGHT)["whole"], lang
    assert _pending(app, visit_id)
    assert boss.evaluate(SIDEWAYS) <= 0 and errors == []
    close_pages(boss)


def test_without_showpicker_the_bars_tap_still_takes_the_kasubag_to_the_picker(
        app, live_server, browser, make_user, shot):
    boss, card, visit_id, errors = _queue(app, browser, live_server, make_user, "id", gone=True)
    card.get_by_role("button", name=FIRST["id"], exact=True).tap()
    settled(boss)
    shot(boss, "h38b-escort-no-showpicker-360", full_page=False)
    picker = card.locator("select[name=escort_id]")
    assert picker.evaluate("(el) => el === document.activeElement"), "the picker did not take the focus"
    seen = picker.evaluate(IN_SIGHT)
    assert seen["whole"] and seen["touched"], seen
    assert card.locator("[data-escort-error]").inner_text().strip() == ESCORT_NEEDED["id"]
    assert _pending(app, visit_id) and errors == []
    close_pages(boss)
