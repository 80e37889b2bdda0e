"""h45x: the people at the kiosk and at the desk, walked as strangers on 7 December 2026.

An elderly visitor at the 1280x800 (and 1024x768) touch kiosk with the browser's text at 150 % and
200 % (as the CSS pixels go, 853x533 and 640x400; 1024x768 at 200 % is 512x384):
- the start screen ran past the glass's right edge: "English" and "Lihat jawaban dan tiket saya" off
  the screen, which a visitor does not know to swipe;
- the on-screen keys and the button bar covered the whole screen under the heading: the NIK was typed
  into a box nobody could see, its digits and its message unseen;
- a long name (apostrophe, hyphen) showed only its start in its box, cut at the edge, at every size.
The helpdesk at 1366x768: "Perlu dilaporkan kepada Kasubag" began under a blank card as tall as the
requests beside it, below the screen, and "Selesai hari ini" said only "sudah keluar" of a visit still
to report. Every check below is what the stranger needed, in the words of the task.
"""
from __future__ import annotations

import pytest

from lpsedesk import devices
from lpsedesk.extensions import db

from .axe import axe_source, violations
from .test_staff_flow import close_pages, kiosk_submission, short_streams, staff_page  # noqa: F401
from .test_staff_screens import busy_day
from .settle import settled

# The kiosk's CSS pixels with the browser's text enlarged (Ctrl+ on the kiosk PC): width/zoom, height/zoom
ZOOMED = {
    "1280x800 at 150 %": ({"width": 853, "height": 533}, 1.5),
    "1280x800 at 200 %": ({"width": 640, "height": 400}, 2),
    "1024x768 at 200 %": ({"width": 512, "height": 384}, 2),
}
LONG_NAME = "MARIA MARGARETHA D'SILVA-KUSUMAWARDHANI SETYANINGRUM"
DESK_PC = {"width": 1366, "height": 768}
TOUCH_TARGETS = """() => [...document.querySelectorAll('a[href], button, input:not([type=hidden]), [role=button]')]
  .filter(e => e.offsetParent !== null && !e.closest('[hidden]'))
  .map(e => ({what: (e.innerText || e.name || '').trim().slice(0, 30), r: e.getBoundingClientRect()}))
  .filter(t => t.r.width < 44 || t.r.height < 44 || t.r.left < 0 || t.r.right > innerWidth + 0.5)
  .map(t => `${t.what} ${Math.round(t.r.left)}..${Math.round(t.r.right)} ${Math.round(t.r.width)}x${Math.round(t.r.height)}`)"""


def _kiosk(app, browser, base_url: str, viewport: dict, zoom: float = 1, lang: str = "id"):
    """An enrolled kiosk page on its start screen, a touch screen drawn at `zoom` device pixels a CSS pixel."""
    with app.app_context():
        _device, code = devices.create_device(db.session, None, "Kios lobi")
        db.session.commit()
    page = browser.new_context(viewport=viewport, device_scale_factor=zoom, has_touch=True).new_page()
    page.goto(f"{base_url}/kiosk/enrol?code={code}")
    page.click("button[type=submit]")
    page.wait_for_selector("body[data-screen=welcome]")
    page.goto(f"{base_url}/kiosk/?lang={lang}")
    page.wait_for_selector(f"html[lang={lang}] body[data-ready]")
    return page


def _to_the_guest_book(page) -> None:
    """From the start screen of a kiosk without a camera: "Masuk", then on without a KTP photo."""
    page.tap("[data-action=checkin]")
    page.wait_for_selector("section[data-screen=ktp].k-no-camera:not([hidden])")
    page.tap("section[data-screen=ktp] [data-action=no-photo]")
    page.wait_for_selector("section[data-screen=who]:not([hidden])")


def _key(page, key: str) -> None:
    page.locator(".k-osk").locator(f'[data-key="{key}"]').tap()


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", list(ZOOMED))
def test_with_the_text_enlarged_the_start_screen_keeps_every_button_on_the_glass(
        app, live_server, browser, size, lang):
    viewport, zoom = ZOOMED[size]
    page = _kiosk(app, browser, live_server, viewport, zoom, lang)
    page.screenshot(path=f"/tmp/h45x/welcome-{lang}-{viewport['width']}x{viewport['height']}.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], size
    names = {"id": ["Bahasa Indonesia", "English", "Masuk", "Keluar", "Lihat jawaban dan tiket saya"],
             "en": ["Bahasa Indonesia", "English", "Check in", "Leave", "Show my answer and ticket"]}
    for name in names[lang]:
        box = page.get_by_role("link", name=name).or_(page.get_by_role("button", name=name)).first.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], (size, name, box)
    assert page.evaluate(TOUCH_TARGETS) == [], size
    assert violations(page, axe_source()) == [], size


