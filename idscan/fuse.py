"""Fuse the straightened crops of one steady card into one less noisy image.

The kiosk sees several frames of a card held still: the same print, a pixel of hand shake and
fresh sensor noise in each. Each crop is aligned to the sharpest one (sub-pixel, OpenCV's ECC
on a half-size grey image) and the aligned crops are averaged: the noise of n frames falls by
about sqrt(n), the print stays. A crop that cannot be aligned (another card, a large move, a
failed fit) is left out, so a fusion of frames that disagree is just the sharpest crop.
"""
from __future__ import annotations

import cv2
import numpy as np

ALIGN_SCALE = 0.5  # ECC on a half-size grey crop: 428x270 for the kiosk's 856x540
MIN_CORRELATION = 0.8  # ECC's correlation of an aligned crop with the sharpest one (same card: > 0.9)
MAX_SHIFT = 0.04  # of the crop's width: frames of a steady card move a few pixels, not more
_CRITERIA = (cv2.TERM_CRITERIA_EPS | cv2.TERM_CRITERIA_COUNT, 40, 1e-4)


def _small_gray(crop: np.ndarray) -> np.ndarray:
    gray = cv2.cvtColor(crop, cv2.COLOR_BGR2GRAY) if crop.ndim == 3 else crop
    small = cv2.resize(gray, None, fx=ALIGN_SCALE, fy=ALIGN_SCALE, interpolation=cv2.INTER_AREA)
    return small.astype(np.float32)


def align(ref: np.ndarray, crop: np.ndarray, ref_small: np.ndarray | None = None) -> np.ndarray | None:
    """`crop` warped onto `ref` (same size), or None when it does not fit the reference."""
    if crop.shape != ref.shape:
        return None
    ref_small = _small_gray(ref) if ref_small is None else ref_small
    warp = np.eye(3, dtype=np.float32)
    try:
        corr, warp = cv2.findTransformECC(ref_small, _small_gray(crop), warp, cv2.MOTION_HOMOGRAPHY,
                                          _CRITERIA, None, 3)
    except cv2.error:
        return None  # the fit did not converge: not the same view of the card
    h, w = ref.shape[:2]
    scale = np.diag([ALIGN_SCALE, ALIGN_SCALE, 1.0]).astype(np.float32)
    full = (np.linalg.inv(scale) @ warp @ scale).astype(np.float32)
    corners = np.float32([[0, 0], [w, 0], [w, h], [0, h]]).reshape(-1, 1, 2)
    moved = cv2.perspectiveTransform(corners, full) - corners
    if corr < MIN_CORRELATION or float(np.abs(moved).max()) > MAX_SHIFT * w:
        return None
    return cv2.warpPerspective(crop, full, (w, h), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                               borderMode=cv2.BORDER_REPLICATE)


def fuse(crops: list[np.ndarray]) -> tuple[np.ndarray, int]:
    """The mean of the crops aligned to the first (the sharpest), and how many went into it."""
    ref = crops[0]
    ref_small = _small_gray(ref)
    acc = ref.astype(np.float32)
    used = 1
    for crop in crops[1:]:
        aligned = align(ref, crop, ref_small)
        if aligned is not None:
            acc += aligned
            used += 1
    if used == 1:
        return ref, 1
    return np.clip(acc / used + 0.5, 0, 255).astype(np.uint8), used
