"""Freed frame memory kept for the next frame instead of handed back to the kernel (issue 16).

A frame's pixels and the engine's working arrays (0.5-6 MB each, a dozen per frame) are freed when
the frame is answered. glibc's malloc hands big freed blocks back to the kernel (an mmap of their
own above a threshold it moves by itself, and trimming of each thread's arena), and the next frame,
on whichever of waitress's threads, faults the same pages in again. Served by waitress that cost
500-900 minor page faults and 1.4-3 ms of kernel time per frame (the engine alone in a loop: none);
fixed thresholds bring it to 20-70 faults and 0.2-0.4 ms (docs/scale.md, "The served frame's own
cost"). The price is memory kept: each arena keeps up to KIOSK_FRAME_MEMORY_MB of freed
blocks. So the arenas are capped as well, at one per frame slot (at least two): glibc would make up
to eight per core, and waitress's 48 threads take turns at the frames, so each arena would keep a
frame's working set (+44 MB resident after 8 s of ten kiosks, and growing; with the cap, 36 MB
less than glibc's own behaviour: 211 MB against 247).

Only glibc has mallopt; elsewhere (musl, macOS, Windows) nothing is changed.
"""
from __future__ import annotations

import ctypes
import ctypes.util

M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
M_ARENA_MAX = -8
# Blocks at least this big still get an mmap of their own (freed at once): above the largest frame
# the kiosk may send (1920x1080x3 = 6.2 MB, kiosk/frame_limits.py), so no frame array is one.
MMAP_THRESHOLD_MB = 8


def _libc():
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None
    return libc


def keep_freed_frame_memory(keep_mb: int, arenas: int = 2, libc=None) -> bool:
    """Let each malloc arena keep up to `keep_mb` MB of freed memory, and have at most `arenas`
    of them (0 MB: glibc's own behaviour). Whether the allocator took it."""
    if keep_mb <= 0:
        return False
    libc = libc or _libc()
    if not hasattr(libc, "mallopt"):
        return False
    mmap_bytes = min(MMAP_THRESHOLD_MB, keep_mb) << 20
    return (bool(libc.mallopt(M_ARENA_MAX, max(2, arenas))) and bool(libc.mallopt(M_MMAP_THRESHOLD, mmap_bytes))
            and bool(libc.mallopt(M_TRIM_THRESHOLD, keep_mb << 20)))
