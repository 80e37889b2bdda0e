"""ux14: the Kasubag refuses on a 360x740 phone. The open refusal (reason chips, the box, its messages,
"Batal" and "Tolak dengan alasan ini") fits the phone's width: nothing to scroll sideways, nothing cut.
The reason reaches the visitor's kiosk screen named as a reason ("Alasan:") and in the visitor's own
language: a reason tapped from the office's defaults is shown in English at an English kiosk; a reason
the Kasubag wrote is shown as written, and the Kasubag is told above the box that this visitor reads
English."""
from __future__ import annotations

import time
from datetime import datetime, timezone

import pytest

from lpsedesk.extensions import db
from lpsedesk.models import KioskDevice, Visit
from tests import factories
from tests.kiosk.e2e_support import TABLET, enrol_page

from .axe import axe_source, violations
from .settle import settled
from .test_refusal_reason_phone_ux13 import refusal_opened
from .test_staff_phone_stranger import PHONE, SIDEWAYS

NIK, MOBILE = "3373024107900009", "081234560009"
CHIP = "Ruang/fasilitas sedang dipakai"
HINT = "Pengunjung memakai kios dalam bahasa Inggris: bila bisa, tulis alasannya dalam bahasa Inggris."


def _waiting_at_the_kiosk(app, browser, live_server, locale: str):
    """A visit sent from this kiosk, waiting, its ticket on the kiosk screen in the visitor's language."""
    with app.app_context():
        now = datetime.now(timezone.utc)
        visit = factories.visit("pending", submitted_at=now, ktp_checked_at=now, locale=locale,
                                visitor=factories.visitor(full_name="MARIA SANTOS", nik=NIK, phone=MOBILE))
        visit_id = visit.id
    kiosk = enrol_page(app, browser, live_server, TABLET)
    with app.app_context():
        device = db.session.query(KioskDevice).order_by(KioskDevice.id.desc()).first()
        db.session.get(Visit, visit_id).submitted_via_kiosk_id = device.id
        db.session.commit()
    kiosk.goto(f"{live_server}/kiosk/?lang={locale}")
    kiosk.wait_for_selector("body[data-ready]")
    kiosk.click("[data-action=find-answer]")
    kiosk.fill("input[name=find_nik]", NIK)
    kiosk.fill("input[name=find_last4]", MOBILE[-4:])
    kiosk.click("[data-action=find-submit]")
    kiosk.wait_for_selector("[data-screen=ticket]:not([hidden]) [data-status][data-state=pending]")
    return kiosk, visit_id


def _out_of_the_phone(page, selector: str) -> list[str]:
    """What of the open refusal is cut by the phone's edges."""
    return page.evaluate("""(sel) => [...document.querySelectorAll(sel)].filter(el => el.offsetParent !== null)
      .map(el => [el, el.getBoundingClientRect()])
      .filter(([el, r]) => r.left < 0 || r.right > document.documentElement.clientWidth)
      .map(([el, r]) => `${el.tagName} ${el.className} ${Math.round(r.left)}..${Math.round(r.right)}`)""", selector)


def _refused(app, visit_id: int) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with app.app_context():
            if db.session.get(Visit, visit_id).status == "denied":
                return
        time.sleep(0.1)
    raise AssertionError("not refused")


@pytest.mark.parametrize(("locale", "tap_chip", "shown"), [
    ("en", True, "The room or facility is in use"),
    ("id", True, CHIP),
    ("en", False, "Please come back on Monday"),
], ids=["english-kiosk-chip", "indonesian-kiosk-chip", "english-kiosk-written"])
def test_the_refusal_fits_the_phone_and_its_reason_reaches_the_visitor_in_their_language(
        app, live_server, browser, make_user, shot, locale, tap_chip, shown):
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    kiosk, visit_id = _waiting_at_the_kiosk(app, browser, live_server, locale)
    phone, card = refusal_opened(browser, live_server, "bambang")
    hint = card.locator(".reason-language")
    if locale == "en":
        assert hint.inner_text() == HINT
        assert hint.get_attribute("id") in card.locator("textarea[name=reason]").get_attribute("aria-describedby")
    else:
        assert hint.count() == 0, "nothing to say when the visitor reads Indonesian"
    if tap_chip:
        card.locator(f"[data-reason]:has-text('{CHIP}')").click()
    else:
        card.locator("textarea[name=reason]").fill(shown)
    assert phone.evaluate(SIDEWAYS) <= 0, "the open refusal scrolls sideways"
    assert _out_of_the_phone(phone, ".req.current .refuse-panel, .req.current .refuse-panel *") == []
    refuse = card.locator("button[value=deny]")
    box = refuse.bounding_box()
    assert box["height"] >= 44 and box["x"] + box["width"] <= PHONE["width"]
    settled(phone)
    shot(phone, f"ux14-phone-refusal-open-{locale}-{'chip' if tap_chip else 'written'}", full_page=False)
    assert violations(phone, axe_source()) == []
    refuse.click()
    _refused(app, visit_id)

    kiosk.wait_for_selector("[data-status][data-state=denied]", timeout=20000)
    reason = kiosk.locator("[data-status-reason-box]")
    label = {"en": "Reason:", "id": "Alasan:"}[locale]
    assert " ".join(reason.inner_text().split()) == f"{label} {shown}"
    settled(kiosk)
    shot(kiosk, f"ux14-kiosk-refused-{locale}-{'chip' if tap_chip else 'written'}", full_page=False)
    assert violations(kiosk, axe_source()) == []
