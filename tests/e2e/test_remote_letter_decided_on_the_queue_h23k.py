"""h23k: SOP 2 on the Kasubag's phone (360x640). The Admin LPSE passes a third party's letter to the
Kasubag, who grants or refuses it. On the queue a visit request had its decision on the card, a letter
only a link to its own page. Now the letter's card has the same bar: "Setujui" grants the period the
letter asks for, "Tolak…" opens the letter's own refusal reasons (one tap each), and the decided
letter leaves the queue as a visit does."""
from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest
from tests import factories

from .axe import axe_source, violations
from .settle import settled
from .test_staff_phone_stranger import SIDEWAYS, _phone

PHONE = {"width": 360, "height": 640}
SHOTS = Path(os.environ.get("UX_SHOTS", "/tmp/h23k"))  # looked at by a person, never asserted on
# A visitor's reasons at the desk: never offered for a letter (the office's default lists).
VISIT_ONLY = ["Di luar jam layanan", "Ruang/fasilitas sedang dipakai"]
IN_SCREEN = """(el) => { const b = el.getBoundingClientRect();
  return b.height > 0 && b.top >= 0 && b.bottom <= innerHeight; }"""


def _a_letter_waiting(app, make_user) -> tuple[int, datetime]:
    """Ani (Admin) recorded Andi Pratama's letter asking access for two days from tomorrow."""
    admin_id = make_user("ani", "admin", name="Ani Admin")
    make_user("siti", "kasubag", name="Siti Kasubag")
    start = datetime.now(timezone.utc).replace(second=0, microsecond=0) + timedelta(days=1)
    with app.app_context():
        request_id = factories.remote_request("received", recorded_by_id=admin_id, requester_name="Andi Pratama",
                                              instansi="PT Teknologi Nusantara Abadi", purpose="Pemeriksaan log server",
                                              period_start=start, period_end=start + timedelta(days=2)).id
    return request_id, start + timedelta(days=2)


def _letter(app, request_id: int) -> RemoteAccessRequest:
    with app.app_context():
        req = db.session.get(RemoteAccessRequest, request_id)
        db.session.expunge(req)
        return req


def _queue_with_the_letter(browser, live_server):
    page = _phone(browser, live_server, "siti", PHONE)
    page.goto(f"{live_server}/admin/queue")
    card = page.locator(".req.current")
    card.wait_for()
    settled(page)  # the card's slide-in
    assert "Andi Pratama" in card.inner_text()
    return page, card


def test_the_kasubag_grants_a_letter_from_her_phone_queue_for_the_period_it_asks(
        app, live_server, browser, make_user):
    request_id, period_end = _a_letter_waiting(app, make_user)
    page, card = _queue_with_the_letter(browser, live_server)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "after-queue-letter-360x640.png"))
    approve = card.get_by_role("button", name="Setujui", exact=True)
    assert approve.evaluate(IN_SCREEN), "Setujui is not on the phone's screen"
    assert approve.bounding_box()["height"] >= 44
    # what is granted is said on the card, and read out with the button: the period the letter asks for
    assert "periode yang diminta" in card.inner_text().lower()
    described = approve.evaluate("b => document.getElementById(b.getAttribute('aria-describedby')).textContent")
    assert (period_end + timedelta(hours=7)).strftime("%d/%m/%Y %H:%M WIB") in described
    assert page.evaluate(SIDEWAYS) <= 0
    assert violations(page, axe_source()) == []
    approve.tap()
    page.wait_for_function("() => !document.querySelector('.req.current')")
    assert "Andi Pratama" in page.inner_text("[data-queue-said]")
    letter = _letter(app, request_id)
    assert letter.status == "approved" and letter.decided_by_label and "Siti Kasubag" in letter.decided_by_label
    assert letter.approved_until == period_end, "not granted for the period the letter asks"
    page.context.close()


