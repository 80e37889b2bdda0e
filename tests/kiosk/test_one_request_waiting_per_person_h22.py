"""h22: the same person (NIK) sending the guest book again while the first request still waits for the
Kasubag: the kiosk says so at the NIK, on the form's step as on the last screen, and keeps nothing of
the second; the first stays as it was. A stranger's walk sent Dewi's request twice: the Kasubag met the
same name again after refusing it, and "Show my answer and ticket" found only one of them."""
from __future__ import annotations

from lpsedesk.extensions import db
from lpsedesk.models import Visit

from .conftest import capture_id, entry


def _send(kiosk, frame, **overrides):
    return kiosk.post_json("/visits", entry(capture=capture_id(kiosk, frame), scan_session="test-session-1",
                                            **overrides))


def test_a_second_request_while_the_first_waits_is_answered_at_the_nik(app, kiosk, ktp_scene):
    first = _send(kiosk, ktp_scene[0])
    assert first.status_code == 201, first.json

    asked = kiosk.post_json("/visits", dict(entry(institution="CV Lain"), validate_only=True))
    assert asked.status_code == 400
    assert set(asked.json["fields"]) == {"nik"}
    assert "sudah menunggu keputusan" in asked.json["fields"]["nik"]
    assert "Lihat jawaban dan tiket saya" in asked.json["fields"]["nik"], "where the first one is found"

    again = _send(kiosk, ktp_scene[0], institution="CV Lain")
    assert again.status_code == 400 and "nik" in again.json["fields"]
    with app.app_context():
        visits = db.session.query(Visit).all()
        assert [(v.ticket_code, v.status) for v in visits] == [(first.json["ticket"], "pending")]


def test_the_english_kiosk_says_it_in_english(kiosk, ktp_scene):
    assert _send(kiosk, ktp_scene[0]).status_code == 201
    assert kiosk.client.get("/kiosk/?lang=en").status_code == 200
    asked = kiosk.post_json("/visits", dict(entry(), validate_only=True))
    assert asked.status_code == 400
    assert "already waiting for a decision" in asked.json["fields"]["nik"]


def test_once_refused_the_person_may_send_a_new_request(app, kiosk, ktp_scene):
    first = _send(kiosk, ktp_scene[0])
    with app.app_context():
        visit = db.session.query(Visit).one()
        visit.status, visit.decision_reason = "denied", "Ruang penuh"
        db.session.commit()
    assert _send(kiosk, ktp_scene[0]).status_code == 201, "a decided request holds nothing back"
    assert first.status_code == 201
