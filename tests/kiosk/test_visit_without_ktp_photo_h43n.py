"""h43n: a kiosk without a camera is not a dead end. With the camera absent or refused the visitor
goes on without a KTP photo and shows the original KTP to the helpdesk (SOP 1: the visitor "shows a
valid ID (KTP)", the helpdesk checks it and asks the Kasubag). Only the kiosk's word that it had no
camera lets a request through without a capture; such a visit says so and waits for the desk's KTP
check, whatever the office's "KTP first" setting."""
from __future__ import annotations

import pytest

from lpsedesk import settings
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, Visit

from .conftest import entry

SHOW_KTP = "KTP asli kepada petugas helpdesk"
SENT = "sudah dikirim ke"


def _visit(app, ticket: str) -> Visit:
    return db.session.query(Visit).filter_by(ticket_code=ticket).one()


@pytest.mark.parametrize("ktp_first", [False, True])
def test_a_kiosk_without_a_camera_sends_the_request_and_it_waits_for_the_ktp_check(app, kiosk, ktp_first):
    with app.app_context():
        settings.put(db.session, "ktp_check_before_kasubag", ktp_first)
        db.session.commit()
    response = kiosk.post_json("/visits", entry(capture="", no_camera=True))
    assert response.status_code == 201, response.json
    said = response.json["message"]
    # the waiting screen sends the visitor to the desk first, and does not say the Kasubag has it yet
    assert SHOW_KTP in said and SENT not in said
    with app.app_context():
        visit = _visit(app, response.json["ticket"])
        assert visit.status == "pending" and visit.no_ktp_photo is True and visit.id_capture_key is None
        event = db.session.query(AuditEvent).filter_by(action="visit.submitted").one()
        assert event.details.get("no_ktp_photo") is True


def test_a_request_without_a_capture_and_without_no_camera_is_refused_as_before(app, kiosk):
    for payload in (entry(capture=""), entry(capture="", no_camera=False), entry(capture="", no_camera="yes")):
        response = kiosk.post_json("/visits", payload)
        assert response.status_code == 400
        assert response.json["codes"]["capture"] == "capture_required"
    with app.app_context():
        assert db.session.query(Visit).count() == 0


def test_a_visit_with_a_photo_is_never_marked_as_without_one(app, kiosk, ktp_scene):
    from .conftest import capture_id

    response = kiosk.post_json("/visits", entry(capture=capture_id(kiosk, ktp_scene[0]), no_camera=True,
                                                scan_session="test-session-1"))
    assert response.status_code == 201, response.json
    with app.app_context():
        visit = _visit(app, response.json["ticket"])
        assert visit.no_ktp_photo is False and visit.id_capture_key


def test_once_the_desk_has_checked_the_ktp_the_waiting_screen_says_it_is_with_the_kasubag(app, kiosk):
    from datetime import datetime, timezone

    response = kiosk.post_json("/visits", entry(capture="", no_camera=True))
    ticket = response.json["ticket"]
    with app.app_context():
        _visit(app, ticket).ktp_checked_at = datetime.now(timezone.utc)
        db.session.commit()
    said = kiosk.get(f"/visits/{ticket}").json["message"]
    assert SENT in said and "KTP" not in said