def test_the_kasubag_refuses_a_letter_from_her_phone_queue_with_one_tap_on_a_letters_reason(
        app, live_server, browser, make_user):
    request_id, _ = _a_letter_waiting(app, make_user)
    page, card = _queue_with_the_letter(browser, live_server)
    card.locator(".refuse summary").tap()
    who = card.locator(".refuse-who")
    assert who.inner_text() == "Tolak permohonan remote akses Andi Pratama"
    chips = card.get_by_role("group", name="Sentuh salah satu alasan, atau tulis sendiri").get_by_role("button")
    offered = chips.all_inner_texts()
    assert len(offered) >= 2 and not set(offered) & set(VISIT_ONLY), f"not a letter's reasons: {offered}"
    chips.nth(1).tap()
    assert card.get_by_role("textbox", name="Alasan penolakan").input_value() == offered[1]
    refuse = card.get_by_role("button", name="Tolak dengan alasan ini")
    page.screenshot(path=str(SHOTS / "after-queue-letter-refuse-open-360x640.png"))
    assert refuse.evaluate(IN_SCREEN), "the refusal's button is off the phone's screen"
    page.screenshot(path=str(SHOTS / "after-queue-letter-refuse-open-360x640.png"))
    assert page.evaluate(SIDEWAYS) <= 0
    assert violations(page, axe_source()) == []
    refuse.tap()
    page.wait_for_function("() => !document.querySelector('.req.current')")
    letter = _letter(app, request_id)
    assert (letter.status, letter.decision_reason) == ("denied", offered[1])
    page.context.close()


def test_the_letters_own_page_on_a_phone_has_the_decision_at_hand_and_says_each_detail_once(
        app, live_server, browser, make_user):
    """Opened from the register or a chat: "Setujui" was a small button half-way down the page, under
    the request's details said twice (the request's card and again above the decision)."""
    request_id, _ = _a_letter_waiting(app, make_user)
    page = _phone(browser, live_server, "siti", PHONE)
    page.goto(f"{live_server}/admin/remote/{request_id}")
    settled(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "after-remote-page-360x640.png"))
    approve = page.get_by_role("button", name="Setujui", exact=True)
    assert approve.evaluate(IN_SCREEN), "Setujui is not on the phone's screen"
    box = approve.bounding_box()
    assert box["height"] >= 48 and box["width"] >= PHONE["width"] / 3, f"a small button: {box}"
    said = page.inner_text("main")
    for detail in ("PT Teknologi Nusantara Abadi", "Pemeriksaan log server", "001/UJI/XI/2026"):
        assert said.count(detail) == 1, f"{detail!r} said {said.count(detail)} times"
    # the facts' names as lines of their own (a refusal chip says "Hak akses yang diminta melebihi ...")
    lines = [line.strip().lower() for line in said.splitlines()]
    # a letter's purpose is the SOP 2 form's "Tujuan" (h40w; "Keperluan" is the guest book's)
    for name in ("Instansi", "Tujuan", "Periode yang diminta", "Hak akses yang diminta"):
        assert lines.count(name.lower()) == 1, f"{name!r} said {lines.count(name.lower())} times"
    assert page.evaluate(SIDEWAYS) <= 0
    assert violations(page, axe_source()) == []
    with page.expect_navigation():
        approve.tap()
    assert _letter(app, request_id).status == "approved"
    page.context.close()


def test_a_letter_whose_asked_period_ended_while_it_waited_says_so_on_the_phone_and_leads_to_its_page(
        app, live_server, browser, make_user):
    """The card's Setujui grants the end the letter asked for; when that end passed while the letter waited,
    approving it would only be refused. On the Kasubag's phone the card says why, in words, and its link
    (a finger's height) opens the letter's page where a new end is set or the letter refused."""
    request_id, _ = _a_letter_waiting(app, make_user)
    with app.app_context():
        letter = db.session.get(RemoteAccessRequest, request_id)
        letter.period_start = datetime.now(timezone.utc) - timedelta(days=2)
        letter.period_end = datetime.now(timezone.utc) - timedelta(hours=1)
        db.session.commit()
    page, card = _queue_with_the_letter(browser, live_server)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "after-queue-letter-period-over-360x640.png"))
    assert card.get_by_role("button", name="Setujui", exact=True).count() == 0
    said = card.locator(".period-over")
    assert "Periode yang diminta sudah berakhir" in said.inner_text()
    assert said.evaluate(IN_SCREEN), "why there is no Setujui is off the phone's screen"
    link = card.get_by_role("link", name="Buka permohonan remote akses")
    assert link.evaluate(IN_SCREEN), "the way to the letter's page is off the phone's screen"
    assert link.bounding_box()["height"] >= 44
    assert page.evaluate(SIDEWAYS) <= 0
    assert violations(page, axe_source()) == []
    with page.expect_navigation():
        link.tap()
    assert f"/admin/remote/{request_id}" in page.url
    assert _letter(app, request_id).status == "received", "opening the page decided nothing"
    page.context.close()
