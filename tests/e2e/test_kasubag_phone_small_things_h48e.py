"""h48e: the Kasubag's phone, four things a person stumbled on (docs/staff.md).

1. The line that says an invitation was decided early rode at the screen's top over the card that had moved up
   under it (its name hidden at 320x568), and over every card she scrolled past after it.
2. At 320x568 the open refusal's Batal / Tolak buttons lay over the bottom of the reason box: typing a reason,
   its last line was hidden under them; with the on-screen keyboard (320x300) too.
3. "Keluar akun" signed out at one touch: a stray tap beside the language switch lost her place. On a touch
   screen it now asks first; the keyboard and a screen reader answer it as well; a mouse signs out at once.
4. The sound button took two lines (56 px) beside the live state at 320 px, pushing the queue down."""
from __future__ import annotations

from pathlib import Path

import pytest

from .axe import axe_source, violations
from .settle import settled
from .test_kasubag_invitation_decided_in_place_h46h import _invite
from .test_staff_flow import close_pages, kiosk_submission, short_streams  # noqa: F401 (a fixture)
from .test_staff_phone_people_h47d import kasubag_queue
from .test_staff_phone_stranger import SIDEWAYS, _phone

SHOTS = Path("/tmp/h48e")
PHONES = [{"width": 360, "height": 740}, {"width": 320, "height": 568}]
# What of the invitations' cards lies under the line that says what was decided (px, the largest overlap)
UNDER_THE_LINE = """() => { const line = document.querySelector('[data-invitations-said]').getBoundingClientRect();
  return Math.max(0, ...[...document.querySelectorAll('.inv-req')].map((c) => c.getBoundingClientRect())
    .map((c) => Math.min(line.bottom, c.bottom) - Math.max(line.top, c.top))); }"""
REASON = ("Ruang rapat dipakai rapat pimpinan sampai pukul 15.00; silakan datang lagi besok pagi "
          "setelah pukul 09.00 dan bawa surat tugas dari kantor Anda")


def _shot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


@pytest.mark.layout
@pytest.mark.parametrize("viewport", PHONES, ids=["360x740", "320x568"])
def test_the_line_saying_an_invitation_was_decided_lies_over_no_card(app, live_server, browser, make_user,
                                                                    short_streams, viewport):
    make_user("siti", "kasubag", name="Siti Kasubag")
    kiosk_submission(app, "SUMARNI HADI")
    for name, hour in (("SUPRIYADI", 9), ("NUR AINI", 10), ("BUDI SANTOSO", 11), ("AGUS SALIM", 12)):
        _invite(app, name, hour)
    page = _phone(browser, live_server, "siti", viewport)
    page.goto(f"{live_server}/admin/queue")
    page.wait_for_selector("[data-live-state].on")
    section = page.locator("#invitations-awaiting")
    said = page.locator("[data-invitations-said]")
    size = f"{viewport['width']}x{viewport['height']}"
    # she has scrolled the first invitation up to the screen's top edge and approves it: the next one moves up
    # into its place, the line saying so above it, the name of the one she reads next in sight
    card = section.locator("article", has_text="SUPRIYADI")
    card.evaluate("(el) => el.scrollIntoView({block: 'start', behavior: 'instant'})")
    settled(page)
    card.get_by_role("button", name="Setujui lebih awal").tap()
    page.wait_for_function("(el) => el.textContent.trim() === 'Disetujui lebih awal: SUPRIYADI.'", arg=said.element_handle())
    settled(page)
    _shot(page, f"1-said-{size}")
    line = said.bounding_box()
    assert line["y"] >= 0 and line["y"] + line["height"] <= viewport["height"], "the line is in sight"
    name = section.locator("article", has_text="NUR AINI").locator(".name")
    assert name.bounding_box()["y"] >= line["y"] + line["height"], "the next card's name is under the line"
    assert page.evaluate(UNDER_THE_LINE) <= 0
    # she scrolls on, reading the cards below: none of them passes under the line
    for _ in range(3):
        page.mouse.wheel(0, 150)
        settled(page)
        assert page.evaluate(UNDER_THE_LINE) <= 0, "a card lies under the line"
    _shot(page, f"1-scrolled-on-{size}")
    assert page.evaluate(SIDEWAYS) <= 0
    assert violations(page, axe_source()) == []
    close_pages(page)


