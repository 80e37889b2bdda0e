"""Scan sessions in the database, so several app processes continue one kiosk's scan (issue 16).

Behind a proxy a kiosk's frames may reach any app process, and the visit that claims the capture
may reach another. Each frame reads its session's row FOR UPDATE (two frames of one session, on two
processes, take turns), rebuilds the tracker and steady run, and writes back what changed in the
request's own transaction. Only what changed is written: a frame that changed nothing (no card in
view, as most frames of an idle kiosk) writes nothing, not even the row's time (that is refreshed
once a minute, TOUCH_EVERY, which the 30-minute expiry does not notice); a frame without a steady
card writes a few bytes of tracker state; the steady run's crops (up to three JPEGs of ~120 KB) are
rewritten only when a sharper crop joins them, a few frames per visitor. Rows untouched for the
TTL are swept (at most once a minute per process) and their unclaimed captures handed back for
deletion.
"""
from __future__ import annotations

import struct
import time
from collections.abc import Callable
from datetime import timedelta

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from lpsedesk.clock import utcnow
from lpsedesk.models import ScanSessionRecord

from .scan_sessions import MAX_SESSIONS_PER_KIOSK, TTL_SECONDS, ScanSession
from .sealed_crops import CropSeal

SWEEP_EVERY = 60.0  # seconds between two sweeps of expired rows by one process
# A row's time is written with a frame's other changes, or on its own once it is this old: five
# unchanged frames a second never rewrite the row only to say "still here".
TOUCH_EVERY = timedelta(seconds=60)
_ITEM = struct.Struct("<dI")  # sharpness, JPEG length


# Between the steady run's crops and a look again's (the capture's, then the later ones; Run 24t):
# an item no crop can be (a negative sharpness, no bytes), so a row written before them reads alike.
_PART = _ITEM.pack(-1.0, 0)


def pack_steady(items: list[tuple[float, bytes]], *looks: list[tuple[float, bytes]]) -> bytes | None:
    parts = [b"".join(_ITEM.pack(s, len(data)) + data for s, data in part) for part in (items, *looks)]
    if not any(looks):
        return parts[0] or None
    return _PART.join(parts)


def unpack_steady(blob: bytes | None) -> list[tuple[float, bytes]]:
    return unpack_parts(blob)[0]


def unpack_parts(blob: bytes | None) -> list[list[tuple[float, bytes]]]:
    """The steady run's crops, then a look again's earlier and later crops (empty lists if none)."""
    parts: list[list[tuple[float, bytes]]] = [[]]
    at = 0
    blob = blob or b""
    while at + _ITEM.size <= len(blob):
        sharpness, size = _ITEM.unpack_from(blob, at)
        at += _ITEM.size
        if sharpness < 0 and size == 0:
            parts.append([])
            continue
        parts[-1].append((sharpness, bytes(blob[at:at + size])))
        at += size
    return parts + [[]] * (3 - len(parts))


def tracker_state(scan: ScanSession) -> dict:
    # CaptureTracker (idscan/tracker.py) keeps seven fields; they are written here rather than in
    # the pure image package, which knows nothing of storage. "at" is the last frame's time while a
    # card is in view (None once it leaves), so a frame with no card still writes nothing.
    t = scan.tracker
    prev = None if t._prev is None else [[float(x), float(y)] for x, y in t._prev]
    state = {"prev": prev, "steady": int(t._steady), "fired": bool(t._fired), "waited": int(t._waited),
             "at": t._at, "ktp": bool(t._ktp), "refused": bool(t._refused)}
    if scan.look is not None:
        state["look"] = scan.look  # a capture looking again for its NIK (Run 24t): small JSON
    return state


