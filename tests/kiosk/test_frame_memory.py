"""A served frame's freed memory is reused by the next frame, on whichever waitress thread it
runs, instead of going back to the kernel and being faulted in again (issue 16: frames that cost
what the engine costs; 500-900 page faults and 1.4-3 ms of kernel time per frame before)."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kiosk.frame_memory import keep_freed_frame_memory

ROOT = Path(__file__).resolve().parents[2]

# A frame's working arrays (six of 1.5-2 MB: the decoded frame, grey and float copies), made and
# freed by one of eight threads in turn, as waitress's threads serve a kiosk's frames.
FRAMES_ON_EIGHT_THREADS = textwrap.dedent("""
    import queue, resource, sys, threading
    import numpy as np
    if sys.argv[1] == "app":
        from lpsedesk import create_app
        create_app({"DATABASE_URL": "sqlite:///" + sys.argv[2] + "/x.db", "TESTING": True,
                    "KIOSK_FRAME_MEMORY_MB": int(sys.argv[3])}, instance_path=sys.argv[2])

    def frame():
        arrays = [np.ones((540, 960, 3), np.uint8) for _ in range(4)]
        arrays += [np.ones((540, 960), np.float32) for _ in range(2)]

    jobs = queue.Queue()

    def worker():
        while (done := jobs.get()) is not None:
            frame()
            done.set()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()

    def frames(n):
        for _ in range(n):
            done = threading.Event()
            jobs.put(done)
            done.wait()

    frames(16)  # every thread has served two
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    frames(40)
    print((resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before) / 40)
    for _ in threads:
        jobs.put(None)
""")
PAGES_PER_FRAME = (4 * 540 * 960 * 3 + 2 * 540 * 960 * 4) // 4096  # about 2,500


def _faults_per_frame(tmp_path: Path, keep_mb: int) -> float:
    out = subprocess.run([sys.executable, "-c", FRAMES_ON_EIGHT_THREADS, "app", str(tmp_path), str(keep_mb)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)
    return float(out.stdout.strip().splitlines()[-1])


glibc_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator")


@glibc_only
def test_the_served_app_reuses_a_frames_freed_memory_for_the_next_frame(tmp_path):
    kept = _faults_per_frame(tmp_path / "kept", 32)
    assert kept < PAGES_PER_FRAME / 20, kept


@glibc_only
def test_without_it_the_pages_go_back_to_the_kernel_and_are_faulted_in_again(tmp_path):
    """The measurement above would show nothing if the allocator never gave pages back: here,
    with the setting off, it does (what every frame paid before)."""
    assert _faults_per_frame(tmp_path / "default", 0) > PAGES_PER_FRAME / 4


def test_the_setting_is_left_alone_where_asked_or_where_there_is_no_glibc():
    class NoMallopt:
        pass

    class Recording:
        def __init__(self):
            self.calls = []

        def mallopt(self, option, value):
            self.calls.append((option, value))
            return 1

    assert keep_freed_frame_memory(32, libc=NoMallopt()) is False
    libc = Recording()
    assert keep_freed_frame_memory(0, libc=libc) is False and libc.calls == []
    assert keep_freed_frame_memory(32, libc=libc) is True and len(libc.calls) == 3
