"""h43n: a kiosk whose camera is refused is not a dead end. The stranger walk (docs/kiosk.md, h43w) met
only "Unggah foto saja" (a file dialog: a kiosk has no file to give) and "ask the helpdesk officer",
and the server wanted a photo: an elderly visitor could not send a request at all. SOP 1 asks only that
the visitor show a valid KTP, which the helpdesk checks in person: the KTP screen offers a big "Lanjut
tanpa foto KTP" with what happens next, the guest book goes on as before (the NIK typed), and the
waiting screen sends the visitor to the helpdesk with the original KTP first."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from lpsedesk.extensions import db
from lpsedesk.models import Visit
from tests import factories
from tests.kiosk.e2e_support import SMALL, TABLET, enrol_page, typed_visitor_sends

from .axe import axe_source, violations
from .settle import settled
from .test_staff_flow import close_pages, short_streams, staff_page  # noqa: F401
from .test_staff_phone_360x640_h25u import SMALL_PHONE

SHOTS = Path("/tmp/h43n")
SHOTS_H43X = Path("/tmp/h43x")
NIK = "3373024107900001"  # synthetic: Kota Salatiga, born 01/07/1990, female


def _in_sight(page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= TABLET["height"]


def test_with_the_camera_refused_the_visitor_goes_on_without_a_photo_to_the_waiting_screen(
        app, live_server, launch_browser):
    SHOTS.mkdir(exist_ok=True)
    # a camera is there, but the browser's permission is not given (Playwright denies it)
    browser = launch_browser(extra_args=["--use-fake-device-for-media-stream"])
    page = enrol_page(app, browser, live_server, TABLET)
    page.wait_for_selector("body[data-ready]")
    page.click("[data-action=checkin]")
    page.wait_for_selector("section[data-screen=ktp].k-no-camera:not([hidden])")
    page.wait_for_selector("[data-camera-off]:not([hidden])")
    go_on = "section[data-screen=ktp] [data-action=no-photo]"
    assert page.inner_text(go_on) == "Lanjut tanpa foto KTP"
    assert _in_sight(page, go_on) and page.locator(go_on).bounding_box()["height"] >= 48
    help_line = page.inner_text("[data-no-photo-help]")
    assert "KTP asli" in help_line and "petugas helpdesk" in help_line and _in_sight(page, "[data-no-photo-help]")
    assert "Lanjut tanpa foto KTP" in page.inner_text("[data-guidance]")  # the guidance names the way on
    page.screenshot(path=str(SHOTS / "kiosk-ktp-no-camera-1280x800.png"))
    assert violations(page, axe_source()) == []

    page.click(go_on)
    page.wait_for_selector("section[data-screen=who]:not([hidden])")
    typed_visitor_sends(page, NIK)
    said = page.inner_text("[data-status-message]")
    assert "KTP asli kepada petugas helpdesk" in said and "sudah dikirim ke" not in said, said
    settled(page)
    page.screenshot(path=str(SHOTS / "kiosk-waiting-no-photo-1280x800.png"))
    assert violations(page, axe_source()) == []
    with app.app_context():
        visit = db.session.query(Visit).one()
        assert visit.no_ktp_photo is True and visit.id_capture_key is None and visit.visitor.nik == NIK
    assert [e for e in page.errors if not e.startswith("Failed to load resource")] == []


# h43x: what a visitor at a camera-less kiosk must see whole, without scrolling (a kiosk page does not
# look scrollable): the way on, the line saying what it means, and the upload under them
NO_CAMERA_WAYS = ["section[data-screen=ktp] [data-action=no-photo]", "[data-no-photo-help]",
                  "section[data-screen=ktp] label.k-file"]


def test_without_a_camera_both_ways_on_and_their_line_stand_whole_on_short_landscape_screens(
        app, live_server, browser):
    """The 7 December walk: at 1024x768 "Unggah foto saja" sat a few px under the screen's edge."""
    SHOTS_H43X.mkdir(exist_ok=True)
    page = enrol_page(app, browser, live_server, TABLET)  # the shared browser has no camera at all
    for lang in ("id", "en"):
        for size in (TABLET, SMALL):
            page.set_viewport_size(size)
            page.goto(f"{live_server}/kiosk/?lang={lang}")
            page.wait_for_selector(f"html[lang={lang}] body[data-ready]")
            page.click("[data-action=checkin]")
            page.wait_for_selector("section[data-screen=ktp].k-no-camera:not([hidden])")
            page.wait_for_selector("[data-camera-off]:not([hidden])")
            settled(page)
            name = f"kiosk-ktp-no-camera-{size['width']}x{size['height']}-{lang}"
            page.screenshot(path=str(SHOTS_H43X / f"{name}.png"))
            boxes = {sel: page.locator(sel).bounding_box() for sel in NO_CAMERA_WAYS}
            cut = {sel: box for sel, box in boxes.items()
                   if box is None or box["y"] < 0 or box["y"] + box["height"] > size["height"]}
            assert cut == {}, (name, cut)
            assert page.evaluate("scrollY") == 0 and page.evaluate(
                "document.documentElement.scrollHeight") <= size["height"], name
    assert violations(page, axe_source()) == []