def _seconds(value: object) -> float | None:
    """A frame's time as the row keeps it (a number, or None)."""
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _restore_tracker(scan: ScanSession, state: dict) -> None:
    t = scan.tracker
    prev = state.get("prev")
    t._prev = None if prev is None else np.asarray(prev, dtype=np.float32)
    t._steady = int(state.get("steady", 0))
    t._fired = bool(state.get("fired", False))
    # "finger": a row written before Run 45p counted frames of the kiosk's 0.2 s
    t._waited = int(state.get("waited", 200 * int(state.get("finger", 0))))
    t._at = _seconds(state.get("at"))
    t._ktp = bool(state.get("ktp", False))
    t._refused = bool(state.get("refused", False))
    look = state.get("look")
    scan.look = dict(look) if look else None  # a copy: the frame changes it, the row's JSON must see that
    if scan.look is not None:
        # A look saved before it counted seconds (h45q) counted frames of the kiosk's 0.2 s, untimed.
        scan.look.setdefault("waited", 200 * int(scan.look.get("frames", 0)))
        scan.look["at"] = _seconds(scan.look.get("at"))


class SharedScanSession(ScanSession):
    """A ScanSession read from its row; save() writes back what the frame changed."""

    record: ScanSessionRecord | None = None
    crops_read: bytes | None = None  # the row's crops as opened: unchanged ones are not sealed again


def _from_record(record: ScanSessionRecord, seal: CropSeal) -> SharedScanSession:
    scan = SharedScanSession(device_id=record.device_id)
    scan.record = record
    _restore_tracker(scan, record.tracker or {})
    scan.crops_read = seal.open(record.steady, record.device_id, record.session_id)
    scan.steady.items, scan.look_earlier.items, scan.look_later.items = unpack_parts(scan.crops_read)[:3]
    scan.codes = list(record.codes or [])
    scan.pending_keys = list(record.pending_keys or [])
    scan.capability_hash = record.capability_hash
    return scan


def _ended(record: ScanSessionRecord) -> SharedScanSession:
    """A row deleted by age or to make room, as its caller needs it: the unclaimed captures' keys
    to delete. Its crops stay sealed - nobody reads them again, and a row whose crops no longer
    open (another key) is not worth a warning that a steady run starts again."""
    scan = SharedScanSession(device_id=record.device_id)
    scan.pending_keys = list(record.pending_keys or [])
    return scan


