"""Rate limiting: failed attempts per key within a sliding window.

A key is a string (limited to `max_attempts`) or a (string, limit) pair with its own limit.
`login_keys` says how staff logins are limited.
"""
from __future__ import annotations

import threading
import time
from collections import defaultdict, deque

Key = str | tuple[str, int]


class LoginThrottle:
    def __init__(self, max_attempts: int, window_seconds: int, clock=time.monotonic) -> None:
        self.max_attempts = max_attempts
        self.window = window_seconds
        self._clock = clock
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        q = self._failures[key]
        while q and q[0] <= now - self.window:
            q.popleft()
        return q

    def _limit(self, key: Key) -> tuple[str, int]:
        return (key, self.max_attempts) if isinstance(key, str) else key

    def retry_after(self, *keys: Key) -> int:
        """Seconds until another attempt is allowed for all `keys`; 0 when allowed now."""
        now = self._clock()
        with self._lock:
            waits = [int(q[0] + self.window - now) + 1 for k, limit in map(self._limit, keys)
                     if len(q := self._recent(k, now)) >= limit]
        return max(waits, default=0)

    def fail(self, *keys: Key) -> None:
        now = self._clock()
        with self._lock:
            for k, _limit in map(self._limit, keys):
                self._recent(k, now).append(now)

    def succeed(self, *keys: Key) -> None:
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
