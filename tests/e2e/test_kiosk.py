"""The visitor's path at the kiosk in real chromium with a fake camera showing a synthetic KTP:
check in by touch, the Kasubag's decision appearing live, the idle reset, an unenrolled browser."""
from __future__ import annotations

from tests.support import needs_ocr

import pytest

from lpsedesk import settings
from lpsedesk.extensions import db
from lpsedesk.models import Visit
from tests.kiosk.e2e_support import (CAPTURE_WAIT_MS, LANDSCAPE, PORTRAIT, both_orientations, enrol_page, ktp_video,
                                     sign, staff_decides)


def _check_in(page, person, shot, name_prefix: str | None):
    take = (lambda n: both_orientations(page, shot, n)) if name_prefix else (lambda n: None)
    take("1-welcome")
    page.click("[data-action=checkin]")
    page.wait_for_selector("[data-screen=ktp]:not([hidden])")
    if name_prefix:  # catch the moment the outline is drawn, before the card is steady
        page.wait_for_selector("[data-guidance]:has-text('Tahan')")
        shot(page, "kiosk-2-ktp-camera-" + ("landscape" if page.viewport_size["width"] > 1200 else "portrait"),
             full_page=False)
    page.wait_for_selector("[data-capture-done]:not([hidden])", timeout=CAPTURE_WAIT_MS)
    assert person.nik in page.inner_text("[data-capture-read]")
    take("3-ktp-captured")
    page.click("[data-action=to-who]")
    page.wait_for_selector("[data-screen=who]:not([hidden])")
    assert page.input_value("input[name=nik]") == person.nik, "the NIK read from the card pre-fills the form"
    page.wait_for_selector("[data-nik-info]:not(:empty)")
    assert page.is_visible("[data-from-card=nik]"), "a field filled from the card says so, to be checked"
    page.fill("input[name=nik]", person.nik)  # the visitor edits the field: it is theirs now
    assert not page.is_visible("[data-from-card=nik]")
    # The phone typed on the on-screen number pad, as a visitor without a keyboard would.
    page.click("input[name=phone]")
    for digit in "081234560077":
        page.click(f".k-osk [data-key='{digit}']")
    assert page.input_value("input[name=phone]") == "081234560077"
    take("4-who-keyboard")
    page.click(".k-osk [data-key='{hide}']")
    page.fill("input[name=full_name]", person.name)
    take("5-who-filled")
    page.click("[data-action=to-from]")
    page.wait_for_selector("[data-screen=from]:not([hidden])")
    page.fill("input[name=institution]", "CV Contoh Sejahtera")
    page.click("label.k-chip:has(input[name=category][value=penyedia])")
    take("6-from-filled")
    page.click("[data-action=to-what]")
    page.wait_for_selector("[data-screen=what]:not([hidden])")
    page.click("label.k-chip:has(input[name=purpose][value=verification])")
    page.click("label.k-chip:has(input[name=facility][value=verification_desk])")
    page.click("label.k-chip:has(input[name=planned_minutes][value='60'])")
    take("7-what-filled")
    page.click("[data-action=to-rules]")
    page.wait_for_selector("[data-screen=rules]:not([hidden])")
    page.click("[data-action=submit]")  # nothing ticked or signed yet: both are named
    page.wait_for_selector("[data-error-for=rules_accepted]:not(:empty)")
    # Both problems of the screen at once, in words (never a code such as signature_required).
    assert page.inner_text("[data-error-for=signature]").strip()
    assert "_" not in page.inner_text("[data-screen=rules]")
    page.check("[data-rules]")
    sign(page)
    take("8-rules-signed")
    page.click("[data-action=submit]")
    page.wait_for_selector("[data-screen=ticket]:not([hidden])")
    assert page.get_attribute("[data-status]", "data-state") == "pending"
    return page.inner_text("[data-ticket-code]")


@needs_ocr
@pytest.mark.parametrize("viewport,decision", [(LANDSCAPE, "approve"), (PORTRAIT, "deny")],
                         ids=["landscape-approved", "portrait-refused"])