class DatabaseScanSessions:
    """The same calls as ScanSessions (kiosk/scan_sessions.py), plus save(); the caller's
    transaction (the request's) commits."""

    shared = True

    def __init__(self, session: Callable[[], Session], *, key: bytes, ttl: float = TTL_SECONDS,
                 clock=time.monotonic, per_kiosk: int = MAX_SESSIONS_PER_KIOSK) -> None:
        """`key`: the crops' key (sealed_crops.crops_key of the office's STORAGE_KEY)."""
        self._session = session
        self._seal = CropSeal(key)
        self.per_kiosk = per_kiosk
        self.ttl = ttl
        self._clock = clock
        self._swept = float("-inf")

    def _expire(self) -> list[ScanSession]:
        now = self._clock()
        if now - self._swept < SWEEP_EVERY:
            return []
        self._swept = now
        return self.sweep()

    def sweep(self) -> list[ScanSession]:
        """Delete the rows untouched for the TTL now, in the caller's transaction, and hand them
        back (their captures are the caller's to delete): by a frame, or by the periodic job
        (kiosk/scan_session_sweep.py) when no frame comes."""
        db = self._session()
        old = utcnow() - timedelta(seconds=self.ttl)
        rows = db.scalars(select(ScanSessionRecord).where(ScanSessionRecord.touched_at < old)
                          .with_for_update(skip_locked=True)).all()
        dropped = [_ended(r) for r in rows]
        for row in rows:
            db.delete(row)
        return dropped

    def get(self, device_id: int, session_id: str) -> tuple[ScanSession, list[ScanSession]]:
        db = self._session()
        dropped = self._expire()
        query = (select(ScanSessionRecord).where(ScanSessionRecord.device_id == device_id,
                                                 ScanSessionRecord.session_id == session_id)
                 .with_for_update())
        record = db.scalar(query)
        if record is None:
            dropped += self._make_room(db, device_id)
            record = ScanSessionRecord(device_id=device_id, session_id=session_id, tracker={}, codes=[],
                                       pending_keys=[], steady=None, touched_at=utcnow())
            # A first frame of the same session on another process at the same moment: the unique
            # index refuses one insert; its nested transaction rolls back and the row is read.
            try:
                with db.begin_nested():
                    db.add(record)
                    db.flush()
            except IntegrityError:
                record = db.scalar(query)
                if record is None:
                    raise
        return _from_record(record, self._seal), dropped

    def _make_room(self, db: Session, device_id: int) -> list[ScanSession]:
        """This kiosk's least recently used sessions beyond MAX_SESSIONS_PER_KIOSK - 1, deleted (see
        scan_sessions.py); a row a frame holds at this moment is left for the next new session."""
        rows = db.scalars(select(ScanSessionRecord).where(ScanSessionRecord.device_id == device_id)
                          .order_by(ScanSessionRecord.touched_at.desc(), ScanSessionRecord.id.desc())
                          .offset(max(0, self.per_kiosk - 1)).with_for_update(skip_locked=True)).all()
        dropped = [_ended(r) for r in rows]
        for row in rows:
            db.delete(row)
        return dropped

    def open(self, device_id: int, session_id: str, capability_hash: str) -> list[ScanSession]:
        """Open (or reopen) this kiosk's session with a new capability; the one before is void."""
        scan, dropped = self.get(device_id, session_id)
        scan.record.capability_hash = scan.capability_hash = capability_hash
        scan.record.touched_at = utcnow()
        return dropped

    def find(self, device_id: int, session_id: str) -> tuple[ScanSession | None, list[ScanSession]]:
        """This kiosk's open session, read FOR UPDATE (never created here), or None when it expired
        (untouched for the TTL, not yet swept) or was closed."""
        db = self._session()
        dropped = self._expire()
        fresh = utcnow() - timedelta(seconds=self.ttl)
        record = db.scalar(select(ScanSessionRecord).where(ScanSessionRecord.device_id == device_id,
                                                           ScanSessionRecord.session_id == session_id,
                                                           ScanSessionRecord.touched_at >= fresh)
                           .with_for_update())
        return (None if record is None else _from_record(record, self._seal)), dropped

    def save(self, scan: ScanSession) -> None:
        record = getattr(scan, "record", None)
        if record is None:
            return
        changed = False
        state = tracker_state(scan)
        if record.tracker != state:
            record.tracker, changed = state, True
        scan.steady.settle()  # another process may continue the run: it gets JPEGs, never a raw crop
        scan.look_later.settle()
        steady = pack_steady(scan.steady.items, scan.look_earlier.items, scan.look_later.items)
        if steady != scan.crops_read:  # compared unsealed: each sealing differs (a fresh nonce)
            record.steady, changed = self._seal.seal(steady, record.device_id, record.session_id), True
            scan.crops_read = steady
        if list(record.codes or []) != scan.codes:
            record.codes, changed = list(scan.codes), True
        if list(record.pending_keys or []) != scan.pending_keys:
            record.pending_keys, changed = list(scan.pending_keys), True
        now = utcnow()
        if changed or record.touched_at < now - TOUCH_EVERY:
            record.touched_at = now

    def discard(self, device_id: int, session_id: str) -> ScanSession | None:
        db = self._session()
        record = db.scalar(select(ScanSessionRecord).where(ScanSessionRecord.device_id == device_id,
                                                           ScanSessionRecord.session_id == session_id)
                           .with_for_update())
        if record is None:
            return None
        scan = _from_record(record, self._seal)
        scan.record = None  # gone: nothing to write back
        db.delete(record)
        return scan

    def release(self, device_id: int, key: str) -> None:
        """A visit now owns stored file `key`: no session of this kiosk may delete it any more."""
        db = self._session()
        for record in db.scalars(select(ScanSessionRecord).where(ScanSessionRecord.device_id == device_id)
                                 .with_for_update()):
            if key in (record.pending_keys or []):
                record.pending_keys = [k for k in record.pending_keys if k != key]

    def __len__(self) -> int:
        return int(self._session().scalar(select(func.count()).select_from(ScanSessionRecord)) or 0)
