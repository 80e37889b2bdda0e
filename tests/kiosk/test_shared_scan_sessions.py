"""Scan sessions shared by several app processes (issue 16): a kiosk's frames may reach any process
behind the proxy, and the visit that claims the capture may reach another. Two apps on one database
stand for two processes here (each has its own memory); tests/core/test_two_processes.py does the
same with two real servers on PostgreSQL."""
from __future__ import annotations

import time
from datetime import timedelta

import numpy as np
import pytest
from sqlalchemy import func, select

from kiosk.scan_sessions import ScanSessions
from kiosk.shared_scan_sessions import DatabaseScanSessions
from lpsedesk import devices
from lpsedesk.clock import utcnow
from lpsedesk.extensions import db
from lpsedesk.models import ScanSessionRecord

from .conftest import CROPS_KEY, KioskClient, enrol_client, entry, jpeg


@pytest.fixture
def two_apps(app, make_app):
    """Two apps on the test database, sharing the instance (secrets) and the storage folder."""
    config = {"DATABASE_URL": app.config["DATABASE_URL"], "TESTING": True,
              "STORAGE_DIR": app.config["STORAGE_DIR"], "KIOSK_SCAN_SESSIONS": "database",
              "KIOSK_CLOCK": app.config["KIOSK_CLOCK"]}
    return [make_app(dict(config), instance_path=app.instance_path) for _ in range(2)]


def _same_kiosk_on(other_app, kiosk: KioskClient) -> KioskClient:
    """The same kiosk browser (its cookies) talking to another process."""
    client = other_app.test_client()
    for name in (devices.COOKIE_NAME, "session"):
        cookie = kiosk.client.get_cookie(name)
        if cookie is not None:
            client.set_cookie(name, cookie.value)
    return KioskClient(client, kiosk.device_id, kiosk.csrf)


def test_postgresql_keeps_scan_sessions_in_the_database_and_sqlite_in_memory(make_app, tmp_path):
    pg = make_app({"DATABASE_URL": "postgresql+psycopg://u:p@127.0.0.1:1/none", "TESTING": True},
                  instance_path=str(tmp_path / "pg"))
    lite = make_app({"DATABASE_URL": f"sqlite:///{tmp_path}/one.db", "TESTING": True},
                    instance_path=str(tmp_path / "lite"))
    assert isinstance(pg.extensions["kiosk_scan_sessions"], DatabaseScanSessions)
    assert isinstance(lite.extensions["kiosk_scan_sessions"], ScanSessions)


def test_frames_of_one_scan_alternating_between_two_processes_make_one_steady_run(two_apps, ktp_scene):
    first_app, second_app = two_apps
    frame, person = ktp_scene
    first = enrol_client(first_app, first_app.test_client())
    second = _same_kiosk_on(second_app, first)
    answers = [kiosk.post_frame(jpeg(frame), session="shared-scan-1").json for kiosk in (first, second, first)]
    # Each process saw one or two of the frames; only the shared tracker counts three steady ones.
    assert [a["steady_frames"] for a in answers] == [1, 2, 3], [a["guidance"] for a in answers]
    assert [a["captured"] for a in answers] == [False, False, True]
    capture = answers[2]["capture"]
    assert capture["nik"] == person.nik  # the vote read crops kept by both processes

    # the visit claims the capture on the other process; the session is over everywhere
    response = second.post_json("/visits", {**entry(), "capture": capture["id"], "scan_session": "shared-scan-1"})
    assert response.status_code in (200, 201), response.json
    with first_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ScanSessionRecord)) == 0
        from lpsedesk.models import Visit

        visit = db.session.scalar(select(Visit))
        assert first_app.extensions["storage"].exists(visit.id_capture_key)  # claimed: never deleted


def test_a_worn_ktp_whose_focus_comes_and_goes_is_captured_when_its_frames_reach_two_processes(two_apps):
    # The tracker's "this card was seen to be a KTP" (idscan/tracker.py, h24b) is shared too: a blurred
    # frame reaching the other process is passed over there as well, not told "not a KTP".
    from tests.idscan.test_blurred_card_not_ktp import _faded_focus_coming_and_going

    first_app, second_app = two_apps
    first = enrol_client(first_app, first_app.test_client())
    second = _same_kiosk_on(second_app, first)
    frames = [jpeg(f) for f in _faded_focus_coming_and_going()]
    answers = [(first, second)[k % 2].post_frame(frames[k % 3], session="shared-worn").json for k in range(9)]
    assert [a["guidance"] for a in answers[1:3]] == ["too_blurry", "too_blurry"]
    assert next(k for k, a in enumerate(answers) if a["captured"] or a.get("looking")) == 6


