"""h44w: SOP 2 walked as strangers. The Admin LPSE passes the third party's request letter to the
Kasubag, who grants or refuses it; when the work is done the Admin closes the account and updates
the form.

- The Kasubag decides from her phone's queue: the letter itself must be one tap away on the card
  (she read only its number, and "Setujui" granted a letter she had not seen).
- The Admin closes an account on the phone and types a closing time before the account was given:
  the page said only that it cannot close "before it was given", not when that was.
"""
from __future__ import annotations

import io
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest
from tests import factories

from .axe import axe_source, violations
from .settle import settled
from .test_staff_phone_stranger import SIDEWAYS, _phone

PHONE = {"width": 360, "height": 640}
SHOTS = Path(os.environ.get("UX_SHOTS", "/tmp/h44w"))  # looked at by a person, never asserted on
WIB = timezone(timedelta(hours=7))


def _scanned_letter() -> bytes:
    image = Image.new("RGB", (400, 560), "white")
    ImageDraw.Draw(image).text((30, 30), "SURAT PERMOHONAN REMOTE AKSES", fill="black")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _letter_waiting(app, make_user) -> int:
    """Ani (Admin) recorded Andi Pratama's letter, its scan attached, for the Kasubag to decide."""
    admin_id = make_user("ani", "admin", name="Ani Admin")
    make_user("siti", "kasubag", name="Siti Kasubag")
    start = datetime.now(timezone.utc).replace(second=0, microsecond=0) + timedelta(days=1)
    with app.app_context():
        key = app.extensions["storage"].save(_scanned_letter(), kind="letter")
        return factories.remote_request("received", recorded_by_id=admin_id, requester_name="Andi Pratama",
                                        letter_key=key, letter_content_type="image/png",
                                        period_start=start, period_end=start + timedelta(days=2)).id


@pytest.mark.parametrize("lang, words", [("id", "Buka pindaian surat"), ("en", "Open the scanned letter")])
def test_the_kasubag_opens_the_request_letter_from_its_card_on_her_phone_queue(
        app, live_server, browser, make_user, lang, words):
    request_id = _letter_waiting(app, make_user)
    page = _phone(browser, live_server, "siti", PHONE)
    page.goto(f"{live_server}/admin/queue?lang={lang}")
    card = page.locator(".req.current")
    card.wait_for()
    settled(page)  # the card's slide-in
    link = card.get_by_role("link", name=words)
    assert link.count() == 1, f"the letter's card offers no way to read the letter: {card.inner_text()}"
    box = link.bounding_box()
    assert box["height"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"queue-letter-link-{lang}-360x640.png"))
    assert page.evaluate(SIDEWAYS) <= 0
    assert violations(page, axe_source()) == []
    letter = page.request.get(live_server + link.get_attribute("href"))
    assert letter.status == 200 and letter.headers["content-type"] == "image/png"
    assert letter.body() == _scanned_letter()
    with app.app_context():
        assert db.session.get(RemoteAccessRequest, request_id).status == "received", "reading decides nothing"
    page.context.close()


def test_a_closing_time_before_the_account_was_given_says_when_it_was_given(app, live_server, browser, make_user):
    admin_id = make_user("ani", "admin", name="Ani Admin")
    kasubag_id = make_user("siti", "kasubag", name="Siti Kasubag")
    now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    given = now - timedelta(hours=2)
    with app.app_context():
        request_id = factories.remote_request(
            "active", recorded_by_id=admin_id, requester_name="Andi Pratama", period_start=now - timedelta(hours=3),
            period_end=now + timedelta(days=1), decided_at=now - timedelta(hours=3), decided_by_id=kasubag_id,
            approved_until=now + timedelta(days=1), username="andi.pmd", rights_granted="Hanya baca",
            granted_at=given, granted_by_id=admin_id).id
    page = _phone(browser, live_server, "ani", PHONE)
    page.goto(f"{live_server}/admin/remote/{request_id}")
    early = given - timedelta(hours=1)
    page.locator("input[name=closed_at]").nth(0).fill(early.astimezone(WIB).strftime("%d/%m/%Y"))
    page.locator("input[name=closed_at]").nth(1).fill(early.astimezone(WIB).strftime("%H:%M"))
    page.fill("textarea[name=note]", "Pekerjaan selesai")
    page.get_by_role("button", name="Tutup akun").click()
    confirm = page.get_by_role("button", name="Ya, tutup")
    if confirm.count():
        with page.expect_navigation():
            confirm.click()
    page.wait_for_load_state()
    said = page.inner_text("#next-step")
    assert f"Akun diberikan pada {given.astimezone(WIB):%d/%m/%Y %H:%M} WIB" in said, said
    # what was typed is kept beside the reason
    assert page.locator("input[name=closed_at]").nth(1).input_value() == early.astimezone(WIB).strftime("%H:%M")
    assert page.input_value("textarea[name=note]") == "Pekerjaan selesai"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "close-before-given-360x640.png"), full_page=True)
    assert page.evaluate(SIDEWAYS) <= 0
    with app.app_context():
        assert db.session.get(RemoteAccessRequest, request_id).status == "active"
    page.context.close()


@pytest.mark.parametrize("viewport", [{"width": 1366, "height": 768}, PHONE], ids=["1366x768", "360x640"])
def test_the_admins_home_parts_each_count_from_its_words(app, live_server, browser, make_user, viewport):
    """The Admin's home read "0Sedang di dalam", "0Surat yang disetujui: ...": each count touched its words."""
    make_user("ani", "admin", name="Ani Admin")
    page = _phone(browser, live_server, "ani", viewport)
    page.goto(f"{live_server}/admin/")
    cards = page.locator("a.card.stat")
    assert cards.count() >= 5, page.inner_text("main")
    gaps = cards.evaluate_all("""cards => cards.map(card => {
        const count = card.querySelector('.big').getBoundingClientRect();
        const range = document.createRange();
        range.setStartAfter(card.querySelector('.big'));
        range.setEndAfter(card.lastChild);
        const words = range.getClientRects()[0];
        // beside the count, or under it: either way apart from it
        return Math.max(words.left - count.right, words.top - count.bottom);
    })""")
    assert all(gap >= 8 for gap in gaps), gaps
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"admin-home-{viewport['width']}.png"), full_page=True)
    page.context.close()
