"""The camera loop's frames are answered ahead of Flask's request machinery (issue 16: the served
frame within 1.15x of the engine). What the kiosk and the desk see must not change: every refusal
of the narrow path stays (tests/kiosk/test_frame_capability.py, test_raw_frames.py), and here: no
Flask request, view, session cookie or hook runs for a frame; the answer carries the headers every
answer carries; a caller that is no allowed kiosk is refused at once; a NUL in the query is refused;
an unexpected error is a logged 500 in the kiosk's language that keeps nothing; "last seen" is
stamped; every other method and path is Flask's."""
from __future__ import annotations

import logging

from flask import request_started
from sqlalchemy import func, select

from lpsedesk import devices
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, KioskDevice

from .conftest import API, jpeg
from .test_frame_capability import FRAMES, _device_only, _frame, _open


def test_a_frame_is_answered_without_flasks_request_session_cookie_or_view(app, kiosk, ktp_scene, monkeypatch):
    capability = _open(kiosk).json["capability"]
    started, opened, viewed = [], [], []
    interface = app.session_interface
    monkeypatch.setattr(interface, "open_session", lambda *a: opened.append(a) or type(interface).open_session(
        interface, *a))
    view = app.view_functions["kiosk.frame"]
    monkeypatch.setitem(app.view_functions, "kiosk.frame", lambda *a, **k: viewed.append(1) or view(*a, **k))
    request_started.connect(lambda sender, **extra: started.append(1), app, weak=False)
    try:
        answer = _frame(_device_only(app, kiosk), jpeg(ktp_scene[0]), capability, capture="1")
        assert answer.status_code == 200 and answer.json["captured"] is True
        assert started == [] and opened == [] and viewed == []
        # an ordinary kiosk call still goes through Flask
        assert kiosk.client.get(f"{API}/status/none").status_code in (200, 400, 404)
        assert started and opened
    finally:
        request_started.receivers.clear()


def test_a_frames_answer_carries_the_headers_every_answer_carries(app, kiosk, ktp_scene):
    capability = _open(kiosk).json["capability"]
    client = _device_only(app, kiosk)
    for answer in (_frame(client, jpeg(ktp_scene[0]), capability), _frame(client, jpeg(ktp_scene[0]), "wrong")):
        h = answer.headers
        assert h["X-Content-Type-Options"] == "nosniff"
        assert h["Cache-Control"] == "no-store"
        assert h["X-Frame-Options"] == "DENY" and h["Referrer-Policy"] == "no-referrer"
        assert "frame-ancestors 'none'" in h["Content-Security-Policy"]
        assert answer.mimetype == "application/json" and "Set-Cookie" not in h


def test_a_frame_from_no_allowed_kiosk_is_refused_at_once_in_indonesian(app, client, kiosk, ktp_scene):
    capability = _open(kiosk).json["capability"]
    stranger = app.test_client()
    refused = _frame(stranger, jpeg(ktp_scene[0]), capability)
    assert refused.status_code == 401 and refused.json["error"] == "kiosk_not_registered"
    assert refused.json["message"].startswith("Layar ini bukan kios yang terdaftar")
    forged = app.test_client()
    forged.set_cookie(devices.COOKIE_NAME, "forged.value")
    assert _frame(forged, jpeg(ktp_scene[0]), capability).status_code == 401
    with app.app_context():
        devices.revoke(db.session, None, db.session.get(KioskDevice, kiosk.device_id))
        db.session.commit()
    revoked = _frame(_device_only(app, kiosk), jpeg(ktp_scene[0]), capability)
    assert revoked.status_code == 403 and revoked.json["error"] == "kiosk_not_registered"


def test_a_nul_in_the_frames_query_is_refused_before_anything_else(app, kiosk, ktp_scene):
    capability = _open(kiosk).json["capability"]
    answer = _frame(_device_only(app, kiosk), jpeg(ktp_scene[0]), capability, mode="ktp\x00")
    assert answer.status_code == 400 and "NUL" in answer.json["message"]


def test_an_unexpected_error_is_a_logged_500_that_keeps_nothing(app, kiosk, ktp_scene, monkeypatch, caplog):
    capability = _open(kiosk).json["capability"]
    from kiosk import scan_api

    def broken(*_a, **_k):
        raise RuntimeError("engine fell over")

    monkeypatch.setattr(scan_api, "scan_frame", broken)
    with caplog.at_level(logging.ERROR):
        answer = _frame(_device_only(app, kiosk), jpeg(ktp_scene[0]), capability, capture="1", lang="en")
    assert answer.status_code == 500 and answer.json["message"].startswith("Something went wrong")
    assert any("engine fell over" in (r.exc_text or str(r.exc_info)) for r in caplog.records)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(AuditEvent)
                                 .where(AuditEvent.action == "kiosk.ktp_captured")) == 0


def test_a_frame_stamps_the_kiosks_last_seen(app, kiosk, ktp_scene):
    capability = _open(kiosk).json["capability"]
    with app.app_context():
        db.session.get(KioskDevice, kiosk.device_id).last_seen_at = None
        db.session.commit()
    app.extensions.pop("kiosk_credentials", None)  # forget that it was seen a moment ago
    assert _frame(_device_only(app, kiosk), jpeg(ktp_scene[0]), capability).status_code == 200
    with app.app_context():
        assert db.session.get(KioskDevice, kiosk.device_id).last_seen_at is not None


def test_every_other_method_and_path_is_flasks(app, kiosk):
    assert kiosk.client.get(FRAMES).status_code == 405  # Flask's answer: the route takes POST only
    assert kiosk.client.post(FRAMES + "/", data=b"x").status_code == 404


def test_a_frame_of_a_kiosk_known_to_the_credential_cache_takes_no_database_connection(app, kiosk, ktp_scene,
                                                                                         monkeypatch):
    """In one process's memory (SQLite): nothing of the frame is in the database, so it should not
    even check out a connection, nor put the kiosk's row into a database session; a capture still
    writes its audit event with the kiosk's row."""
    if app.extensions["kiosk_scan_sessions"].shared:
        return  # on PostgreSQL the scan session's row is read FOR UPDATE on every frame
    from sqlalchemy import event

    capability = _open(kiosk).json["capability"]
    client = _device_only(app, kiosk)
    assert _frame(client, jpeg(ktp_scene[0]), capability).status_code == 200  # cached, "last seen" stamped
    checkouts: list[int] = []
    with app.app_context():
        engine = db.engine

    def count(*_a):
        checkouts.append(1)

    from sqlalchemy.orm import Session

    merged: list[int] = []
    real_merge = Session.merge
    monkeypatch.setattr(Session, "merge", lambda self, *a, **k: merged.append(1) or real_merge(self, *a, **k))
    event.listen(engine, "checkout", count)
    try:
        assert _frame(client, jpeg(ktp_scene[0]), capability).status_code == 200
        assert _frame(client, jpeg(ktp_scene[0]), "wrong").status_code == 403
        assert checkouts == [] and merged == []
        assert _frame(client, jpeg(ktp_scene[0]), capability, capture="1").json["captured"] is True
        assert checkouts and merged  # the capture's audit event, with the kiosk's row attached for it
    finally:
        event.remove(engine, "checkout", count)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(AuditEvent)
                                 .where(AuditEvent.action == "kiosk.ktp_captured")) == 1
