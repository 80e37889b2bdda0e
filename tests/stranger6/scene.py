"""What the sixth generator hands a bench: a camera frame and what it knows of it."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Scene:
    frame: np.ndarray  # BGR, as the webcam gives it (before the kiosk's transport)
    tags: tuple[str, ...]  # the condition first, then the size ("720p"/"1080p")
    blur: float  # the soft focus's Gaussian sigma in frame pixels (0: sharp)
    in_frame: bool  # every corner of the card inside the frame
    corners: np.ndarray | None  # the card's corners in the frame (tl, tr, br, bl; float32 4x2), None: no KTP
