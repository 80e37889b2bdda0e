"""How many live-update streams may run at once, and for whom.

Each open Server-Sent-Events stream holds a waitress worker thread for its whole life. Without a
limit one kiosk cookie (or one staff login) could open a stream per thread and starve every other
request, /healthz included. So streams take a slot here first:

- at most `per_owner` streams per device or user: a new stream ends that owner's oldest one (a
  reloaded tab or a second tab must not be refused, and an owner can never hold more);
- at most `total` streams in all, which the server sets to its thread count minus a reserve that
  streams can never take; a stream asked for beyond that is refused and the screen polls instead.

Plain Python, no Flask: the views ask for a slot and give it back when the stream ends.
"""
from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(eq=False)
class Slot:
    owner: str
    number: int
    # Set when a newer stream of the same owner took this one's place: the stream ends itself.
    evicted: threading.Event = field(default_factory=threading.Event)
    _release: Callable[[Slot], None] | None = None

    def release(self) -> None:
        if self._release is not None:
            release, self._release = self._release, None
            release(self)


class StreamSlots:
    def __init__(self, total: int, *, wake: Callable[[], None] = lambda: None) -> None:
        self.total = max(0, total)
        self._wake = wake  # wakes waiting streams so an evicted one notices at once
        self._held: dict[str, list[Slot]] = {}
        self._count = 0
        self._numbers = itertools.count(1)
        self._cond = threading.Condition()

    def claim(self, owner: str, per_owner: int, *, grace: float = 3.0) -> Slot | None:
        """A slot for a new stream of `owner`, ending its oldest beyond `per_owner`; None when full.

        An evicted stream keeps counting until its thread has really left, so the reserve holds.
        When only the owner's own ending streams stand in the way (a reload, a tab opened again),
        wait up to `grace` seconds for them to leave rather than refuse: on a loaded server an
        ended stream takes a moment to notice, and a screen refused here polls for 30 s.
        """
        with self._cond:
            mine = self._held.setdefault(owner, [])
            live = [s for s in mine if not s.evicted.is_set()]
            evicted = False
            while len(live) >= max(1, per_owner):
                live.pop(0).evicted.set()
                evicted = True
        if evicted:
            self._wake()
        with self._cond:
            if self._count >= self.total and self._ending(owner):
                self._cond.wait_for(lambda: self._count < self.total or not self._ending(owner), grace)
            if self._count >= self.total:
                if not self._held.get(owner):
                    self._held.pop(owner, None)
                return None
            slot = Slot(owner, next(self._numbers), _release=self._give_back)
            self._held.setdefault(owner, []).append(slot)
            self._count += 1
            return slot

    def _ending(self, owner: str) -> bool:
        """Whether some stream of `owner` was told to end and has not yet left (lock held)."""
        return any(s.evicted.is_set() for s in self._held.get(owner, []))

    def _give_back(self, slot: Slot) -> None:
        with self._cond:
            mine = self._held.get(slot.owner, [])
            if slot in mine:
                mine.remove(slot)
                self._count -= 1
            if not mine:
                self._held.pop(slot.owner, None)
            self._cond.notify_all()

    def count(self, owner: str | None = None) -> int:
        with self._cond:
            if owner is None:
                return self._count
            return len(self._held.get(owner, []))

    def wait_for_count(self, predicate: Callable[[int], bool], timeout: float) -> bool:
        """Wait until the number of held slots satisfies `predicate` (for tests and the bench)."""
        with self._cond:
            return self._cond.wait_for(lambda: predicate(self._count), timeout)
