"""Scan sessions kept in the database (several app processes, PostgreSQL) follow the rules of those
kept in memory (one process, SQLite): a session is over once untouched for its TTL, swept yet or
not; reopening it voids the capability given before; a kiosk keeps as many as in memory.

docs/kiosk.md: scan sessions are "dropped after 30 minutes unused", and a frame for a session that
expired is refused 410 `scan_session_over`, upon which the camera loop opens it again (with a new
capability). The rows are swept at most once a minute per process (kiosk/shared_scan_sessions.py),
so between the TTL and the next sweep the row is still there: it must already count as over, or a
capability an hour old (say, of an abandoned kiosk page) would still admit frames. docs/kiosk.md:
opening "(or reopening)" a session "answers a random capability, only its hash is kept; the one
before is void". tests/kiosk/test_frame_capability.py holds both through the API on SQLite, where
the sessions live in memory; these hold the database store itself. The database store answers "the
same calls as ScanSessions" (kiosk/shared_scan_sessions.py): a kiosk must not behave differently
because the office runs PostgreSQL.
"""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from kiosk.scan_sessions import ScanSessions
from kiosk.shared_scan_sessions import DatabaseScanSessions
from lpsedesk import devices
from lpsedesk.clock import utcnow
from lpsedesk.extensions import db
from lpsedesk.models import ScanSessionRecord
from .conftest import CROPS_KEY


def test_a_session_past_its_ttl_is_not_found_even_before_the_sweep_removes_it(app):
    with app.app_context():
        device, _code = devices.create_device(db.session, None, "Kios lobi")
        db.session.flush()
        clock = [1000.0]
        store = DatabaseScanSessions(lambda: db.session, key=CROPS_KEY, ttl=60, clock=lambda: clock[0])
        store.open(device.id, "idle-session-1", "hash-of-its-capability")
        db.session.flush()
        found, _ = store.find(device.id, "idle-session-1")
        assert found is not None and found.capability_hash == "hash-of-its-capability"

        found.record.touched_at = utcnow() - timedelta(seconds=61)
        db.session.flush()
        clock[0] += 1  # the same process a second later: its once-a-minute sweep is not due yet
        found, _ = store.find(device.id, "idle-session-1")
        assert found is None

        other, _ = store.find(device.id, "never-opened-1")
        assert other is None  # find never creates a session


def test_reopening_a_session_in_the_database_keeps_only_the_new_capability(app):
    with app.app_context():
        device, _code = devices.create_device(db.session, None, "Kios lobi")
        db.session.flush()
        store = DatabaseScanSessions(lambda: db.session, key=CROPS_KEY, ttl=60)
        store.open(device.id, "scan-1", "hash-of-the-first")
        store.open(device.id, "scan-1", "hash-of-the-second")
        db.session.flush()
        found, _ = store.find(device.id, "scan-1")
        assert found.capability_hash == "hash-of-the-second"
        assert found.record.capability_hash == "hash-of-the-second"
        # and another process reading the row sees the same
        other = DatabaseScanSessions(lambda: db.session, key=CROPS_KEY, ttl=60)
        assert other.find(device.id, "scan-1")[0].capability_hash == "hash-of-the-second"


def test_a_kiosk_keeps_as_many_open_sessions_in_the_database_as_in_memory(app):
    with app.app_context():
        device, _code = devices.create_device(db.session, None, "Kios lobi")
        db.session.flush()
        memory, database = ScanSessions(), DatabaseScanSessions(lambda: db.session, key=CROPS_KEY)
        names = [f"scan-{i:02d}" for i in range(12)]
        for name in names:
            for store in (memory, database):
                store.open(device.id, name, "h-" + name)
                db.session.flush()
        in_memory = [n for n in names if memory.find(device.id, n)[0] is not None]
        in_database = sorted(db.session.scalars(select(ScanSessionRecord.session_id)
                                                .where(ScanSessionRecord.device_id == device.id)))
        assert 0 < len(in_memory) < len(names)  # bounded, and the newest stay
        assert in_database == in_memory
