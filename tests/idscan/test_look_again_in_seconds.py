"""The look again lasts ~2 s and lets the hold move on ~1.4 s, whatever the kiosk PC's speed (issue 10).

A capture whose NIK was not read asks the visitor to hold the card a moment longer; the look lets the
hold move on about 1.4 s before it keeps a crop, and watches about 2 s at most. Both were counted in
frames (7 and 10, meant at the camera loop's 5 a second): a kiosk PC sending 2 frames a second kept its
visitor holding on 5 s, one sending 8 only 1.25 s. They are counted in the frames' own times now, as the
thumb-on-the-NIK wait is (Run 45p): a camera that stalls shows nothing in its gap, a frame without a
time is one of the camera loop's, and no time a client sends makes the look endless or instant."""
from __future__ import annotations

import math

import pytest

from idscan.look_again import Look, Step

LOOK = 2.0  # seconds watched at most: "~2 s"
SETTLE = 1.4  # seconds the hold moves on before a crop is kept: "~1.4 s"
CROPS = 3  # the look reads 3 later crops, as a capture does


def _see(look: Look, at: float | None, guidance: str = "ready") -> Step:
    return look.see(card=True, guidance=guidance, in_frame=True, has_crop=True, at=at)


def _run(capture_at: float | None, times: list[float | None], guidance: str = "ready"
         ) -> tuple[list[Step], list[bool], Look]:
    """The look's answer to each later frame (given its time) until it is over, and which it kept."""
    look = Look(at=capture_at)
    steps, kept = [], []
    for t in times:
        steps.append(_see(look, t, guidance))
        kept.append(look.took)
        if steps[-1] in (Step.READ, Step.GIVE_UP):
            break
    return steps, kept, look


@pytest.mark.parametrize("per_second", [2, 5, 8])
def test_with_nothing_to_keep_the_look_gives_up_after_about_two_seconds_at_any_frame_rate(per_second):
    start = 4321.0  # the capture's frame; the clock's origin is anyone's
    times = [start + (i + 1) / per_second for i in range(20 * per_second)]
    steps, _kept, _look = _run(start, times, "glare")
    assert steps[-1] == Step.GIVE_UP
    ended = times[len(steps) - 1] - start
    assert LOOK - 1e-9 <= ended <= LOOK + 1 / per_second + 1e-9, ended


@pytest.mark.parametrize("per_second", [2, 5, 8])
def test_the_hold_moves_on_about_a_second_and_a_half_before_a_crop_is_kept_at_any_frame_rate(per_second):
    start = 4321.0
    times = [start + (i + 1) / per_second for i in range(20 * per_second)]
    steps, kept, _look = _run(start, times)
    first_kept = times[kept.index(True)] - start
    assert SETTLE < first_kept <= SETTLE + 1 / per_second + 1e-9, first_kept
    # and it reads within the look's ~2 s, what it kept: 3 crops where the frames come fast enough
    assert steps[-1] == Step.READ
    assert times[len(steps) - 1] - start <= LOOK + 1e-9
    assert sum(kept) == min(CROPS, sum(1 for t in times if SETTLE < t - start <= LOOK + 1e-9))


def test_a_slow_and_a_fast_kiosk_pc_look_for_the_same_time():
    ends = []
    for per_second in (2, 5, 8):
        times = [(i + 1) / per_second for i in range(20 * per_second)]
        steps, _kept, _look = _run(0.0, times, "glare")
        ends.append(times[len(steps) - 1])
    # Counted in frames it was 5 s against 1.25 s.
    assert max(ends) - min(ends) < 0.5, ends


def test_frames_without_times_are_taken_at_the_camera_loops_five_a_second():
    # The bench and `flask idscan --sequence` feed frames without times, and a page loaded before the
    # times were sent: the look is what it was when counted in frames, 7 watched, then 3 kept, 10 at most.
    untimed = _run(None, [None] * 30)
    timed = _run(0.0, [(i + 1) / 5 for i in range(30)])
    assert untimed[0] == timed[0] and untimed[1] == timed[1]
    steps, kept, look = untimed
    assert kept == [False] * 7 + [True] * 3 and steps[-1] == Step.READ and look.frames == 10
    steps, _kept, look = _run(None, [None] * 30, "glare")
    assert steps[-1] == Step.GIVE_UP and look.frames == 10


def test_a_capture_frame_without_a_time_starts_the_look_one_frame_of_the_loop_before_the_next():
    # The capture's frame came without a time, the later ones with times: the first counts 0.2 s.
    _steps, kept, _look = _run(None, [100.0 + i / 5 for i in range(30)])
    assert kept == [False] * 7 + [True] * 3


def test_a_camera_that_stalls_does_not_end_the_look_in_its_gap():
    # 0.4 s of the hold seen, then nothing for 10 s, then the card again: the gap counts as one slow
    # frame at most, so the look still keeps crops of frames after it, not ends on the first one.
    times = [0.2, 0.4] + [10.4 + i / 5 for i in range(20)]
    steps, kept, look = _run(0.0, times)
    assert steps[2] != Step.READ and steps[2] != Step.GIVE_UP, "over on the frame after the stall"
    assert steps[-1] == Step.READ and sum(kept) == CROPS
    assert not any(kept[:3]), "the frames before and just after the stall are the hold moving on"
    assert len(steps) <= 2 + 1 + 10, "and no longer than the rest of the look"


@pytest.mark.parametrize("name, times", [
    ("the same time on every frame", [100.0] * 500),
    ("time going backwards", [100.0 - i for i in range(500)]),
    ("no time at all", [None] * 500),
    ("times that are not numbers", [math.nan, math.inf, -math.inf] * 167),
])
@pytest.mark.parametrize("guidance", ["ready", "glare"])
def test_bad_times_never_make_the_look_endless(name, times, guidance):
    steps, _kept, _look = _run(100.0, times, guidance)
    assert steps[-1] in (Step.READ, Step.GIVE_UP), name
    assert len(steps) <= 100, f"{name}: {len(steps)} frames, 20 s at the loop's pace"


def test_times_leaping_ahead_never_make_the_look_instant():
    # Each frame claiming an hour after the one before: the hold still moves on, and a crop is read.
    steps, kept, look = _run(0.0, [(i + 1) * 3600.0 for i in range(40)])
    assert look.frames >= 2, "over on the first later frame"
    assert not kept[0], "the frame right after the capture kept"
    assert steps[-1] == Step.READ and sum(kept) >= 1


def test_a_look_resumed_from_its_saved_state_counts_on_from_where_it_was():
    # The kiosk keeps a look between frames in its scan session (JSON): frames, kept, the ms waited and
    # the last frame's time, and goes on from them.
    times = [(i + 1) / 2 for i in range(10)]
    whole = _run(0.0, times)
    look = Look(at=0.0)
    first = [_see(look, t) for t in times[:2]]
    again = Look(frames=look.frames, kept=look.kept, waited=look.waited, at=look.at)
    rest = [_see(again, t) for t in times[2:len(whole[0])]]
    assert first + rest == whole[0]
