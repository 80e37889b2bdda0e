"""A scan shared through the database (several app processes, PostgreSQL) keeps the steady run's crops of
the visitor's KTP in its scan_sessions row until the capture, and up to 30 minutes more when no kiosk
closes it. Every KTP image the product keeps is encrypted at rest (README, Privacy): so are these. What a
reader of the database (a dump, a copied disk, the write-ahead log) sees is no JPEG of anyone's card;
the kiosk's frames on either process still make one steady run and capture the card."""
from __future__ import annotations

from sqlalchemy import select

from kiosk.sealed_crops import CropSeal, crops_key
from lpsedesk.extensions import db
from lpsedesk.models import ScanSessionRecord

from .conftest import enrol_client, jpeg
from .test_shared_scan_sessions import _same_kiosk_on, two_apps  # noqa: F401 (a fixture)

JPEG_START = b"\xff\xd8\xff"


def _rows(app) -> list[ScanSessionRecord]:
    with app.app_context():
        rows = db.session.scalars(select(ScanSessionRecord)).all()
        db.session.expunge_all()
        return rows


def test_the_steady_runs_crops_are_no_jpeg_in_the_database_and_the_other_process_still_captures(
        two_apps, ktp_scene):
    first_app, second_app = two_apps
    frame, person = ktp_scene
    first = enrol_client(first_app, first_app.test_client())
    second = _same_kiosk_on(second_app, first)
    answers = [first.post_frame(jpeg(frame), session="sealed-1").json for _ in range(2)]
    assert [a["captured"] for a in answers] == [False, False]
    (row,) = _rows(first_app)
    assert row.steady, "two steady frames keep crops for the vote"
    assert JPEG_START not in row.steady, "a KTP crop lay in the row in the clear"

    answer = second.post_frame(jpeg(frame), session="sealed-1").json  # the other process opens them
    assert answer["captured"] and answer["capture"]["nik"] == person.nik


def test_a_sealed_blob_opens_only_in_its_own_row_and_with_the_offices_key():
    key = crops_key("an office's storage key")
    seal = CropSeal(key)
    sealed = seal.seal(b"crops of one visitor", 7, "session-a")
    assert seal.open(sealed, 7, "session-a") == b"crops of one visitor"
    assert seal.open(sealed, 7, "session-b") is None  # copied into another visitor's row
    assert seal.open(sealed, 8, "session-a") is None  # another kiosk
    assert CropSeal(crops_key("another office's key")).open(sealed, 7, "session-a") is None
    assert seal.open(b"\xff\xd8\xff plain bytes of a row written before", 7, "session-a") is None
    assert key != b"an office's storage key"[:32]


def test_an_expired_session_hands_back_its_unclaimed_captures_without_opening_its_crops(app, caplog):
    # The sweep deletes a session nobody touched for its TTL and deletes the captures no visit
    # claimed; the crops in the row are never read again. A row sealed with another key (the office
    # changed STORAGE_KEY, or a restore) must still go, with its captures, and not be reported as
    # "its crops do not open; the steady run starts again": no run starts, the visitor left.
    from datetime import timedelta

    from kiosk.shared_scan_sessions import DatabaseScanSessions
    from lpsedesk import devices
    from lpsedesk.clock import utcnow

    from .conftest import CROPS_KEY

    with app.app_context():
        device, _code = devices.create_device(db.session, None, "Kios lobi")
        db.session.flush()
        other_key = crops_key("the key before the office changed it")
        db.session.add(ScanSessionRecord(
            device_id=device.id, session_id="walked-away-1", tracker={}, codes=[],
            pending_keys=["captures/unclaimed-1.enc"], touched_at=utcnow() - timedelta(hours=1),
            steady=CropSeal(other_key).seal(b"crops of a visitor who left", device.id, "walked-away-1")))
        db.session.flush()
        store = DatabaseScanSessions(lambda: db.session, key=CROPS_KEY, ttl=60)
        with caplog.at_level("WARNING"):
            ended = store.sweep()
        assert [scan.pending_keys for scan in ended] == [["captures/unclaimed-1.enc"]]
        assert "do not open" not in caplog.text
        assert db.session.scalars(select(ScanSessionRecord)).all() == []
