"""The kiosk credential check, cached for a few seconds: a kiosk sends five camera frames a second
and each would otherwise read its device row (and verify the signature) again.

What is cached is the outcome of `devices.check_credential` for one cookie: the device row's
values, for `ttl` seconds. A hit puts a copy of the row into the request's session without a
query (`merge(load=False)`), so views, audit events and "last seen" work on it as on a loaded row.

Invalidation: any committed change to a kiosk device in this process (revoked, re-enrolled,
renamed, seen) empties the cache at once, through a session event. A change
made by another app process reaches this one within `ttl` seconds: that is the bound on how long
a kiosk revoked elsewhere keeps working here (KIOSK_CREDENTIAL_TTL, 5 s by default).
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Callable

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, make_transient_to_detached

from . import devices
from .models import KioskDevice

MAX_ENTRIES = 512  # cookies of kiosks in use; a flood of forged ones is never cached (refusals are not)
_INFO_KEY = "lpsedesk.kiosk_devices_changed"


class _Generation:
    """Bumped on every committed kiosk device change in this process; older cache entries are void."""

    def __init__(self) -> None:
        self.value = 0
        self._lock = threading.Lock()

    def bump(self) -> None:
        with self._lock:
            self.value += 1


generation = _Generation()


@dataclass
class _Entry:
    values: dict
    generation: int
    expires: float
    # Built once per entry, not per frame: merge(load=False) only reads it, copying its values
    # into the request's own instance.
    copy: KioskDevice | None = None


class CredentialCache:
    def __init__(self, ttl: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        self._clock = clock
        self._entries: dict[str, _Entry] = {}
        self._lock = threading.Lock()

    def cached(self, token: str | None) -> KioskDevice | None:
        """The kiosk a valid cache entry names for `token`, as a detached copy no session holds yet
        (None when there is no such entry: `check` then reads the row). Only to be read, or merged
        into a session (`merge(copy, load=False)`) before anything is changed on it."""
        if self.ttl <= 0 or not token:
            return None
        entry = self._entries.get(token)
        if entry is not None and entry.expires > self._clock() and entry.generation == generation.value:
            return entry.copy
        return None

    def check(self, session: Session, token: str | None, secret_key: str) -> devices.CredentialCheck:
        if self.ttl <= 0 or not token:
            return devices.check_credential(session, token, secret_key)
        now = self._clock()
        copy = self.cached(token)
        if copy is not None:
            return devices.CredentialCheck(session.merge(copy, load=False), None)
        seen_generation = generation.value  # before reading: a change committed meanwhile voids the entry
        result = devices.check_credential(session, token, secret_key)
        with self._lock:
            if result.device is None:
                self._entries.pop(token, None)
                return result
            if len(self._entries) >= MAX_ENTRIES:
                self._entries = {k: e for k, e in self._entries.items() if e.expires > now}
                if len(self._entries) >= MAX_ENTRIES:
                    self._entries.clear()
            values = _values(result.device)
            self._entries[token] = _Entry(values, seen_generation, now + self.ttl, _detached(values))
        return result

    def recently_seen(self, token: str | None, every: timedelta = timedelta(minutes=1)) -> bool:
        """Whether the cached copy says "last seen" was stamped within `every`: then there is
        nothing to stamp, and no need to read the row (a refused request's rollback expires it)."""
        entry = self._entries.get(token or "")
        if entry is None or entry.generation != generation.value:
            return False
        last = entry.values.get("last_seen_at")
        return last is not None and datetime.now(timezone.utc) - last < every


def _values(device: KioskDevice) -> dict:
    return {attr.key: getattr(device, attr.key) for attr in inspect(KioskDevice).column_attrs}


def _detached(values: dict) -> KioskDevice:
    copy = KioskDevice(**values)
    make_transient_to_detached(copy)
    return copy


@event.listens_for(Session, "after_flush")
def _note_device_changes(session: Session, _flush_context) -> None:
    # Any change, "last seen" too (stamped at most once a minute per kiosk): the cached copy is
    # then re-read once, and never says a kiosk was seen when it was not.
    if any(isinstance(obj, KioskDevice) for obj in (*session.dirty, *session.deleted)):
        session.info[_INFO_KEY] = True


@event.listens_for(Session, "after_commit")
def _void_cached_credentials(session: Session) -> None:
    if session.info.pop(_INFO_KEY, False):
        generation.bump()


@event.listens_for(Session, "after_rollback")
def _forget_flag(session: Session) -> None:
    session.info.pop(_INFO_KEY, None)
