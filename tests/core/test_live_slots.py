"""Stream slots (lpsedesk/live_slots.py), without a server: an owner's new stream waits briefly for
the ones it ended instead of being refused; nobody waits for anyone else's; the total never grows
past the threads streams may take (issue 12)."""
from __future__ import annotations

import threading

from lpsedesk.live_slots import StreamSlots


def leave_when_told(slot, after: float = 0.2) -> threading.Thread:
    """A stream's thread: it notices its eviction a moment later, as on a loaded server."""
    def run():
        slot.evicted.wait(10)
        threading.Event().wait(after)
        slot.release()
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_a_reload_is_not_refused_while_its_old_stream_is_still_leaving():
    slots = StreamSlots(2)
    first = slots.claim("user:1", 1)
    other = slots.claim("user:2", 1)
    assert first and other and slots.count() == 2
    leaving = leave_when_told(first)
    again = slots.claim("user:1", 1)  # the same screen reloaded: its old stream ends
    assert again is not None
    leaving.join(5)
    assert slots.count() == 2 and slots.count("user:1") == 1
    assert first.evicted.is_set() and not again.evicted.is_set()


def test_an_old_stream_that_never_leaves_gets_the_new_one_refused_not_squeezed_in():
    slots = StreamSlots(1)
    stuck = slots.claim("kiosk:3", 1)
    assert stuck is not None
    assert slots.claim("kiosk:3", 1, grace=0.2) is None
    assert stuck.evicted.is_set()
    assert slots.count() == 1  # the reserve is never taken


def test_nobody_waits_for_another_owners_streams():
    slots = StreamSlots(1)
    assert slots.claim("user:1", 4) is not None
    answer = []
    asking = threading.Thread(target=lambda: answer.append(slots.claim("user:2", 4, grace=60)), daemon=True)
    asking.start()
    asking.join(5)
    assert not asking.is_alive() and answer == [None]
    assert slots.count("user:2") == 0


def test_an_owner_never_holds_more_than_its_share_nor_the_server_more_than_its_total():
    slots = StreamSlots(5)
    held = []
    for _ in range(10):
        slot = slots.claim("user:7", 4, grace=0.05)
        for old in held:
            if old.evicted.is_set():
                old.release()
        if slot:
            held.append(slot)
        assert slots.count() <= 5
        assert len([s for s in held if not s.evicted.is_set()]) <= 4
    assert slots.count("user:7") == 4
