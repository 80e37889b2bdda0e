"""Image quality of a straightened card and the guidance shown to the visitor."""
from __future__ import annotations

import cv2
import numpy as np

# Thresholds calibrated on bench/idscan.py scenes (see docs/idscan.md).
MIN_SHARPNESS = 150.0  # variance of Laplacian on the 428x270 grey crop
MAX_GLARE = 0.015  # share of blown-out card pixels
MIN_SIZE = 0.07  # card area / frame area; below this the NIK is too small to read

GUIDANCE = ("no_card", "move_into_frame", "move_closer", "glare", "too_blurry", "finger_on_text", "hold_still",
            "ready")


def sharpness(crop: np.ndarray) -> float:
    # Measured at a fixed half-size so the value does not depend on the crop size chosen.
    gray = cv2.cvtColor(crop, cv2.COLOR_BGR2GRAY) if crop.ndim == 3 else crop
    small = cv2.resize(gray, (428, 270), interpolation=cv2.INTER_AREA)
    return float(cv2.Laplacian(small, cv2.CV_32F).var())


def glare(crop: np.ndarray) -> float:
    # Blown out = every channel near white; a bright card colour alone is not glare.
    # cv2.inRange: numpy's crop.min(axis=2) took ~12 ms on a 856x540 crop, this ~0.4 ms.
    n = crop.shape[2] if crop.ndim == 3 else 1
    blown = cv2.inRange(crop, (250,) * n, (255,) * n)
    return cv2.countNonZero(blown) / float(blown.size)


def guidance(card: bool, in_frame: bool, size: float, sharp: float, glare_share: float) -> str:
    """The first problem the visitor should fix, in the order they can fix them. "finger_on_text"
    (idscan/finger.py) comes after these, on a frame otherwise ready (scan_frame asks it there):
    a capture made in spite of it after the wait (idscan/tracker.py) is as good as any other."""
    if not card:
        return "no_card"
    if not in_frame:
        return "move_into_frame"
    if size < MIN_SIZE:
        return "move_closer"
    if glare_share > MAX_GLARE:
        return "glare"
    if sharp < MIN_SHARPNESS:
        return "too_blurry"
    return "ready"
