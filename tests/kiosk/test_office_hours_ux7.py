"""Office hours at the kiosk (ux7): after closing (and before opening) the start screen says the
office is closed, with its hours, and offers no check-in; the server refuses a new visit with a
409 in the visitor's language and saves nothing; checking out works at any hour.

Each test fixes the kiosk's clock (KIOSK_CLOCK); none depends on the real time of day."""
from __future__ import annotations

from datetime import time

from lpsedesk.clock import wib_at
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, Visit
from tests import factories
from tests.conftest import office_day

from .conftest import capture_id, entry


def at_wib(app, h: int, m: int = 0) -> None:
    """The kiosk's clock at h:m WIB on an office day (Monday to Friday, tests/conftest.office_day)."""
    app.config["KIOSK_CLOCK"] = lambda: wib_at(office_day(), time(h, m))


def _stored_files(app) -> set[str]:
    root = app.extensions["storage"].root
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def test_a_guest_book_sent_after_closing_time_is_refused_in_indonesian_and_nothing_is_saved(app, kiosk, ktp_scene):
    capture = capture_id(kiosk, ktp_scene[0])  # the card was shown at 15:58 ...
    files_before = _stored_files(app)
    at_wib(app, 16, 1)                          # ... the last screen sent at 16:01
    response = kiosk.post_json("/visits", entry(capture=capture, scan_session="test-session-1"))
    assert response.status_code == 409, response.json
    assert response.json["error"] == "office_closed" and response.json["state"] == "after_closing"
    message = response.json["message"]
    assert "tutup" in message and "16:00" in message and "07:30" in message, message
    with app.app_context():
        assert db.session.query(Visit).count() == 0
        assert db.session.query(AuditEvent).filter_by(action="visit.submitted").count() == 0
    assert _stored_files(app) == files_before, "no signature file is left behind"


def test_the_refusal_is_said_in_english_on_an_english_kiosk(app, kiosk):
    kiosk.client.get("/kiosk/?lang=en")
    at_wib(app, 17)
    response = kiosk.post_json("/visits", {**entry(), "validate_only": True})
    assert response.status_code == 409
    assert "The office closed at 16:00 WIB" in response.json["message"]


def test_before_opening_time_the_office_is_closed_too(app, kiosk):
    at_wib(app, 7, 0)
    response = kiosk.post_json("/visits", {**entry(), "validate_only": True})
    assert response.status_code == 409 and response.json["state"] == "before_opening"
    assert "belum buka" in response.json["message"] and "07:30" in response.json["message"]


def test_the_first_form_step_already_hears_the_office_is_closed(app, kiosk):
    at_wib(app, 16, 30)
    response = kiosk.post_json("/visits", {**entry(), "validate_only": True})
    assert response.status_code == 409 and "fields" not in response.json  # the screen shows the message


def test_in_office_hours_a_visit_is_taken(app, kiosk, ktp_scene):
    at_wib(app, 15, 59)
    response = kiosk.post_json("/visits", entry(capture=capture_id(kiosk, ktp_scene[0]), scan_session="test-session-1"))
    assert response.status_code == 201, response.json


def test_a_visitor_still_inside_checks_out_after_closing_time(app, kiosk):
    with app.app_context():
        ticket = factories.visit("approved").ticket_code
    at_wib(app, 19, 45)
    response = kiosk.post_json(f"/visits/{ticket}/checkout", {})
    assert response.status_code == 200 and response.json["status"] == "checked_out"


def test_the_start_screen_after_closing_says_closed_with_the_hours_and_offers_only_leaving(app, kiosk):
    at_wib(app, 16, 30)
    page = kiosk.client.get("/kiosk/").get_data(as_text=True)
    assert "Kantor sudah tutup" in page and "07:30\u201316:00 WIB" in page
    assert 'data-action="checkin"' not in page, "no check-in to start"
    assert 'data-action="checkout"' in page, "leaving works at any hour"
    assert '&#34;office_open&#34;: false' in page or '"office_open": false' in page


def test_the_start_screen_before_opening_says_when_it_opens(app, kiosk):
    at_wib(app, 6, 45)
    page = kiosk.client.get("/kiosk/").get_data(as_text=True)
    assert "Kantor belum buka" in page and "mulai pukul 07:30 WIB" in page
    assert 'data-action="checkin"' not in page


def test_the_start_screen_in_office_hours_offers_check_in(app, kiosk):
    at_wib(app, 10)
    page = kiosk.client.get("/kiosk/").get_data(as_text=True)
    assert 'data-action="checkin"' in page and "Kantor sudah tutup" not in page


def test_the_start_screen_names_the_hours_and_in_the_last_half_hour_warns_of_closing(app, kiosk):
    at_wib(app, 10)
    page = kiosk.client.get("/kiosk/").get_data(as_text=True)
    assert "Jam layanan: 07:30\u201316:00 WIB" in page and "data-closing-soon" not in page
    at_wib(app, 15, 40)  # a first-time visitor may need 10-20 minutes for the guest book
    page = kiosk.client.get("/kiosk/").get_data(as_text=True)
    assert "data-closing-soon" in page and "Kantor tutup pukul 16:00 WIB" in page
    assert 'data-action="checkin"' in page, "still open: the visitor may try"
