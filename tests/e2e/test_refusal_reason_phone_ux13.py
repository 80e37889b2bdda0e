"""ux13: on the Kasubag's phone (360x740), "Tolak dengan alasan ini" with the reason box empty was
flagged only by the browser's bubble, in the browser's language, gone at the next touch. Now the
page's own message stands beside the box (its aria-describedby), in the page's language, until a
reason is written; only spaces are refused the same way; nothing is sent until then."""
from __future__ import annotations

import time
from datetime import datetime, timezone

import pytest
from playwright.sync_api import expect

from lpsedesk.extensions import db
from lpsedesk.models import Visit
from tests import factories

from .axe import axe_source, violations
from .settle import settled
from .test_staff_phone_stranger import PHONE, _phone

SAID = {"id": "Alasan wajib diisi: tulis mengapa ditolak; pengunjung membacanya di kios.",
        "en": "A reason is required: write why you refuse; the visitor reads it at the kiosk."}


def refusal_opened(browser, live_server, username: str, lang: str = "id"):
    """The Kasubag's phone on the queue, "Tolak…" tapped on the current request: (page, its card)."""
    page = _phone(browser, live_server, username)
    page.goto(f"{live_server}/admin/queue?lang={lang}")
    page.wait_for_selector(".req.current")
    settled(page)  # the card's slide-in
    card = page.locator(".req.current")
    card.locator(".refuse summary").click()
    return page, card


def _status(app, visit_id: int) -> str:
    with app.app_context():
        return db.session.get(Visit, visit_id).status


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_kasubag_refusing_without_a_reason_reads_why_beside_the_box(app, live_server, browser, make_user,
                                                                          shot, lang):
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    with app.app_context():
        now = datetime.now(timezone.utc)
        visit_id = factories.visit("pending", submitted_at=now, ktp_checked_at=now).id
    page, card = refusal_opened(browser, live_server, "bambang", lang)
    reason = card.locator("textarea[name=reason]")
    refuse = card.locator("button[value=deny]")
    line = page.locator(f"#{reason.get_attribute('aria-describedby')}")

    refuse.click()
    line.wait_for(state="visible")
    assert line.inner_text() == SAID[lang]
    assert reason.get_attribute("aria-invalid") == "true"
    assert page.evaluate("document.activeElement.name") == "reason", "the box to write in has the cursor"
    box = line.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"], "the message is on the screen"
    settled(page)
    shot(page, f"ux13-queue-refuse-without-reason-{lang}", full_page=False)
    assert violations(page, axe_source()) == []
    assert _status(app, visit_id) == "pending"

    reason.fill("   ")  # only spaces pass the browser's "required"
    refuse.click()
    expect(line).to_have_text(SAID[lang])
    # Asserts that something does NOT happen (the refusal is not sent), so a time: a refusal sent from
    # here reaches the database within 300 ms on any machine; a slow one can only hide a fault.
    page.wait_for_timeout(300)
    assert line.inner_text() == SAID[lang] and _status(app, visit_id) == "pending"

    reason.fill("Ruang rapat sedang dipakai")
    assert line.inner_text() == "" and reason.get_attribute("aria-invalid") is None, "a written reason clears it"
    refuse.click()
    deadline = time.monotonic() + 10
    while _status(app, visit_id) == "pending" and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _status(app, visit_id) == "denied"
