"""Checking out at the kiosk: the ticket's QR shown to the camera, or read by a USB scanner."""
from __future__ import annotations

from lpsedesk.extensions import db
from lpsedesk.models import Visit
from tests import factories
from tests.kiosk.e2e_support import LANDSCAPE, PORTRAIT, TABLET, both_orientations, enrol_page, qr_video, scanner_types


def _approved_visit(app) -> tuple[int, str]:
    with app.app_context():
        visit = factories.visit("approved")
        return visit.id, visit.ticket_code


def test_a_visitor_checks_out_by_showing_the_ticket_qr_to_the_camera(app, live_server, launch_browser, tmp_path,
                                                                      shot):
    visit_id, ticket = _approved_visit(app)
    page = enrol_page(app, launch_browser(fake_video=qr_video(tmp_path / "qr.y4m", ticket)), live_server, LANDSCAPE)
    page.click("[data-action=checkout]")
    page.wait_for_selector("[data-screen=checkout-confirm]:not([hidden])", timeout=20000)
    assert page.inner_text("[data-out-ticket]") == ticket
    assert not page.query_selector("label.k-star"), "the 1-5 stars are replaced by the SKM survey"
    both_orientations(page, shot, "11-checkout-confirm")
    page.click("[data-action=confirm-checkout]")
    page.wait_for_selector("[data-screen=checkout-done]:not([hidden])")
    both_orientations(page, shot, "12-checkout-done")
    with app.app_context():
        visit = db.session.get(Visit, visit_id)
        assert visit.status == "checked_out" and visit.rating is None
    assert not page.errors, page.errors


def test_a_visitor_checks_out_with_a_usb_scanner_without_touching_a_field(app, live_server, browser, shot):
    visit_id, ticket = _approved_visit(app)
    page = enrol_page(app, browser, live_server, PORTRAIT)
    page.click("[data-action=checkout]")
    page.wait_for_selector("[data-screen=checkout] [data-camera-off]:not([hidden])")
    both_orientations(page, shot, "10-checkout-scan-no-camera")
    page.set_viewport_size(TABLET)
    shot(page, "kiosk-10-checkout-scan-tablet", full_page=False)
    scanner_types(page, ticket)  # a keyboard-wedge scanner: fast keystrokes, then Enter
    page.wait_for_selector("[data-screen=checkout-confirm]:not([hidden])")
    assert page.input_value("input[name=ticket]") == "", "the scanner's keystrokes did not land in a field"
    page.click("[data-action=confirm-checkout]")
    page.wait_for_selector("[data-screen=checkout-done]:not([hidden])")
    with app.app_context():
        assert db.session.get(Visit, visit_id).status == "checked_out"
    # The same ticket again: the kiosk says it is already checked out.
    page.click("section[data-screen=checkout-done] [data-action=home-now]")
    page.wait_for_selector("body[data-screen=welcome]")
    scanner_types(page, ticket)
    page.wait_for_selector("[data-screen=checkout-confirm]:not([hidden])")
    assert "sudah dicatat keluar" in page.inner_text("[data-checkout-error]")
    assert not page.is_visible("[data-action=confirm-checkout]")