@pytest.mark.parametrize("size", list(ZOOMED))
def test_with_the_text_enlarged_the_box_being_typed_in_stands_whole_above_the_keys(
        app, live_server, browser, size):
    viewport, zoom = ZOOMED[size]
    page = _kiosk(app, browser, live_server, viewport, zoom)
    _to_the_guest_book(page)
    page.tap("input[name=nik]")
    page.wait_for_selector(".k-osk:not([hidden])")
    for box_name, keys in (("nik", "3373024107"), ("full_name", "MARIA D'SILVA-K"), ("phone", "0812")):
        if box_name != "nik":
            _key(page, "{next}")
        for key in keys:
            _key(page, "{space}" if key == " " else key)
        settled(page)  # the page scrolls the box above the keys on the next frame
        seen = page.evaluate("""(name) => {
            const box = document.querySelector(`input[name=${name}]`), label = box.closest('label');
            const keys = document.querySelector('.k-osk').getBoundingClientRect();
            return {label: label.getBoundingClientRect().top, box: box.getBoundingClientRect().bottom, keys: keys.top,
                    focused: document.activeElement === box, value: box.value};
        }""", box_name)
        name = f"{size}, {box_name}"
        assert seen["focused"] and seen["value"].replace(" ", "") == keys.replace(" ", ""), (name, seen)
        # the box and its label (what it asks) stand whole between the screen's top and the keys
        assert seen["label"] >= 0 and seen["box"] <= seen["keys"], (name, seen)
        page.screenshot(path=f"/tmp/h45x/typing-{box_name}-{viewport['width']}x{viewport['height']}.png")
        assert page.evaluate(TOUCH_TARGETS) == [], name  # every key a finger's size, none past the side
        cut_words = page.evaluate("[...document.querySelectorAll('.k-osk .k-key')]"
                                  ".filter(k => k.scrollWidth > k.clientWidth + 1).map(k => k.innerText)")
        assert cut_words == [], name
    _key(page, "{hide}")
    settled(page)
    bar = page.locator("section[data-screen=who] .k-actions").bounding_box()
    assert bar and bar["y"] + bar["height"] <= viewport["height"] + 1, (size, "the bar is back", bar)
    assert violations(page, axe_source()) == [], size


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_long_name_typed_on_the_kiosk_keys_shows_whole_under_its_box(app, live_server, browser, lang):
    viewport = {"width": 1024, "height": 768}
    page = _kiosk(app, browser, live_server, viewport, lang=lang)
    _to_the_guest_book(page)
    whole = page.locator("[data-whole-for=full_name]")
    page.tap("input[name=full_name]")
    for key in "SITI":
        _key(page, key)
    assert whole.is_hidden()  # a name the box shows whole is not said twice
    for key in LONG_NAME[4:]:
        _key(page, "{space}" if key == " " else key)
    _key(page, "{hide}")
    settled(page)
    page.screenshot(path=f"/tmp/h45x/long-name-1024x768-{lang}.png")
    assert page.input_value("input[name=full_name]") == "SITI" + LONG_NAME[4:]
    assert whole.is_visible() and whole.inner_text() == "SITI" + LONG_NAME[4:]
    box = whole.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"]
    assert violations(page, axe_source()) == []
    # the line follows what the box holds: back to a short name, it goes
    page.fill("input[name=full_name]", "SITI")
    assert whole.is_hidden()


def test_the_desk_sees_what_is_left_to_report_today_without_scrolling_past_a_blank_card(
        app, live_server, browser, make_user, short_streams):  # noqa: F811
    desk_id = make_user("rina", "helpdesk", name="Rina Helpdesk")
    busy_day(app, desk_id, make_user("bambang", "kasubag", name="Bambang Wijaya"))  # Eko and Fitri to report
    for name in ("Ani Wulandari", "Bayu Prakoso", "Candra Kirana", "Dimas Anggara"):
        kiosk_submission(app, name)  # a morning's queue at the desk: the requests' column runs long
    errors: list[str] = []
    desk = staff_page(browser, live_server, "rina", DESK_PC, errors)
    for lang, report, left in (("id", "Laporkan kepada Kasubag", "Belum dilaporkan kepada Kasubag"),
                               ("en", "Report to the Kasubag", "Still to report to the Kasubag")):
        desk.goto(f"{live_server}/admin/board?lang={lang}")
        desk.wait_for_selector("[data-live-state].on")
        settled(desk)
        desk.screenshot(path=f"/tmp/h45x/board-1366x768-{lang}.png")
        first = desk.locator("[data-part=report]").get_by_role("button", name=report).first
        box = first.bounding_box()
        assert box and box["y"] + box["height"] <= DESK_PC["height"], (lang, "the first report out of sight", box)
        # each visitor finished today says what is left: Eko and Fitri still to report, the others not
        lines = desk.locator("[data-part=done] .line")
        todo = {lines.nth(i).get_by_role("link").first.inner_text(): lines.nth(i).get_by_role("link", name=left).count()
                for i in range(lines.count())}
        assert {"Eko Pratama", "Fitri Kusuma"} <= set(todo), (lang, todo)
        assert {name for name, count in todo.items() if count} == {"Eko Pratama", "Fitri Kusuma"}, (lang, todo)
        for link in desk.locator("[data-part=done]").get_by_role("link", name=left).all():
            assert link.bounding_box()["height"] >= 44, (lang, "a thumb's target on the desk's phone")
        assert violations(desk, axe_source()) == [], lang
    desk.locator("[data-part=done]").get_by_role("link", name="Still to report to the Kasubag").first.click()
    settled(desk)
    heading = desk.locator("#to-report").bounding_box()
    assert heading and 0 <= heading["y"] <= DESK_PC["height"], heading
    close_pages(desk)
    assert errors == []
