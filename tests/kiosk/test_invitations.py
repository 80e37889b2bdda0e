"""Invitations at the kiosk (issue 15), through the kiosk API: a scanned invitation fills the guest
book; approved in advance, the visit starts approved; outside its window or already used, the kiosk
says so and the normal path goes on; the KTP's NIK must be the invited one when it was given."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.invitations import rules
from lpsedesk.models import AuditEvent, Invitation, User, utcnow
from lpsedesk.roles import Actor, Role

from .conftest import NIK, capture_id, entry


def make_invitation(app, *, approved: bool = False, starts_in: timedelta = timedelta(hours=-1),
                    length: timedelta = timedelta(hours=8), nik: str = "") -> tuple[int, str]:
    with app.app_context():
        kasubag = User(username="bambang", full_name="Bambang Kasubag", password_hash="-")
        db.session.add(kasubag)
        db.session.flush()
        start = utcnow() + starts_in
        draft = rules.InvitationDraft(full_name="Sari Uji Coba", phone="081234560001", institution="CV Contoh Sejahtera",
                                      category="penyedia", purpose="training", facility="training_room",
                                      starts_at=start, ends_at=start + length, nik=nik, event_name="Pelatihan SPSE")
        inv = rules.build(draft, None)
        db.session.add(inv)
        db.session.flush()
        if approved:
            rules.decide(db.session, inv, "approve", Actor("user", kasubag.id, "Bambang Kasubag",
                                                           frozenset({Role.KASUBAG})))
        db.session.commit()
        return inv.id, rules.code(inv)


def submit(kiosk, ktp_scene, code: str, **overrides):
    return kiosk.post_json("/visits", entry(capture=capture_id(kiosk, ktp_scene[0]), scan_session="test-session-1",
                                            invitation=code, purpose="training", facility="training_room",
                                            **overrides))


def test_an_invitation_approved_in_advance_fills_the_form_and_its_visit_starts_approved(app, kiosk, ktp_scene):
    inv_id, code = make_invitation(app, approved=True)
    found = kiosk.post_json("/invitations/lookup", {"code": code.lower()})
    assert found.status_code == 200
    assert found.json["full_name"] == "SARI UJI COBA" and found.json["approved_in_advance"] is True
    assert found.json["facility"] == "training_room" and found.json["planned_minutes"] == 480
    response = submit(kiosk, ktp_scene, code)
    assert response.status_code == 201, response.json
    assert response.json["status"] == "approved"
    with app.app_context():
        inv = db.session.get(Invitation, inv_id)
        assert inv.status == "used" and inv.visit.status == "approved"
        assert inv.visit.decided_by_label == "Bambang Kasubag"
        approval = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "visit.approved")).one()
        assert approval.details["via"] == "invitation" and approval.details["approver"] == "Bambang Kasubag"


def test_an_invitation_not_approved_in_advance_gives_a_pending_request(app, kiosk, ktp_scene):
    _inv_id, code = make_invitation(app)
    response = submit(kiosk, ktp_scene, code)
    assert response.status_code == 201 and response.json["status"] == "pending"


def test_an_invitation_outside_its_window_is_refused_with_a_clear_message_and_the_normal_path_goes_on(
        app, kiosk, ktp_scene):
    inv_id, code = make_invitation(app, approved=True, starts_in=timedelta(hours=2))
    found = kiosk.post_json("/invitations/lookup", {"code": code})
    assert found.status_code == 409 and found.json["error"] == "invitation_too_early"
    assert "Undangan ini berlaku mulai" in found.json["message"]
    english = kiosk.client.post("/kiosk/api/v1/invitations/lookup?lang=en", json={"code": code},
                                headers={"X-CSRFToken": kiosk.csrf})
    assert "This invitation is valid from" in english.json["message"]
    # The visitor fills the guest book anyway: a normal pending request, the invitation untouched.
    response = submit(kiosk, ktp_scene, code)
    assert response.status_code == 201 and response.json["status"] == "pending"
    with app.app_context():
        assert db.session.get(Invitation, inv_id).status == "approved"


def test_an_invitation_whose_window_has_ended_says_so(app, kiosk):
    _inv_id, code = make_invitation(app, starts_in=timedelta(hours=-5), length=timedelta(hours=2))
    found = kiosk.post_json("/invitations/lookup", {"code": code})
    assert found.status_code == 409 and found.json["error"] == "invitation_too_late"


def test_an_invitation_is_used_once(app, kiosk, ktp_scene):
    _inv_id, code = make_invitation(app, approved=True)
    assert submit(kiosk, ktp_scene, code).json["status"] == "approved"
    again = kiosk.post_json("/invitations/lookup", {"code": code})
    assert again.status_code == 409 and again.json["error"] == "invitation_used"
    assert "sudah dipakai" in again.json["message"]
    # Sent again anyway, it is a normal pending request: no second approval from one invitation.
    assert submit(kiosk, ktp_scene, code).json["status"] == "pending"


def test_the_ktp_nik_must_be_the_invited_one(app, kiosk, ktp_scene):
    _inv_id, code = make_invitation(app, approved=True, nik="3373020101900001")
    response = kiosk.post_json("/visits", dict(entry(), invitation=code, validate_only=True))
    assert response.status_code == 400 and response.json["codes"] == {"nik": "nik_mismatch"}
    assert submit(kiosk, ktp_scene, code).status_code == 400


@pytest.mark.parametrize("code", ["INV" + "A" * 28, "nonsense"])
def test_an_unknown_code_is_a_404_with_a_message(kiosk, code):
    found = kiosk.post_json("/invitations/lookup", {"code": code})
    assert found.status_code == 404 and found.json["message"]


def test_the_visitors_own_page_shows_the_qr_from_the_link(app, client):
    _inv_id, code = make_invitation(app)
    page = client.get(f"/kiosk/i/{code}")
    assert page.status_code == 200 and "<svg" in page.get_data(as_text=True)
    assert client.get("/kiosk/i/INV" + "B" * 28).status_code == 404
