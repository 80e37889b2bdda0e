"""h47d: the Kasubag on a 360 px (and a 320 px) phone. The queue's tools (order and stepper) stand on one row
of thumb-sized buttons: "Terbaru dulu" broke over two lines at 360 px and at 320 px the stepper stood alone
on a second row. The request on the queue stays put while the live state's word changes ("Menghubungkan…"
at each load, "Menghubungkan ulang…" while the stream reconnects, then "Langsung"): the sound button beside
it grew a line and the whole queue under it jumped 23 px (h46h's "one run in four"). And a decision on an
invitation far down the page says what was done where she is: the line above the invitations, a screen up,
was out of sight."""
from __future__ import annotations

from pathlib import Path

import pytest

from .settle import settled
from .test_kasubag_invitation_decided_in_place_h46h import _count_is, _invitation, _invite
from .test_staff_flow import close_pages, kiosk_submission, short_streams, staff_page  # noqa: F401
from .test_staff_phone_stranger import SIDEWAYS, _phone

SHOTS = Path("/tmp/h47d")
# The queue tools' shown buttons: their label, top, height; and how far the row reaches past its card
TOOLS = """() => { const card = document.querySelector('[data-queue]').getBoundingClientRect();
  const buttons = [...document.querySelectorAll('[data-queue-tools] button')].filter((b) => b.getClientRects().length)
    .map((b) => { const r = b.getBoundingClientRect();
                  return {label: b.innerText.trim(), top: Math.round(r.top), height: Math.round(r.height), right: r.right}; });
  return {buttons, past: Math.max(...buttons.map((b) => b.right)) - card.right}; }"""


def _shot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def kasubag_queue(app, browser, live_server, make_user, viewport: dict, lang: str, errors: list[str],
                  waiting=("DEWI LESTARI",)):
    """The Kasubag's queue on a phone of `viewport`, in `lang`, with `waiting` sent from the kiosk."""
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    for name in waiting:
        kiosk_submission(app, name)
    page = staff_page(browser, live_server, "bambang", viewport, errors)
    page.goto(f"{live_server}/admin/queue?lang={lang}")
    page.wait_for_selector(".req.current")
    return page


