"""What a camera frame costs the server beyond the ID engine (issue 16): a frame that neither reads
nor writes the database is not committed, one that changes something still is, and the sentence
under the camera picture is translated once per language yet follows the kiosk's language. The
refusals of a frame are those of tests/kiosk/test_raw_frames.py (unchanged)."""
from __future__ import annotations

from datetime import timedelta

import numpy as np
from flask import Response
from sqlalchemy import event, select

from lpsedesk.extensions import db
from lpsedesk.models import KioskDevice, utcnow
from lpsedesk.transaction import after_commit, finish_request, touched_database

from .conftest import jpeg

SCAN = "/kiosk/api/v1/scan"


def _frame(kiosk, data: bytes, **query):
    query.setdefault("session", "overhead-session-1")
    query.setdefault("mode", "ticket")
    return kiosk.client.post(SCAN, query_string=query, data=data,
                             headers={"Content-Type": "image/jpeg", "X-CSRFToken": kiosk.csrf})


class _Commits:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, _session) -> None:
        self.count += 1


def test_a_frame_that_reads_and_writes_nothing_is_not_committed(kiosk, ktp_scene):
    data = jpeg(ktp_scene[0])
    for _ in range(3):  # the kiosk credential read once, "last seen" stamped: then cached
        assert _frame(kiosk, data).status_code == 200
    commits = _Commits()
    event.listen(db.session, "after_commit", commits)
    try:
        answers = [_frame(kiosk, data) for _ in range(3)]
    finally:
        event.remove(db.session, "after_commit", commits)
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert answers[-1].json["result"]["card"] is True
    assert commits.count == 0


def test_a_frame_that_stamps_last_seen_is_still_committed(app, kiosk, ktp_scene):
    data = jpeg(ktp_scene[0])
    assert _frame(kiosk, data).status_code == 200
    long_ago = utcnow() - timedelta(minutes=10)
    with app.app_context():
        db.session.get(KioskDevice, kiosk.device_id).last_seen_at = long_ago
        db.session.commit()  # voids the cached credential in this process
    assert _frame(kiosk, data).status_code == 200
    with app.app_context():
        seen = db.session.scalar(select(KioskDevice.last_seen_at).where(KioskDevice.id == kiosk.device_id))
    if seen.tzinfo is None:
        seen = seen.replace(tzinfo=long_ago.tzinfo)
    assert seen > long_ago + timedelta(minutes=9)


def test_a_released_savepoint_is_not_taken_for_the_end_of_the_transaction(app):
    with app.app_context():
        assert not touched_database(db.session())
        db.session.execute(select(1))
        assert touched_database(db.session())
        with db.session.begin_nested():
            db.session.execute(select(1))
        assert touched_database(db.session())  # the outer transaction is still open
        db.session.commit()
        assert not touched_database(db.session())


def test_what_waits_for_the_commit_still_runs_when_there_was_nothing_to_commit(app):
    ran: list[str] = []
    with app.test_request_context("/kiosk/api/v1/scan", method="POST"):
        after_commit(lambda: ran.append("after commit"))
        assert finish_request(Response("{}", 200)).status_code == 200
    assert ran == ["after commit"]


def test_the_sentence_under_the_camera_follows_the_kiosk_language(kiosk):
    empty = jpeg(np.full((540, 960, 3), 128, np.uint8))  # nothing in view: "hold your KTP up"
    indonesian = _frame(kiosk, empty).json
    assert indonesian["guidance"] == "no_card"
    assert "KTP" in indonesian["message"] and indonesian["message"] != "Hold your KTP in front of the camera"
    assert kiosk.client.get("/kiosk/?lang=en").status_code == 200
    assert _frame(kiosk, empty).json["message"] == "Hold your KTP in front of the camera"
    assert kiosk.client.get("/kiosk/?lang=id").status_code == 200
    assert _frame(kiosk, empty).json["message"] == indonesian["message"]


def test_a_card_moving_in_front_of_the_camera_is_not_encoded_on_every_frame(app, kiosk, ktp_scene, monkeypatch):
    """In one process's memory. Scan sessions shared through the database (PostgreSQL) hand the
    next frame, maybe on another process, JPEGs only: there each readable frame's crop is encoded."""
    import cv2

    here = ktp_scene[0]
    there = np.roll(here, 40, axis=1)  # the same card 40 px to the side: it moved
    frames = [jpeg(here), jpeg(there)]
    encoded: list[int] = []
    real = cv2.imencode
    monkeypatch.setattr(cv2, "imencode", lambda *a, **k: encoded.append(1) or real(*a, **k))
    answers = [_frame(kiosk, frames[i % 2], mode="ktp").json for i in range(4)]
    # readable each time, so each frame starts a steady run of one; never captured, never encoded
    assert [(a["guidance"], a["steady_frames"]) for a in answers] == [("hold_still", 1)] * 4
    assert not any(a["captured"] for a in answers)
    shared = app.extensions["kiosk_scan_sessions"].shared
    assert len(encoded) == (4 if shared else 0)
    # held still from here on: the run's crops are kept (encoded) as before and it is captured
    answers = [_frame(kiosk, frames[1], mode="ktp", capture="0").json for _ in range(3)]
    assert [(a["steady_frames"], a["captured"]) for a in answers] == [(2, False), (3, True), (4, False)]
    assert encoded


def test_a_steady_run_keeps_the_three_sharpest_crops_the_capture_votes_the_newest_among_them():
    # Issue 10: the vote reads the sharpest frames of the steady run, and the benchmark measures
    # three (bench/idscan.py); the kiosk reads the same three, not a number nobody measured.
    from kiosk.scan_sessions import SteadyRun

    run = SteadyRun()
    crops = {s: np.full((54, 86, 3), s * 20, np.uint8) for s in range(1, 8)}
    for sharpness in (3, 1, 5, 2, 4, 6, 7):
        run.add(float(sharpness), crops[sharpness])
    kept = run.crops()
    assert [round(float(c.mean()) / 20) for c in kept] == [7, 6, 5]
    run.clear()
    assert run.crops() == []
