"""Auto-capture: fire once the card has been steady and readable for N frames.

The waits are in seconds of the frames' own times, not in frames (issue 10, Run 45p): a kiosk PC that
sends 2 frames a second waited 7.5 s for a thumb on the NIK where one sending 8 waited under 2 s. The
time comes in with each frame as data (`update(result, at)`); nothing here reads a clock.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from . import blurry_wait
from .quality import SPOT
from .result import ScanResult


@dataclass
class TrackerState:
    capture_now: bool
    steady_frames: int
    guidance: str
    motion: float | None  # largest corner movement since the previous frame, px
    # False: a blurred frame of a card this presentation already showed to be a KTP, told not_ktp for
    # want of print (blurry_wait.overruled): it neither extends nor breaks the steady run, and its crop
    # is not one of the run's.
    counted: bool = True


# What the visitor can fix: the kiosk waits for it a while. A lamp's spot on the NIK or the name
# (quality.SPOT) too: a card left lying under the lamp is captured as main captured it, after the
# visitor was asked to tilt it (Run 36w).
WAITED = ("finger_on_text", "hold_still", SPOT)

# Seconds a finger on the NIK, a NIK row smeared by movement, or a lamp's spot may hold the capture
# back, counted together (15 frames at the kiosk's 5 frames a second before Run 45p). Then the card is
# captured as it is, so a finger, a smear or a spot wrongly seen costs the visitor seconds, never the
# capture (docs/idscan.md, Runs 14x, 15b and 36w). A blurred or smeared frame told the finger instead
# (finger.FINGER_ASKED, Run 41a) counts here once, as it did told "too_blurry" or "hold_still": the
# visitor is told what to fix and waits no longer.
FINGER_PATIENCE_SECONDS = 3.0

# The time a frame stands for: the time since the frame before it in this presentation, kept within
# these bounds. The patience counts what was seen (the frames that saw the finger, Run 14x), so a
# camera that stalled for 10 s saw nothing in those seconds: its next frame stands for one slow kiosk's
# frame at most (a PC sending a frame a second still waits 3 s). The lower bound keeps a frame's time
# from being nothing (a time repeated or gone back), so the wait ends within FINGER_PATIENCE_SECONDS /
# MIN_STEP_SECONDS waited frames whatever times come; the upper one keeps it from ending at once.
MAX_STEP_SECONDS = 1.0
MIN_STEP_SECONDS = 0.05
# A frame without a time (an uploaded photo, a client that sent none or a bad one) stands for one frame
# of the kiosk's camera loop (static/kiosk/js/camera.js FPS): the wait in frames main counted.
NOMINAL_STEP_SECONDS = 0.2


def known(at: float | None) -> float | None:
    """A frame's time where it is one (a finite number of seconds), else None."""
    return at if at is not None and math.isfinite(at) else None


def step_ms(before: float | None, at: float | None) -> int:
    """The whole ms a frame taken at `at` stands for after one taken at `before` (known() times or
    None): the time between them within MIN_STEP_SECONDS..MAX_STEP_SECONDS, NOMINAL_STEP_SECONDS
    where either has no time. Whole ms, so 15 frames of the loop make 3 s exactly, as 15 frames did.
    The look again (look_again.py) counts its frames the same way."""
    if at is None or before is None:
        return round(NOMINAL_STEP_SECONDS * 1000)
    return round(min(max(at - before, MIN_STEP_SECONDS), MAX_STEP_SECONDS) * 1000)


class CaptureTracker:
    """Feed one ScanResult per camera frame; capture_now is True exactly once per
    card presentation (the card must leave the frame before it fires again)."""

    def __init__(self, frames: int = 3, max_motion: float = 4.0,
                 finger_patience: float = FINGER_PATIENCE_SECONDS) -> None:
        self.frames = frames  # a count, not a time: the vote reads this many crops of the run (MAX_VOTERS)
        self.max_motion = max_motion
        self.finger_patience = finger_patience
        self.reset()

    def reset(self) -> None:
        self._prev: np.ndarray | None = None
        self._steady = 0
        self._fired = False
        # ms of this presentation's frames that saw a finger on the NIK, a smear, a spot or a blur
        # (whole ms: 15 frames of 200 ms make the patience exactly, as 15 frames did)
        self._waited = 0
        self._at: float | None = None  # the previous frame's time, s; None before one or without one
        self._ktp = False  # a frame of this presentation was judged a KTP (blurry_wait.judged_ktp)
        self._refused = False  # its capture read as another card (other_card.py): told not_ktp until it leaves

    @property
    def refused(self) -> bool:
        return self._refused

    def refuse(self) -> None:
        """This presentation's capture showed another card (the kiosk did not hand it over): it is
        not captured again while held still, and told not_ktp; a card moved or brought in anew is
        captured anew."""
        self._fired = self._refused = True

    def _step(self, at: float | None) -> int:
        """The ms this frame stands for (see MAX_STEP_SECONDS); the presentation's first frame, none:
        the wait counts from the frame that first saw the card."""
        before, self._at = self._at, at
        if self._prev is None:
            return 0
        return step_ms(before, at)

    def update(self, result: ScanResult, at: float | None = None) -> TrackerState:
        """at: the frame's time in seconds on a clock that only goes forward (any origin, the same for
        every frame of this tracker), or None (NOMINAL_STEP_SECONDS after the frame before)."""
        if not result.card or result.corners is None:
            self.reset()
            return TrackerState(False, 0, result.guidance, None)
        step = self._step(known(at))
        corners = np.asarray(result.corners, dtype=np.float32)
        motion = None if self._prev is None else float(np.linalg.norm(corners - self._prev, axis=1).max())
        self._prev = corners
        if self._refused and (motion is None or motion > self.max_motion):
            # The refused card moved, or another came in its place (a SIM swapped for the KTP without
            # leaving the view): a new presentation, which may be captured.
            self._fired = self._refused = False
        if self._ktp and blurry_wait.overruled(result.guidance, result.sharpness):
            # The KTP whose focus comes and goes: a frame too blurred to show its print is told
            # not_ktp (Run 26b) between frames told ready or finger_on_text. Breaking the steady run
            # there meant such a card was never captured (Run 26b, h24b); counting it would let a
            # blurred card be captured that no frame showed to be a KTP. So it is passed over.
            told = "ready" if self._fired else blurry_wait.BLURRY
            return TrackerState(False, self._steady, told, motion, counted=False)
        self._ktp = self._ktp or blurry_wait.judged_ktp(result.guidance)
        good = result.guidance == "ready"
        if result.guidance in WAITED or blurry_wait.waits_for(result.guidance):
            # Counted over the presentation, not in a row: a finger seen on and off still runs out.
            # A card held still that stays too blurred waits alike (blurry_wait.py, Run 22v).
            self._waited += step
            if self._waited >= round(self.finger_patience * 1000):
                good = True  # waited long enough: capture as if no finger were seen
        if not good:
            self._steady = 0
        elif motion is None or motion > self.max_motion:
            self._steady = 1  # moving: this frame starts a new steady run
        else:
            self._steady += 1
        if self._fired:
            told = "not_ktp" if self._refused else "ready" if good else result.guidance
            return TrackerState(False, self._steady, told, motion)
        if good and self._steady >= self.frames:
            self._fired = True
            return TrackerState(True, self._steady, "ready", motion)
        return TrackerState(False, self._steady, "hold_still" if good else result.guidance, motion)