@pytest.mark.layout
@pytest.mark.parametrize("viewport", [{"width": 320, "height": 568}, {"width": 360, "height": 640}], ids=["320", "360"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_queue_tools_stand_on_one_row_of_thumb_sized_buttons(app, live_server, browser, make_user, short_streams,
                                                                  viewport, lang):
    errors: list[str] = []
    page = kasubag_queue(app, browser, live_server, make_user, viewport, lang, errors,
                         waiting=("DEWI LESTARI", "AGUS SAPUTRA", "CITRA HANDAYANI"))
    settled(page)
    tools = page.evaluate(TOOLS)
    _shot(page, f"tools-{viewport['width']}-{lang}")
    labels = [b["label"] for b in tools["buttons"]]
    assert len(labels) == 4, labels  # newest, oldest, previous, next
    assert len({b["top"] for b in tools["buttons"]}) == 1, f"the tools wrap onto a second row: {tools}"
    for b in tools["buttons"]:
        # a thumb's size, and a label on one line (two lines made "Terbaru dulu" 56 px tall)
        assert 44 <= b["height"] < 50, b
    assert tools["past"] <= 0, tools
    assert page.evaluate(SIDEWAYS) <= 0
    assert not errors, errors
    close_pages(page)


@pytest.mark.layout
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_request_stays_put_while_the_live_state_changes_its_word(app, live_server, browser, make_user,
                                                                     short_streams, lang):
    errors: list[str] = []
    page = kasubag_queue(app, browser, live_server, make_user, {"width": 360, "height": 640}, lang, errors)
    page.wait_for_selector("[data-live-state].on")
    settled(page)
    name = page.locator(".req.current .name")
    where = name.bounding_box()["y"]
    state = page.locator("[data-live-state]")
    # What the state says while the page connects (its first word, in the page as served) and while the
    # stream reconnects, as live.js writes them
    served = page.request.get(f"{live_server}/admin/queue?lang={lang}").text()
    connecting = served.split("data-live-state", 1)[1].split(">", 1)[1].split("<", 1)[0].strip()
    words = [connecting, state.get_attribute("data-text-offline"), state.get_attribute("data-text-live")]
    for word in words:
        state.evaluate("(el, word) => { el.textContent = word; }", word)
        settled(page)
        assert name.bounding_box()["y"] == where, f"the request moved when the live state said {word!r}"
        box = state.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360, box
    assert page.evaluate(SIDEWAYS) <= 0
    close_pages(page)


def test_an_invitation_decided_far_down_says_so_on_the_screen(app, live_server, browser, make_user, short_streams):
    make_user("siti", "kasubag", name="Siti Kasubag")
    kiosk_submission(app, "SUMARNI HADI")
    first, second, last = (_invite(app, name, hour)
                           for name, hour in (("SUPRIYADI", 9), ("NUR AINI", 10), ("BUDI SANTOSO", 11)))
    page = _phone(browser, live_server, "siti", {"width": 360, "height": 640})
    page.goto(f"{live_server}/admin/queue")
    page.wait_for_selector("[data-live-state].on")
    said = page.locator("[data-invitations-said]")
    section = page.locator("#invitations-awaiting")
    for name, invitation, left in (("BUDI SANTOSO", last, 2), ("NUR AINI", second, 1)):
        card = section.locator("article", has_text=name)
        card.scroll_into_view_if_needed()
        settled(page)
        if left == 2:
            line = said.bounding_box()
            assert line["y"] + line["height"] <= 0, "the line starts out above the screen"
        card.get_by_role("button", name="Setujui lebih awal").tap()
        page.wait_for_function("([el, text]) => el.textContent.trim() === text",
                               arg=[said.element_handle(), f"Disetujui lebih awal: {name}."])
        _count_is(page, left)
        settled(page)
        line = said.bounding_box()
        assert 0 <= line["y"] and line["y"] + line["height"] <= 640, f"the line is out of sight: {line}"
        assert said.get_attribute("role") == "status"
        assert _invitation(app, invitation)[0] == "approved"
        _shot(page, f"invitation-said-{name.split()[0].lower()}-360x640")
    assert _invitation(app, first)[0] != "approved"
    close_pages(page)


# Whether a point of the element is the element itself (or inside it) on the screen: not under the screen's
# edge, not under another box
TOPMOST = """(el) => { const r = el.getBoundingClientRect(); const x = r.left + r.width / 2, y = r.top + r.height / 2;
  if (y < 0 || y > innerHeight || r.bottom > innerHeight + 0.5) return false;
  const hit = document.elementFromPoint(x, y); return !!hit && el.contains(hit); }"""


@pytest.mark.layout
@pytest.mark.parametrize("lang", ["id", "en"])
def test_on_a_small_phone_the_refusal_can_be_sent_without_scrolling_inside_its_panel(
        app, live_server, browser, make_user, short_streams, lang):
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    kiosk_submission(app, "AGUS SAPUTRA")
    page = _phone(browser, live_server, "bambang", {"width": 320, "height": 568})
    page.goto(f"{live_server}/admin/queue?lang={lang}")
    page.wait_for_selector(".req.current")
    page.locator(".req.current .refuse summary").tap()
    page.locator(".req.current [data-reason]").first.tap()
    settled(page)
    _shot(page, f"refuse-320x568-{lang}")
    send = page.locator(".req.current button[value=deny]")
    cancel = page.locator(".req.current [data-refuse-cancel]")
    assert send.evaluate(TOPMOST), f"the refusal's button is out of sight: {send.bounding_box()}"
    assert cancel.evaluate(TOPMOST), f"Cancel is out of sight: {cancel.bounding_box()}"
    assert send.bounding_box()["height"] >= 44
    send.tap()
    page.wait_for_selector("[data-queue] .empty")
    assert page.evaluate(SIDEWAYS) <= 0
    close_pages(page)