# h43x: the staff's side in a browser: the desk PC, then the Kasubag's phone once the desk has checked it
DESK_PC = {"width": 1366, "height": 768}
TODO = {"id": "Tanpa foto KTP - periksa KTP asli", "en": "No KTP photo - check the original KTP"}
CHECKED = {"id": "Tanpa foto KTP - KTP asli diperiksa langsung", "en": "No KTP photo - original KTP checked in person"}


def _whole_in_sight(page, locator, viewport: dict, what: str) -> None:
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], (what, box)
    # less than a pixel over the edge is the scroll's rounding, not a line cut: the page scrolls by whole
    # pixels, and a line 46.375 px tall brought into view at the bottom ends up to a pixel past it
    assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"] + 1, (what, box)


def test_the_desk_reads_no_ktp_photo_and_the_kasubags_phone_reads_it_checked_in_person(
        app, live_server, browser, make_user, short_streams):  # noqa: F811
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    with app.app_context():
        visit_id = factories.visit("pending", submitted_at=datetime.now(timezone.utc), no_ktp_photo=True).id
    SHOTS_H43X.mkdir(exist_ok=True)
    errors: list[str] = []
    desk = staff_page(browser, live_server, "rina", DESK_PC, errors)
    for lang in ("en", "id"):
        desk.goto(f"{live_server}/admin/board?lang={lang}")
        todo = desk.get_by_text(TODO[lang], exact=True).first
        _whole_in_sight(desk, todo, DESK_PC, f"the desk's {lang} line")
        desk.screenshot(path=str(SHOTS_H43X / f"board-no-ktp-photo-1366x768-{lang}.png"))
        assert violations(desk, axe_source()) == [], lang
    desk.locator(f'form[action$="/visits/{visit_id}/ktp-check"] button').first.click()
    desk.wait_for_load_state()

    boss = staff_page(browser, live_server, "bambang", SMALL_PHONE, errors)
    for lang in ("en", "id"):
        boss.goto(f"{live_server}/admin/queue?lang={lang}")
        checked = boss.get_by_text(CHECKED[lang], exact=True).first
        _whole_in_sight(boss, checked, SMALL_PHONE, f"the Kasubag's {lang} line")
        assert boss.get_by_text(TODO[lang]).count() == 0
        assert boss.evaluate("document.documentElement.scrollWidth") <= SMALL_PHONE["width"]
        boss.screenshot(path=str(SHOTS_H43X / f"queue-ktp-checked-in-person-360x640-{lang}.png"))
        assert violations(boss, axe_source()) == [], lang
    close_pages(desk, boss)
    assert errors == []
