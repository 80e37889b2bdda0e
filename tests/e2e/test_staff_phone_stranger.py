"""Staff screens on a 360 px phone as a newcomer meets them: the highlighted tab of the menu (which
scrolls sideways on a phone) is on the screen, so the Admin on the remote-access register sees where
they are; the ID/EN switch is a thumb's size; and a 70-character name with a 76-character institution
never makes the Kasubag's queue or the register scroll sideways."""
from __future__ import annotations

from datetime import datetime, timezone

from tests import factories
from tests.conftest import TEST_PASSWORD

from .settle import settled

PHONE = {"width": 360, "height": 740}
LONG_NAME = "RADEN MAS BAGUS HADININGRAT KUSUMAWARDHANA PUTRA SEJATI WIBOWO SANTOSO"
LONG_INSTITUTION = "Koperasi Serba Usaha Karya Mandiri Sejahtera Bersama Kabupaten Semarang Timur"

SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def _phone(browser, base_url, username, viewport=PHONE):
    page = browser.new_context(viewport=viewport, has_touch=True, is_mobile=True).new_page()
    page.goto(f"{base_url}/admin/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    return page


def _long_requests(app):
    with app.app_context():
        now = datetime.now(timezone.utc)
        factories.visit("pending", submitted_at=now, ktp_checked_at=now,
                        visitor=factories.visitor(full_name=LONG_NAME, institution=LONG_INSTITUTION))
        factories.remote_request("received", requester_name=LONG_NAME, instansi=LONG_INSTITUTION)


def _current_tab_box(page):
    return page.evaluate("""() => { const a = document.querySelector('.staffnav a.current').getBoundingClientRect();
                                    return {left: a.left, right: a.right}; }""")


def test_the_admin_sees_which_screen_they_are_on_and_nothing_scrolls_sideways(
        app, live_server, browser, make_user, shot):
    make_user("sinta", "admin", name="Sinta Admin")
    _long_requests(app)
    page = _phone(browser, live_server, "sinta")
    page.goto(f"{live_server}/admin/remote/")
    page.wait_for_load_state()
    shot(page, "stranger-admin-remote-phone", full_page=False)
    tab = _current_tab_box(page)
    assert tab["left"] >= 0 and tab["right"] <= PHONE["width"], f"the current tab is off the screen: {tab}"
    assert LONG_NAME in page.inner_text("main")
    assert page.evaluate(SIDEWAYS) <= 0, "the register scrolls sideways on a phone"
    for link in page.locator(".lang a").all():
        assert link.bounding_box()["height"] >= 44, "the ID/EN switch is smaller than a thumb"


def test_the_kasubag_queue_with_long_names_fits_a_phone(app, live_server, browser, make_user, shot):
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    _long_requests(app)
    page = _phone(browser, live_server, "bambang")
    page.goto(f"{live_server}/admin/queue")
    page.wait_for_selector("[data-queue]")
    assert LONG_NAME in page.inner_text("main")
    assert page.evaluate(SIDEWAYS) <= 0, "the queue scrolls sideways on a phone"
    # The 76-character institution takes two columns of the request's facts, not eight lines of one.
    institution = page.locator(".req.current dd", has_text=LONG_INSTITUTION)
    lines = institution.evaluate("dd => dd.getBoundingClientRect().height / parseFloat(getComputedStyle(dd).lineHeight)")
    assert lines <= 4, f"the institution runs to {lines:.0f} lines"
    settled(page)  # the card's slide-in
    shot(page, "stranger-kasubag-queue-long-phone", full_page=False)
    tab = _current_tab_box(page)
    assert tab["left"] >= 0 and tab["right"] <= PHONE["width"]


def test_refusing_without_a_reason_is_explained_in_the_page_language_not_the_browsers(
        app, live_server, browser, make_user):
    """The Kasubag's phone is set to English, the page is in Bahasa Indonesia: "Tolak dengan alasan
    ini" with an empty reason is answered in Indonesian, not with the browser's "Please fill out"."""
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    _long_requests(app)
    page = _phone(browser, live_server, "bambang")  # chromium's own language here is English
    page.goto(f"{live_server}/admin/queue?lang=id")
    page.wait_for_selector(".req.current")
    settled(page)  # the card's slide-in
    page.locator(".req.current .refuse summary").click()
    page.locator(".req.current button[value=deny]").click()
    reason = page.locator(".req.current textarea[name=reason]")
    assert reason.evaluate("t => t.validationMessage") == "Kolom ini wajib diisi."
    reason.fill("Ruang sedang dipakai")
    assert reason.evaluate("t => t.validationMessage") == "", "the message must go once a reason is written"


def test_every_word_on_the_kasubags_queue_is_at_least_14_px_on_a_phone(app, live_server, browser, make_user):
    """The Kasubag decides on a phone, often at arm's length: no label, badge or fact on the queue is
    set smaller than 14 px (the uppercase fact labels were 12.8 px, the status badges 13.6 px)."""
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    _long_requests(app)
    page = _phone(browser, live_server, "bambang")
    page.goto(f"{live_server}/admin/queue")
    page.wait_for_selector("[data-queue]")
    small = page.evaluate("""() => Array.from(document.querySelectorAll('main *'))
        .filter(el => el.offsetParent !== null && Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim()))
        .map(el => [el.tagName + '.' + el.className, el.textContent.trim().slice(0, 30), parseFloat(getComputedStyle(el).fontSize)])
        .filter(([, , px]) => px < 14)""")
    assert small == [], f"text under 14 px on the phone queue: {small[:10]}"
