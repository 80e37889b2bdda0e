"""Rate limiting: failed attempts per key within a sliding window.

A key is a string (limited to `max_attempts`) or a (string, limit) pair with its own limit.
`login_keys` says how staff logins are limited.

Failures are counted in this process's memory, or, once `share`d (PostgreSQL: several app
processes behind a proxy; and on any database for a limit on guessing digits), in the `throttle_failures` table, so a guesser spreading attempts over
the processes meets one limit. Shared counts are written on their own short connection, outside
the request's transaction, so a refused request's rollback does not undo them.

A guess is checked with `attempt`: the limit is read and the attempt counted in one step, before
the guess is tried; a guess that turns out right is then taken back (`Attempt.passed`). Read apart
from the count, guesses sent together all found the limit unreached and were all tried.
"""
from __future__ import annotations

import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from sqlalchemy import delete, func, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

Key = str | tuple[str, int]


@dataclass
class Attempt:
    """One attempt, counted before it is made. `wait` > 0: a limit was reached, nothing was counted
    and the attempt must not be made (seconds until it may)."""

    wait: int
    _take_back: Callable[[], None] = field(default=lambda: None, repr=False)

    def passed(self) -> None:
        """The attempt was right: it was no failure, so it stops counting (once)."""
        take_back, self._take_back = self._take_back, lambda: None
        take_back()


def attempt_all(*asked: tuple[LoginThrottle, Key]) -> tuple[int, list[Attempt]]:
    """One attempt under several limits ((throttle, key) pairs): (0, the attempts, all counted), or
    (seconds to wait, []) with nothing counted when any limit is reached."""
    made: list[Attempt] = []
    for throttle, key in asked:
        made.append(throttle.attempt(key))
        if made[-1].wait:
            for earlier in made[:-1]:
                earlier.passed()
            return made[-1].wait, []
    return 0, made


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment


def _seconds_left(oldest: datetime, now: datetime, window: float) -> int:
    """Until the oldest counted failure leaves the window (one more second to be past it)."""
    return int((oldest - now).total_seconds() + window) + 1


def forget_before(session: Session, cutoff: datetime) -> int:
    """Delete the failures counted before `cutoff`; returns how many. The caller commits.

    A failure is kept under what was typed (a NIK with wrong phone digits, a staff user name, which
    may be a password typed in the wrong box), and `take` deletes a key's old rows only when that key
    is tried again: without this sweep a NIK tried once stayed for ever, past the retention period
    that masks it everywhere else (h45s). Called by the daily purge (lpsedesk/retention.py)."""
    from .models import ThrottleFailure as F

    return session.execute(delete(F).where(F.at < cutoff)).rowcount or 0


class SharedFailures:
    """Failed attempts in the database, under `namespace` (one per limit)."""

    def __init__(self, engine: Callable[[], Engine], namespace: str) -> None:
        self._engine = engine
        self.namespace = namespace

    def _key(self, key: str) -> str:
        return f"{self.namespace}:{key}"[:255]

    def recent(self, key: str, window: float) -> tuple[int, datetime | None]:
        """(failures within the window, the oldest of them)."""
        from .models import ThrottleFailure as F

        since = datetime.now(timezone.utc) - timedelta(seconds=window)
        with self._engine().connect() as conn:
            count, oldest = conn.execute(select(func.count(), func.min(F.at))
                                         .where(F.key == self._key(key), F.at > since)).one()
        return count, None if oldest is None else _aware(oldest)

    def take(self, limits: list[tuple[str, int]], window: float) -> tuple[int, list[int]]:
        """Count one attempt under every key unless one has reached its limit: (0, the rows written),
        or (seconds to wait, []) with nothing written. Read and written in one transaction that no
        other attempt on the same keys can interleave with."""
        from .models import ThrottleFailure as F

        now = datetime.now(timezone.utc)
        since = now - timedelta(seconds=window)
        named = [(self._key(k), limit) for k, limit in limits]
        names = sorted({name for name, _limit in named})
        with self._engine().begin() as conn:
            if conn.dialect.name == "postgresql":
                # Under READ COMMITTED two transactions do not see each other's new rows: each
                # would count without the other. A lock per key (taken in one order, so two
                # attempts on overlapping keys cannot deadlock) makes them queue until commit.
                for name in names:
                    conn.execute(select(func.pg_advisory_xact_lock(func.hashtextextended(name, 0))))
            # On SQLite this first statement, a write, takes the database's one write lock until
            # commit (other writers wait, busy_timeout): the counts below cannot change meanwhile.
            conn.execute(delete(F).where(F.key.in_(names), F.at <= since))
            waits = []
            for name, limit in named:
                count, oldest = conn.execute(select(func.count(), func.min(F.at))
                                             .where(F.key == name, F.at > since)).one()
                if count >= limit and oldest is not None:
                    waits.append(_seconds_left(_aware(oldest), now, window))
            if waits:
                return max(waits), []
            return 0, [conn.execute(insert(F).values(key=name, at=now).returning(F.id)).scalar_one()
                       for name, _limit in named]

    def remove(self, ids: list[int]) -> None:
        from .models import ThrottleFailure as F

        if ids:
            with self._engine().begin() as conn:
                conn.execute(delete(F).where(F.id.in_(ids)))

    def add(self, keys: list[str], window: float) -> None:
        from .models import ThrottleFailure as F

        now = datetime.now(timezone.utc)
        with self._engine().begin() as conn:
            names = [self._key(k) for k in keys]
            conn.execute(delete(F).where(F.key.in_(names), F.at <= now - timedelta(seconds=window)))
            conn.execute(insert(F), [{"key": name, "at": now} for name in names])

    def clear(self, keys: list[str]) -> None:
        from .models import ThrottleFailure as F

        with self._engine().begin() as conn:
            conn.execute(delete(F).where(F.key.in_([self._key(k) for k in keys])))


