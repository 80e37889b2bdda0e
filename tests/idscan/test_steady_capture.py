"""The benches read a steady run as the kiosk does (issue 10: "Read the NIK and name on the sharpest
3-5 frames of the steady run"; "the benchmark measures what the kiosk does"). The kiosk's tracker
captures only after 3 steady frames and votes their crops, so a run with only 1-2 capturable frames
among the first ones is watched on, frame by frame, until a 3rd is seen or the wait runs out; a run
with none stays uncaptured, and one with 3 or more is not watched longer."""
from __future__ import annotations

import numpy as np

from bench.engine_bench import steady_capture
from idscan.result import ScanResult
from tests.idscan.kiosk_wait import WAIT_FRAMES


def _frames(ready: set[int]):
    """frame_at and scan for a run whose frames `ready` are capturable; sharpness = the frame's number."""
    seen: list[int] = []

    def frame_at(i: int) -> int:
        seen.append(i)
        return i

    def scan(i: int) -> ScanResult:
        crop = np.zeros((4, 4, 3), np.uint8) if i in ready else None
        return ScanResult(card=True, in_frame=True, crop=crop, sharpness=float(i),
                          guidance="ready" if i in ready else "too_blurry")
    return frame_at, scan, seen


def test_a_run_with_three_capturable_frames_is_read_as_it_was():
    frame_at, scan, seen = _frames({0, 2, 4})
    best, count = steady_capture(frame_at, 5, scan)
    assert count == 5 and seen == [0, 1, 2, 3, 4]
    assert [r.sharpness for r in best] == [4.0, 2.0, 0.0]


def test_a_run_with_one_capturable_frame_is_watched_until_a_third():
    frame_at, scan, seen = _frames({1, 6, 9, 12})
    best, count = steady_capture(frame_at, 5, scan)
    assert count == 10, "the bench stops at the frame that gives the 3rd capturable crop"
    assert sorted(r.sharpness for r in best) == [1.0, 6.0, 9.0]


def test_the_wait_runs_out_and_the_run_is_read_on_what_it_has():
    frame_at, scan, seen = _frames({3})
    best, count = steady_capture(frame_at, 5, scan)
    assert count == WAIT_FRAMES and [r.sharpness for r in best] == [3.0]


def test_a_run_with_no_capturable_frame_stays_uncaptured():
    frame_at, scan, seen = _frames({7, 8, 9})
    best, count = steady_capture(frame_at, 5, scan)
    assert best == [] and count == 5