def test_a_session_discarded_on_one_process_deletes_its_unclaimed_capture_stored_by_the_other(two_apps, ktp_scene):
    first_app, second_app = two_apps
    first = enrol_client(first_app, first_app.test_client())
    second = _same_kiosk_on(second_app, first)
    answer = first.post_frame(jpeg(ktp_scene[0]), session="shared-scan-2", capture=True).json
    assert answer["captured"]
    with first_app.app_context():
        (keys,) = db.session.scalars(select(ScanSessionRecord.pending_keys)).all()
    assert len(keys) == 1
    assert second.client.delete("/kiosk/api/v1/scan/shared-scan-2", headers={"X-CSRFToken": second.csrf}).json == {
        "discarded": True}
    with first_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ScanSessionRecord)) == 0
        assert not first_app.extensions["storage"].exists(keys[0])


def test_sessions_untouched_for_their_ttl_expire_with_their_captures_handed_back(app, two_apps):
    first_app, _ = two_apps
    with first_app.app_context():
        device, _code = devices.create_device(db.session, None, "Kios lobi")
        db.session.flush()
        store = DatabaseScanSessions(lambda: db.session, key=CROPS_KEY, ttl=60)
        old, _ = store.get(device.id, "old-session-1")
        old.pending_keys.append("ktp/old-capture")
        store.save(old)
        old.record.touched_at = utcnow() - timedelta(seconds=61)
        db.session.commit()

        fresh = DatabaseScanSessions(lambda: db.session, key=CROPS_KEY, ttl=60)  # another process, its first sweep
        _new, dropped = fresh.get(device.id, "new-session-1")
        db.session.commit()
        assert [d.pending_keys for d in dropped] == [["ktp/old-capture"]]
        assert db.session.scalars(select(ScanSessionRecord.session_id)).all() == ["new-session-1"]
        # a sweep at most once a minute per process: the next frame does not sweep again
        started = time.monotonic()
        assert fresh.get(device.id, "new-session-1")[1] == []
        assert time.monotonic() - started < 5


def test_frames_of_the_check_out_screen_keep_no_scan_session(two_apps, ktp_scene):
    """Only the KTP screen follows a steady card; other screens' frames are answered statelessly,
    so they cost no row write."""
    first_app, _ = two_apps
    first = enrol_client(first_app, first_app.test_client())
    answer = first.post_frame(jpeg(ktp_scene[0]), session="checkout-scan-1", mode="checkout")
    assert answer.status_code == 200 and answer.json["result"]["card"] is True
    with first_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ScanSessionRecord)) == 0


def _writes_to_scan_sessions(app):
    """The INSERT/UPDATE/DELETE statements sent for the scan_sessions table, as they happen."""
    from sqlalchemy import event

    seen: list[str] = []

    def note(_conn, _cursor, statement, *_args):
        words = statement.lstrip().split(None, 1)
        if words and words[0].upper() in ("INSERT", "UPDATE", "DELETE") and "scan_sessions" in statement:
            seen.append(statement)

    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", note)
    return seen


def test_a_frame_that_changes_nothing_writes_nothing_to_the_scan_session_row(two_apps, ktp_scene):
    """An idle kiosk's KTP screen sends five frames a second with no card in view: they change
    nothing of the scan, so they must not rewrite its row (issue 16: frames cost what the engine
    costs). A card coming into view changes the tracker, and that is written."""
    first_app, second_app = two_apps
    first = enrol_client(first_app, first_app.test_client())
    second = _same_kiosk_on(second_app, first)
    empty = jpeg(np.full((540, 960, 3), 128, np.uint8))
    assert first.post_frame(empty, session="idle-scan-1").status_code == 200  # the row is made
    first_writes, second_writes = _writes_to_scan_sessions(first_app), _writes_to_scan_sessions(second_app)
    for kiosk in (first, second, first):
        answer = kiosk.post_frame(empty, session="idle-scan-1")
        assert answer.status_code == 200 and answer.json["steady_frames"] == 0
    assert first_writes == [] and second_writes == []

    answer = second.post_frame(jpeg(ktp_scene[0]), session="idle-scan-1")
    assert answer.json["steady_frames"] == 1
    assert any(s.lstrip().upper().startswith("UPDATE") for s in second_writes)
    # the other process continues from the written state
    assert first.post_frame(jpeg(ktp_scene[0]), session="idle-scan-1").json["steady_frames"] == 2


