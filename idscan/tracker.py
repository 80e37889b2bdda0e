"""Auto-capture: fire once the card has been steady and readable for N frames."""
from __future__ import annotations

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

# Frames a finger on the NIK, a NIK row smeared by movement, or a lamp's spot may hold the capture
# back: ~3 s at the kiosk's ~5 frames a second, counted together. Then the card is captured as it is,
# so a finger, a smear or a spot wrongly seen costs the visitor seconds, never the capture
# (docs/idscan.md, Runs 14x, 15b and 36w). A blurred or smeared frame told the finger instead
# (finger.FINGER_ASKED, Run 41a) counts here once, as it did told "too_blurry" or "hold_still": the
# visitor is told what to fix and waits no longer.
FINGER_PATIENCE = 15


class CaptureTracker:
    """Feed one ScanResult per camera frame; capture_now is True exactly once per
    card presentation (the card must leave the frame before it fires again)."""

    def __init__(self, frames: int = 3, max_motion: float = 4.0, finger_patience: int = FINGER_PATIENCE) -> None:
        self.frames = frames
        self.max_motion = max_motion
        self.finger_patience = finger_patience
        self.reset()

    def reset(self) -> None:
        self._prev: np.ndarray | None = None
        self._steady = 0
        self._fired = False
        self._finger = 0  # frames of this presentation that saw a finger on the NIK or a smear
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

    def update(self, result: ScanResult) -> TrackerState:
        if not result.card or result.corners is None:
            self.reset()
            return TrackerState(False, 0, result.guidance, None)
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
            self._finger += 1
            if self._finger > self.finger_patience:
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
