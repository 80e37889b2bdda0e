"""Login rate limiting: failed attempts per user name and per address within a sliding window."""
from __future__ import annotations

import threading
import time
from collections import defaultdict, deque


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

    def retry_after(self, *keys: str) -> int:
        """Seconds until another attempt is allowed for all `keys`; 0 when allowed now."""
        now = self._clock()
        with self._lock:
            waits = [int(q[0] + self.window - now) + 1 for k in keys
                     if len(q := self._recent(k, now)) >= self.max_attempts]
        return max(waits, default=0)

    def fail(self, *keys: str) -> None:
        now = self._clock()
        with self._lock:
            for k in keys:
                self._recent(k, now).append(now)

    def succeed(self, *keys: str) -> None:
        with self._lock:
            for k in keys:
                self._failures.pop(k, None)
