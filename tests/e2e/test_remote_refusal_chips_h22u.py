"""h22u: SOP 2, the Kasubag grants or refuses a third party's remote-access letter. Refusing a visit
request she taps one of the office's usual reasons; refusing a letter she had to type every reason on
her phone. The letter's refusal now offers reasons of its own, reasons to refuse a letter (not a
visitor's, such as the desk's service hours), one tap each, and the reason box stays hers to write in.
The register's Formulir is Indonesian: a reason tapped on an English screen is kept in Indonesian.

Also: a visit request's own page offered the same chips as the queue, and a tap on one did nothing."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest, Visit
from tests import factories

from .axe import axe_source, violations
from .test_staff_flow import DESK, close_pages, short_streams, staff_page  # noqa: F401 (a fixture)
from .test_staff_phone_stranger import PHONE, SIDEWAYS, _phone

# What the Kasubag refuses a visitor for at the desk, and a letter is never refused for.
VISIT_ONLY = ["Di luar jam layanan", "Ruang/fasilitas sedang dipakai"]


def _a_letter(app, make_user) -> int:
    admin_id = make_user("ani", "admin", name="Ani Admin")
    now = datetime.now(timezone.utc)
    with app.app_context():
        return factories.remote_request("received", recorded_by_id=admin_id, requester_name="Andi Pratama",
                                        period_start=now + timedelta(days=1), period_end=now + timedelta(days=60)).id


def _letter(app, request_id: int) -> RemoteAccessRequest:
    with app.app_context():
        req = db.session.get(RemoteAccessRequest, request_id)
        db.session.expunge(req)
        return req


def test_the_kasubag_refuses_a_letter_on_her_phone_with_one_tap_on_a_reason(
        app, live_server, browser, make_user, shot):
    request_id = _a_letter(app, make_user)
    make_user("siti", "kasubag", name="Siti Kasubag")
    page = _phone(browser, live_server, "siti")
    page.goto(f"{live_server}/admin/remote/{request_id}")
    chips = page.get_by_role("group", name="Sentuh salah satu alasan, atau tulis sendiri").get_by_role("button")
    assert chips.count() >= 2, "no reason to tap for refusing a letter"
    offered = chips.all_inner_texts()
    assert not set(offered) & set(VISIT_ONLY), f"a visitor's reasons offered for a letter: {offered}"
    for chip in chips.all():
        assert chip.bounding_box()["height"] >= 44
    reason = page.get_by_role("textbox", name="Alasan")
    chips.nth(1).scroll_into_view_if_needed()
    chips.nth(1).tap()
    assert reason.input_value() == offered[1]
    # a finger's tap leaves the focus on the chip: the box taking it raised the keyboard over the button
    assert page.evaluate("document.activeElement.tagName") != "TEXTAREA"
    refuse = page.get_by_role("button", name="Tolak", exact=True)
    refuse.scroll_into_view_if_needed()
    assert page.evaluate(SIDEWAYS) <= 0
    shot(page, "h22u-remote-refusal-chip-tapped-phone", full_page=False)
    page.screenshot(path="/tmp/h22u/7-remote-refusal-chip-tapped-360x740.png")
    assert violations(page, axe_source()) == []
    box = refuse.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"] and box["height"] >= 44

    with page.expect_navigation():
        refuse.tap()
    assert (_letter(app, request_id).status, _letter(app, request_id).decision_reason) == ("denied", offered[1])
    assert f"Ditolak: {offered[1]}" in page.inner_text("main"), "the register does not say why it was refused"
    close_pages(page)


def test_a_reason_clicked_on_an_english_screen_is_kept_in_the_indonesian_of_the_formulir(
        app, live_server, browser, make_user, shot):
    request_id = _a_letter(app, make_user)
    make_user("siti", "kasubag", name="Siti Kasubag")
    page = staff_page(browser, live_server, "siti", DESK, [])
    page.goto(f"{live_server}/admin/remote/{request_id}")
    indonesian = page.locator(".refuse-part .chip").all_inner_texts()
    page.goto(f"{live_server}/admin/remote/{request_id}?lang=en")
    chips = page.get_by_role("group", name="Tap a reason, or write one").get_by_role("button")
    english = chips.all_inner_texts()
    assert len(english) == len(indonesian) and not set(english) & set(indonesian), "the chips are not in English"
    chips.first.click()
    reason = page.get_by_role("textbox", name="Reason")
    assert reason.input_value() == english[0]
    assert page.evaluate("document.activeElement.name") == "reason", "a mouse's click: the cursor goes to the box"
    shot(page, "h22u-remote-refusal-chip-clicked-desk-en", full_page=False)
    assert violations(page, axe_source()) == []
    with page.expect_navigation():
        page.get_by_role("button", name="Refuse", exact=True).click()
    assert _letter(app, request_id).decision_reason == indonesian[0]
    assert f"Refused: {english[0]}" in page.inner_text("main"), "read in English on the English screen"
    close_pages(page)


def test_a_chip_on_a_visit_requests_own_page_fills_the_reason(app, live_server, browser, make_user):
    make_user("siti", "kasubag", name="Siti Kasubag")
    now = datetime.now(timezone.utc)
    with app.app_context():
        visit_id = factories.visit("pending", submitted_at=now, ktp_checked_at=now,
                                   visitor=factories.visitor(full_name="SUMARNI HADI")).id
    page = staff_page(browser, live_server, "siti", DESK, [])
    page.goto(f"{live_server}/admin/visits/{visit_id}")
    page.locator(".refuse summary").click()
    chip = page.locator(".refuse .chip").first
    chip.click()
    tapped = chip.inner_text()
    reason = page.get_by_role("textbox", name="Alasan penolakan")
    assert reason.input_value() == tapped
    with page.expect_navigation():
        page.get_by_role("button", name="Tolak dengan alasan ini").click()
    with app.app_context():
        visit = db.session.get(Visit, visit_id)
        assert (visit.status, visit.decision_reason) == ("denied", tapped)
    close_pages(page)