def test_an_unchanged_scan_still_says_it_is_in_use_once_a_minute(two_apps):
    """The row's time is not rewritten by every frame, but a kiosk in use for longer than the
    expiry never loses its scan: a frame finding the time a minute old refreshes it."""
    first_app, _ = two_apps
    first = enrol_client(first_app, first_app.test_client())
    empty = jpeg(np.full((540, 960, 3), 128, np.uint8))
    first.post_frame(empty, session="long-scan-1")
    with first_app.app_context():
        record = db.session.scalar(select(ScanSessionRecord))
        fresh = record.touched_at
        first.post_frame(empty, session="long-scan-1")
        db.session.expire_all()
        assert db.session.scalar(select(ScanSessionRecord.touched_at)) == fresh  # a second later: unchanged
        record = db.session.scalar(select(ScanSessionRecord))
        record.touched_at = utcnow() - timedelta(seconds=61)
        db.session.commit()
    first.post_frame(empty, session="long-scan-1")
    with first_app.app_context():
        assert utcnow() - db.session.scalar(select(ScanSessionRecord.touched_at)) < timedelta(seconds=10)


def test_a_look_again_counts_its_seconds_whichever_process_serves_each_frame(two_apps, ktp_scene, monkeypatch):
    # A capture that read no NIK looks again for ~2 s of the frames' own times (h45q): the look's time,
    # like the tracker's, goes through the shared row, so two processes taking turns at 2 frames a
    # second end it after 2 s of frames, not after 10 frames (5 s).
    from idscan.reader import CardReading

    monkeypatch.setattr("kiosk.scan_api.read_cards", lambda crops, engine=None, regions=None:
                        CardReading(None, "BUDI SANTOSO", "unconfirmed", ["name"]))
    first_app, second_app = two_apps
    first = enrol_client(first_app, first_app.test_client())
    second = _same_kiosk_on(second_app, first)
    capability = first.open_capability("shared-look-1")  # one per session: a second would replace it
    sends = [kiosk.camera_loop("shared-look-1", capability) for kiosk in (first, second)]
    frame = jpeg(ktp_scene[0])
    answers = [sends[i % 2](frame, f"{20000 + 500 * i}").json for i in range(3 + 10)]
    assert answers[2]["looking"], [a["guidance"] for a in answers]
    assert [i for i, a in enumerate(answers) if a["captured"]] == [2 + 4], "2 s of frames after the capture"


def test_a_look_saved_before_it_counted_seconds_goes_on_from_its_frames(two_apps, ktp_scene, monkeypatch):
    # A row written by the version before (its look kept "frames" only) is read as frames of the
    # camera loop's 0.2 s: a look 8 frames in ends 2 untimed frames later, as it would have.
    from idscan.reader import CardReading

    monkeypatch.setattr("kiosk.scan_api.read_cards", lambda crops, engine=None, regions=None:
                        CardReading(None, "BUDI SANTOSO", "unconfirmed", ["name"]))
    first_app, _second_app = two_apps
    kiosk = enrol_client(first_app, first_app.test_client())
    frame = jpeg(ktp_scene[0])
    answers = [kiosk.post_frame(frame, session="old-look-1").json for _ in range(3)]
    assert answers[2]["looking"]
    with first_app.app_context():
        record = db.session.scalar(select(ScanSessionRecord))
        state = dict(record.tracker)
        state["look"] = {k: v for k, v in state["look"].items() if k not in ("waited", "at")} | {"frames": 8}
        record.tracker = state
        db.session.commit()
    answers = [kiosk.post_frame(frame, session="old-look-1").json for _ in range(2)]
    assert [a["captured"] for a in answers] == [False, True]
