"""Auto-capture: fire once the card has been steady and readable for N frames."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .result import ScanResult


@dataclass
class TrackerState:
    capture_now: bool
    steady_frames: int
    guidance: str
    motion: float | None  # largest corner movement since the previous frame, px


class CaptureTracker:
    """Feed one ScanResult per camera frame; capture_now is True exactly once per
    card presentation (the card must leave the frame before it fires again)."""

    def __init__(self, frames: int = 3, max_motion: float = 4.0) -> None:
        self.frames = frames
        self.max_motion = max_motion
        self.reset()

    def reset(self) -> None:
        self._prev: np.ndarray | None = None
        self._steady = 0
        self._fired = False

    def update(self, result: ScanResult) -> TrackerState:
        if not result.card or result.corners is None:
            self.reset()
            return TrackerState(False, 0, result.guidance, None)
        corners = np.asarray(result.corners, dtype=np.float32)
        motion = None if self._prev is None else float(np.linalg.norm(corners - self._prev, axis=1).max())
        self._prev = corners
        good = result.guidance == "ready"
        if not good:
            self._steady = 0
        elif motion is None or motion > self.max_motion:
            self._steady = 1  # moving: this frame starts a new steady run
        else:
            self._steady += 1
        if self._fired:
            return TrackerState(False, self._steady, "ready" if good else result.guidance, motion)
        if good and self._steady >= self.frames:
            self._fired = True
            return TrackerState(True, self._steady, "ready", motion)
        return TrackerState(False, self._steady, "hold_still" if good else result.guidance, motion)
