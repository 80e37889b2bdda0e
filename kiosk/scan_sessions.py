"""Per-visitor scan sessions: the auto-capture tracker for one visitor at one kiosk, kept in memory
(one app process) or in the database (several, see shared_scan_sessions.py).

Why server-side: the tracker compares each frame's card corners with the previous frame's, and the
result decides when the server stores a KTP image. Keeping it here means the browser cannot claim
"steady" and the JavaScript stays a dumb camera loop. The store is bounded (oldest dropped first)
and entries expire, so an abandoned kiosk costs nothing; a restart only makes the visitor hold the
card up once more. Captures themselves are not kept here: the client gets a signed capture token
(see api.py), so a submitted visit never depends on this memory.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field

import cv2
import numpy as np

from idscan import MAX_VOTERS, CaptureTracker

MAX_SESSIONS = 64
# Sessions one kiosk may hold: a visitor's scan, a check-out's card, a recovery's card, and a spare.
# Opening one more drops that kiosk's own least recently used, never another kiosk's: without this,
# one kiosk (or anything holding its credential) opening 65 sessions in 0.4 s pushed every other
# kiosk's session out of the shared 64 and deleted its visitor's unclaimed KTP capture (sec4 probe);
# in the database it bounds the rows, and the captures they keep (3 each), that one kiosk can hold.
MAX_SESSIONS_PER_KIOSK = 6
TTL_SECONDS = 30 * 60
# The crops of the current steady run kept for the vote at capture (sharpest first): as many as the
# vote reads, the sharpest three that bench/idscan.py measures. Five were kept and all five voted, a
# reading nobody had measured; on dev it filled one wrong NIK (docs/idscan.md, Run 13b).
STEADY_KEEP = MAX_VOTERS


@dataclass
class SteadyRun:
    """The sharpest straightened crops of the card while it is held still, JPEG-encoded (about
    120 KB each instead of 1.4 MB raw: 64 sessions stay small).

    The newest crop waits unencoded until the next frame continues the run (or a capture or a
    shared store's save asks for it): a card that moves starts a new run on every frame, and each
    of those crops was encoded (JPEG quality 95: 1.5-2.2 ms of CPU, the largest cost of a KTP-screen
    frame beyond the ID engine) only to be thrown away at the next frame (docs/scale.md). One raw
    crop per session at most, dropped when the run ends."""

    items: list[tuple[float, bytes]] = field(default_factory=list)
    pending: tuple[float, np.ndarray] | None = None

    def add(self, sharpness: float, crop: np.ndarray) -> None:
        self.settle()
        self.pending = (sharpness, crop)

    def settle(self) -> None:
        """Encode the newest crop into the kept ones."""
        if self.pending is None:
            return
        sharpness, crop = self.pending
        self.pending = None
        if len(self.items) >= STEADY_KEEP and sharpness <= self.items[-1][0]:
            return  # it would be dropped at once: the kept ones are sharper
        ok, buf = cv2.imencode(".jpg", crop, [cv2.IMWRITE_JPEG_QUALITY, 95])
        if ok:
            self.items.append((sharpness, buf.tobytes()))
            self.items.sort(key=lambda item: item[0], reverse=True)
            del self.items[STEADY_KEEP:]

    def crops(self) -> list[np.ndarray]:
        self.settle()
        return [cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR) for _s, data in self.items]

    def clear(self) -> None:
        self.items.clear()
        self.pending = None


@dataclass
class ScanSession:
    device_id: int
    tracker: CaptureTracker = field(default_factory=CaptureTracker)
    steady: SteadyRun = field(default_factory=SteadyRun)
    # Stored captures not yet used by a visit: deleted from storage when the session is discarded.
    pending_keys: list[str] = field(default_factory=list)
    # Codes seen so far (e.g. the IKD QR on a phone), kept with the capture.
    codes: list[dict] = field(default_factory=list)
    touched: float = field(default_factory=time.monotonic)
    # A capture looking again for its NIK (idscan/look_again.py, Run 24t): its stored file, codes and
    # fields (kiosk/look_again.py), the capture's crops and the later ones kept; None when not looking.
    look: dict | None = None
    look_earlier: SteadyRun = field(default_factory=SteadyRun)
    look_later: SteadyRun = field(default_factory=SteadyRun)
    # SHA-256 of the capability the kiosk's camera loop sends with each frame (lpsedesk/scan_capability.py);
    # None for a session the form route made, which the capability route never feeds.
    capability_hash: str | None = None


class ScanSessions:
    """In this process's memory: one app process (SQLite). Several processes on PostgreSQL share
    them through the database instead (shared_scan_sessions.py)."""

    shared = False

    def __init__(self, max_sessions: int = MAX_SESSIONS, ttl: float = TTL_SECONDS, clock=time.monotonic,
                 per_kiosk: int = MAX_SESSIONS_PER_KIOSK) -> None:
        self.max_sessions = max_sessions
        self.per_kiosk = per_kiosk
        self.ttl = ttl
        self._clock = clock
        self._items: OrderedDict[tuple[int, str], ScanSession] = OrderedDict()
        self._lock = threading.Lock()

    def _expire(self, now: float) -> list[ScanSession]:
        dropped = []
        for key in list(self._items):
            if now - self._items[key].touched > self.ttl:
                dropped.append(self._items.pop(key))
        while len(self._items) > self.max_sessions:
            dropped.append(self._items.popitem(last=False)[1])
        return dropped

    def sweep(self) -> list[ScanSession]:
        """The sessions past their TTL, removed now (kiosk/scan_session_sweep.py: no frame needed)."""
        with self._lock:
            return self._expire(self._clock())

    def get(self, device_id: int, session_id: str) -> tuple[ScanSession, list[ScanSession]]:
        """The session (created when new) and any sessions dropped to make room or by age.

        Sessions are keyed by device as well, so one kiosk can never feed another's tracker.
        """
        now = self._clock()
        with self._lock:
            key = (device_id, session_id)
            item = self._items.pop(key, None)
            crowded = []
            if item is None:
                item = ScanSession(device_id=device_id)
                # Oldest first (every use moves a session to the end): this kiosk's own make room.
                own = [k for k in self._items if k[0] == device_id]
                crowded = [self._items.pop(k) for k in own[:max(0, len(own) - self.per_kiosk + 1)]]
            item.touched = now
            self._items[key] = item
            return item, crowded + self._expire(now)

    def open(self, device_id: int, session_id: str, capability_hash: str) -> list[ScanSession]:
        """Open (or reopen) this kiosk's session with a new capability; the one before is void."""
        scan, dropped = self.get(device_id, session_id)
        scan.capability_hash = capability_hash
        return dropped

    def find(self, device_id: int, session_id: str) -> tuple[ScanSession | None, list[ScanSession]]:
        """This kiosk's open session (never created here), or None when it expired or was closed."""
        now = self._clock()
        with self._lock:
            item = self._items.get((device_id, session_id))
            if item is None or now - item.touched > self.ttl:
                return None, self._expire(now)
            item.touched = now
            self._items.move_to_end((device_id, session_id))
            return item, self._expire(now)

    def save(self, scan: ScanSession) -> None:
        """Nothing to write: the session is this very object."""

    def discard(self, device_id: int, session_id: str) -> ScanSession | None:
        with self._lock:
            return self._items.pop((device_id, session_id), None)

    def release(self, device_id: int, key: str) -> None:
        """A visit now owns stored file `key`: no session of this kiosk may delete it any more."""
        with self._lock:
            for (dev, _sid), item in self._items.items():
                if dev == device_id and key in item.pending_keys:
                    item.pending_keys.remove(key)

    def __len__(self) -> int:
        return len(self._items)