def test_a_first_time_visitor_checks_in_by_touch_and_sees_the_decision_live(
        app, live_server, launch_browser, tmp_path, shot, login, make_user, viewport, decision):
    video, person = ktp_video(tmp_path / "ktp.y4m")
    page = enrol_page(app, launch_browser(fake_video=video), live_server, viewport)
    ticket = _check_in(page, person, shot, "checkin" if decision == "approve" else None)
    with app.app_context():
        visit = db.session.query(Visit).filter_by(ticket_code=ticket).one()
        assert visit.status == "pending" and visit.visitor.nik == person.nik
        visit_id = visit.id
    if decision == "approve":
        both_orientations(page, shot, "9-ticket-pending")
    page.evaluate("window.__sameDocument = true")
    reason = "Ruang pelatihan sedang dipakai" if decision == "deny" else ""
    assert staff_decides(app, login, make_user, visit_id, decision, reason) == 302
    expected = "approved" if decision == "approve" else "denied"
    # The stream pushes the decision: well within the 15 s fallback poll, and without a reload.
    page.wait_for_selector(f"[data-status][data-state={expected}]", timeout=5000)
    assert page.evaluate("window.__sameDocument") is True
    if decision == "approve":
        assert page.is_visible("[data-status-until]")
        both_orientations(page, shot, "10-ticket-approved")
        page.emulate_media(media="print")
        shot(page, "kiosk-slip-receipt80-print", full_page=False)
        _slip_is_an_80mm_receipt_with_the_ticket(page, ticket)
        page.emulate_media(media="screen")
    else:
        assert reason in page.inner_text("[data-status-reason]")
        assert page.is_visible("[data-status-help]")
        both_orientations(page, shot, "10-ticket-refused")
        assert not page.is_visible("[data-ticket-qr]"), "a refused visit shows no check-out QR"
    # h44k: the submit before ticking and signing is said by the kiosk itself, nothing sent: no 400 logged
    assert page.errors == [], page.errors


def _slip_is_an_80mm_receipt_with_the_ticket(page, ticket: str) -> None:
    """What --kiosk-printing would send to the printer: one 80 mm wide page naming the ticket."""
    import io

    from pypdf import PdfReader

    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    width_mm = float(pdf.pages[0].mediabox.width) / 72 * 25.4
    assert len(pdf.pages) == 1 and abs(width_mm - 80) < 1, width_mm
    assert ticket in pdf.pages[0].extract_text().replace(" ", "")  # letter-spaced on the slip


def _scan_sessions(app) -> int:
    # On PostgreSQL the scan sessions live in the database (several app processes share them).
    with app.app_context():
        return len(app.extensions["kiosk_scan_sessions"])


def test_an_idle_kiosk_counts_down_and_clears_everything(app, live_server, launch_browser, tmp_path, shot):
    with app.app_context():
        settings.put(db.session, "kiosk_idle_seconds", 5)
        db.session.commit()
    video, person = ktp_video(tmp_path / "ktp.y4m")
    page = enrol_page(app, launch_browser(fake_video=video), live_server, LANDSCAPE)
    page.click("[data-action=checkin]")
    page.wait_for_selector("[data-capture-done]:not([hidden])", timeout=CAPTURE_WAIT_MS)
    page.click("[data-action=to-who]")
    page.fill("input[name=full_name]", person.name)
    page.fill("input[name=phone]", "081234560077")
    page.click("[data-action=to-from]")
    page.wait_for_selector("[data-screen=from]:not([hidden])")
    page.fill("input[name=institution]", "CV Rahasia")
    assert _scan_sessions(app) == 1
    page.wait_for_selector("[data-idle]:not([hidden])", timeout=15000)
    both_orientations(page, shot, "11-idle-countdown")
    page.wait_for_selector("body[data-screen=welcome]", timeout=15000)
    for field in ("nik", "full_name", "institution", "phone"):
        assert page.input_value(f"input[name={field}]") == ""
    assert page.get_attribute("[data-preview]", "src") is None
    assert page.evaluate("document.querySelector('[data-signature]').toDataURL()") == \
        page.evaluate("(() => { const c = document.createElement('canvas'); c.width = 900; c.height = 360;"
                      " const x = c.getContext('2d'); x.fillStyle = '#fff'; x.fillRect(0, 0, 900, 360);"
                      " return c.toDataURL(); })()")
    assert person.name not in page.content()
    for _ in range(50):
        if _scan_sessions(app) == 0:
            break
        page.wait_for_timeout(100)
    assert _scan_sessions(app) == 0, "the server forgot the scan session"
    assert list(app.extensions["storage"].keys()) == [], "the unused KTP capture was deleted"


def test_an_unenrolled_browser_is_refused(live_server, browser, shot):
    page = browser.new_page(viewport=LANDSCAPE)
    response = page.goto(f"{live_server}/kiosk/")
    assert response.status == 401
    assert "bukan kios yang terdaftar" in page.inner_text("h1")
    status = page.evaluate("fetch('/kiosk/api/v1/visits/ABCDEFGH').then(r => r.status)")
    assert status == 401
    shot(page, "kiosk-not-registered", full_page=False)