class LoginThrottle:
    def __init__(self, max_attempts: int, window_seconds: int, clock=time.monotonic, *,
                 guards_guesses: bool = False) -> None:
        # A limit on guessing a short code typed by hand (a phone's last 4 digits, a kiosk's
        # enrolment code) is counted in the database on SQLite too: counted in memory, a second
        # app process, or a restart, started from zero.
        self.guards_guesses = guards_guesses
        self.max_attempts = max_attempts
        self.window = window_seconds
        self._clock = clock
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()
        self._shared: SharedFailures | None = None

    def share(self, store: SharedFailures) -> None:
        """Count in the database from now on (every app process sees the same failures)."""
        self._shared = store

    def _recent(self, key: str, now: float) -> deque[float]:
        q = self._failures[key]
        while q and q[0] <= now - self.window:
            q.popleft()
        return q

    def _limit(self, key: Key) -> tuple[str, int]:
        return (key, self.max_attempts) if isinstance(key, str) else key

    def retry_after(self, *keys: Key) -> int:
        """Seconds until another attempt is allowed for all `keys`; 0 when allowed now."""
        if self._shared is not None:
            now_utc, waits = datetime.now(timezone.utc), []
            for k, limit in map(self._limit, keys):
                count, oldest = self._shared.recent(k, self.window)
                if count >= limit and oldest is not None:
                    waits.append(_seconds_left(oldest, now_utc, self.window))
            return max(waits, default=0)
        now = self._clock()
        with self._lock:
            waits = [int(q[0] + self.window - now) + 1 for k, limit in map(self._limit, keys)
                     if len(q := self._recent(k, now)) >= limit]
        return max(waits, default=0)

    def attempt(self, *keys: Key) -> Attempt:
        """Read the limits of `keys` and count one attempt against each, in one step: guesses sent
        at the same moment are counted one after another, so no more than the limit are ever made.
        Call `passed()` on the answer when the guess was right (it is then no failure)."""
        limits = list(map(self._limit, keys))
        if self._shared is not None:
            store = self._shared
            wait, ids = store.take(limits, self.window)
            return Attempt(wait, lambda: store.remove(ids)) if not wait else Attempt(wait)
        now = self._clock()
        with self._lock:
            waits = [int(q[0] + self.window - now) + 1 for k, limit in limits
                     if len(q := self._recent(k, now)) >= limit]
            if waits:
                return Attempt(max(waits))
            for k, _limit in limits:
                self._failures[k].append(now)
        return Attempt(0, lambda: self._take_back(limits, now))

    def _take_back(self, limits: list[tuple[str, int]], at: float) -> None:
        with self._lock:
            for k, _limit in limits:
                q = self._failures.get(k)
                if q and at in q:  # gone already when the window passed or a success cleared it
                    q.remove(at)

    def fail(self, *keys: Key) -> None:
        if self._shared is not None:
            self._shared.add([k for k, _limit in map(self._limit, keys)], self.window)
            return
        now = self._clock()
        with self._lock:
            for k, _limit in map(self._limit, keys):
                self._recent(k, now).append(now)

    def succeed(self, *keys: Key) -> None:
        if self._shared is not None:
            self._shared.clear([k for k, _limit in map(self._limit, keys)])
            return
        with self._lock:
            for k, _limit in map(self._limit, keys):
                self._failures.pop(k, None)


def login_keys(username: str, address: str | None, max_attempts: int) -> tuple[Key, ...]:
    """How failed staff logins are limited.

    - one user name from one address: `max_attempts` (the user mistyping, or a guesser there);
    - one address, whatever the names: twice that, stricter than the name alone (one machine
      trying many names);
    - one user name from anywhere: four times that, so a few wrong passwords typed elsewhere never
      lock the real user out at their own desk, while guessing from many machines still stops.
    """
    name, where = username.strip().lower(), address or "-"
    return ((f"user+ip:{name}|{where}", max_attempts), (f"ip:{where}", 2 * max_attempts),
            (f"user:{name}", 4 * max_attempts))
