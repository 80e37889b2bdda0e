"""README, "Data retention and privacy": a KTP held up at a kiosk that no visit used (the steady
card's crops, a capture) is kept in its scan session only while the kiosk can continue it: a session
untouched for 30 minutes is ended, with its captures, by a job the server runs every minute and at
its start, whether or not any kiosk sends a frame (h45v). Before, a kiosk that crashed or lost power
mid-scan left them (on PostgreSQL unencrypted in `scan_sessions`) until some kiosk's next frame."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from lpsedesk.clock import utcnow
from lpsedesk.extensions import db
from lpsedesk.jobs import jobs_of, run_once
from lpsedesk.models import ScanSessionRecord

from .conftest import enrol_client, jpeg


@pytest.fixture
def shared_app(app, make_app):
    """The app as PostgreSQL runs it (scan sessions in the database), here on the test database."""
    return make_app({"DATABASE_URL": app.config["DATABASE_URL"], "TESTING": True,
                     "STORAGE_DIR": app.config["STORAGE_DIR"], "KIOSK_SCAN_SESSIONS": "database",
                     "KIOSK_CLOCK": app.config["KIOSK_CLOCK"]}, instance_path=app.instance_path)


def _rows(app) -> dict[str, ScanSessionRecord]:
    with app.app_context():
        return {r.session_id: r for r in db.session.scalars(select(ScanSessionRecord))}


def _left_minutes_ago(app, session_id: str, minutes: float) -> None:
    with app.app_context():
        record = db.session.scalar(select(ScanSessionRecord).where(ScanSessionRecord.session_id == session_id))
        record.touched_at = utcnow() - timedelta(minutes=minutes)
        db.session.commit()


def test_the_server_ends_scan_sessions_every_minute_from_its_start(app):
    job = jobs_of(app)["scan_sessions"]
    assert job.every_seconds <= 60
    assert job.first_after == 0  # the first run comes at the server's start, after a power cut


def test_a_kiosk_that_crashed_mid_scan_leaves_no_ktp_crop_in_the_database_after_half_an_hour(shared_app, ktp_scene):
    kiosk = enrol_client(shared_app, shared_app.test_client())
    for _ in range(2):  # the card held still: its crops kept for the vote at capture
        assert kiosk.post_frame(jpeg(ktp_scene[0]), session="crashed-mid-scan").json["captured"] is False
    assert _rows(shared_app)["crashed-mid-scan"].steady  # the card's crops, in the row
    # ... and then the kiosk's browser crashed: no frame, no discard, from any kiosk
    _left_minutes_ago(shared_app, "crashed-mid-scan", 31)

    assert run_once(shared_app, ["scan_sessions"])["scan_sessions"] != "failed"
    assert _rows(shared_app) == {}


def test_a_capture_no_visit_used_is_deleted_with_its_abandoned_session(shared_app, ktp_scene):
    kiosk = enrol_client(shared_app, shared_app.test_client())
    assert kiosk.post_frame(jpeg(ktp_scene[0]), session="power-cut-1", capture=True).json["captured"]
    (key,) = _rows(shared_app)["power-cut-1"].pending_keys
    storage = shared_app.extensions["storage"]
    assert storage.exists(key)
    _left_minutes_ago(shared_app, "power-cut-1", 31)

    run_once(shared_app, ["scan_sessions"])
    assert _rows(shared_app) == {}
    assert not storage.exists(key)


def test_a_scan_in_use_within_the_half_hour_is_kept_whole(shared_app, ktp_scene):
    kiosk = enrol_client(shared_app, shared_app.test_client())
    assert kiosk.post_frame(jpeg(ktp_scene[0]), session="still-in-use", capture=True).json["captured"]
    (key,) = _rows(shared_app)["still-in-use"].pending_keys
    _left_minutes_ago(shared_app, "still-in-use", 29)

    run_once(shared_app, ["scan_sessions"])
    assert list(_rows(shared_app)) == ["still-in-use"]
    assert shared_app.extensions["storage"].exists(key)


def test_the_crops_leave_the_row_once_the_card_is_captured(shared_app, ktp_scene):
    """Kept while the card is held (the vote at capture reads them, on whichever process takes the
    frame), not after: the capture's own image is the stored, encrypted file."""
    kiosk = enrol_client(shared_app, shared_app.test_client())
    answers = [kiosk.post_frame(jpeg(ktp_scene[0]), session="captured-1").json for _ in range(3)]
    assert [a["captured"] for a in answers] == [False, False, True]
    assert _rows(shared_app)["captured-1"].steady is None


def test_one_process_sessions_in_memory_are_ended_alike(app, make_app, ktp_scene):
    """SQLite's one process keeps scan sessions in memory: the same job ends them there."""
    app = make_app({"DATABASE_URL": app.config["DATABASE_URL"], "TESTING": True,
                    "STORAGE_DIR": app.config["STORAGE_DIR"], "KIOSK_SCAN_SESSIONS": "memory",
                    "KIOSK_CLOCK": app.config["KIOSK_CLOCK"]}, instance_path=app.instance_path)
    store = app.extensions["kiosk_scan_sessions"]
    assert not store.shared
    kiosk = enrol_client(app, app.test_client())
    assert kiosk.post_frame(jpeg(ktp_scene[0]), session="memory-crash", capture=True).json["captured"]
    scan, _ = store.find(kiosk.device_id, "memory-crash")
    (key,) = scan.pending_keys
    scan.touched -= 31 * 60

    run_once(app, ["scan_sessions"])
    assert len(store) == 0
    assert not app.extensions["storage"].exists(key)