@pytest.mark.layout
@pytest.mark.parametrize("keyboard", [False, True], ids=["320x568", "320x300-keyboard"])
def test_the_reason_being_typed_stays_above_the_refusals_buttons(app, live_server, browser, make_user,
                                                                short_streams, keyboard):
    viewport = {"width": 320, "height": 568}
    make_user("siti", "kasubag", name="Siti Kasubag")
    kiosk_submission(app, "SUMARNI HADI")
    page = _phone(browser, live_server, "siti", viewport)
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{live_server}/admin/queue")
    page.wait_for_selector(".req.current")
    settled(page)
    page.locator(".req.current .refuse summary").tap()
    settled(page)
    box = page.locator(".req.current textarea[name=reason]")
    cancel = page.get_by_role("button", name="Batal", exact=True)
    refuse = page.get_by_role("button", name="Tolak dengan alasan ini")
    # a finger on the part of the box in sight, above the buttons (a locator's tap would first scroll it whole)
    top = box.bounding_box()
    page.touchscreen.tap(top["x"] + top["width"] / 2, min(top["y"] + 10, cancel.bounding_box()["y"] - 5))
    assert page.evaluate("document.activeElement.name") == "reason"
    if keyboard:  # the phone's keyboard comes up and leaves the page 300 px
        viewport = {"width": 320, "height": 300}
        page.set_viewport_size(viewport)
    for i, word in enumerate(REASON.split(" ")):
        box.press_sequentially(word + " ")
        if i % 6 == 5:  # now and then, as she types: the line she writes is above the buttons
            settled(page)
            assert box.bounding_box()["y"] + box.bounding_box()["height"] <= cancel.bounding_box()["y"], i
    settled(page)
    _shot(page, f"2-reason-typed-{viewport['width']}x{viewport['height']}")
    bottom = box.bounding_box()["y"] + box.bounding_box()["height"]
    for button in (cancel, refuse):
        edge = button.bounding_box()
        assert bottom <= edge["y"], f"the reason box's last line is under {button.inner_text()!r}"
        assert edge["y"] + edge["height"] <= viewport["height"]
    assert page.evaluate(SIDEWAYS) <= 0
    assert not errors, errors
    close_pages(page)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_on_a_touch_screen_log_out_asks_first(app, live_server, browser, make_user, short_streams, lang):
    words = {"id": ("Keluar akun", "Keluar dari akun ini?", "Batal"),
             "en": ("Log out", "Log out of this account?", "Cancel")}[lang]
    make_user("siti", "kasubag", name="Siti Kasubag")
    page = _phone(browser, live_server, "siti", PHONES[0])
    kiosk_submission(app, "SUMARNI HADI")
    page.goto(f"{live_server}/admin/queue?lang={lang}")
    page.wait_for_selector(".req.current")
    settled(page)
    page.locator(".req.current .refuse summary").tap()
    page.locator(".req.current textarea[name=reason]").fill("Ruang rapat dipakai")
    queue = page.url
    # a stray touch: a question, with the safe answer focused; nothing is lost
    page.get_by_role("button", name=words[0], exact=True).tap()
    dialog = page.get_by_role("dialog", name=words[1])
    dialog.wait_for()
    settled(page)
    _shot(page, f"3-asks-360x740-{lang}")
    assert page.evaluate("document.activeElement.textContent.trim()") == words[2]
    for button in dialog.get_by_role("button").all():
        assert button.bounding_box()["height"] >= 44
    assert violations(page, axe_source()) == []
    dialog.get_by_role("button", name=words[2], exact=True).tap()
    dialog.wait_for(state="hidden")
    assert page.url == queue
    assert page.locator(".req.current textarea[name=reason]").input_value() == "Ruang rapat dipakai"
    # the keyboard: Enter asks, Escape takes the question back, the focus where it was
    out = page.get_by_role("button", name=words[0], exact=True)
    out.focus()
    page.keyboard.press("Enter")
    dialog.wait_for()
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    assert page.url == queue
    assert page.evaluate("document.activeElement.textContent.trim()") == words[0]
    # meant: asked, then answered
    out.tap()
    with page.expect_navigation():
        dialog.get_by_role("button", name=words[0], exact=True).tap()
    assert page.url.split("?")[0].endswith("/admin/login")
    close_pages(page)


def test_with_a_mouse_log_out_is_at_once(app, live_server, browser, make_user):
    make_user("siti", "kasubag", name="Siti Kasubag")
    page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    page.goto(f"{live_server}/admin/login")
    page.fill("input[name=username]", "siti")
    from tests.conftest import TEST_PASSWORD
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    with page.expect_navigation():
        page.get_by_role("button", name="Keluar akun").click()
    assert page.url.split("?")[0].endswith("/admin/login")
    close_pages(page)


@pytest.mark.layout
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_sound_button_is_one_line_at_320_px(app, live_server, browser, make_user, short_streams, lang):
    errors: list[str] = []
    page = kasubag_queue(app, browser, live_server, make_user, {"width": 320, "height": 568}, lang, errors)
    page.wait_for_selector("[data-live-state].on")
    settled(page)
    button = page.locator("[data-enable-alerts]")
    bar = page.locator(".livebar").bounding_box()
    _shot(page, f"4-sound-320x568-{lang}")
    assert button.evaluate("(el) => el.getClientRects().length && el.scrollHeight") <= 50
    assert 44 <= button.bounding_box()["height"] <= 48, button.bounding_box()
    assert bar["height"] <= 48, bar  # the queue under it is not pushed down
    name = page.locator(".req.current .name").bounding_box()["y"]
    # what the state says, however long, neither widens the button nor moves the queue
    state = page.locator("[data-live-state]")
    for on in (False, True):  # as live.js says it
        word = state.get_attribute("data-text-live" if on else "data-text-offline")
        state.evaluate("(el, [word, on]) => { el.classList.toggle('on', on); el.classList.toggle('off', !on);"
                       " el.textContent = word; }", [word, on])
        settled(page)
        assert page.locator(".req.current .name").bounding_box()["y"] == name, word
    assert page.evaluate(SIDEWAYS) <= 0
    assert not errors, errors
    close_pages(page)
