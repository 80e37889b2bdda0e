"""Which way up is a found card? Three cues from the KTP layout, combined.

A KTP has the photo box on the right below the header and the label column
("NIK", "Nama", "Tempat/Tgl Lahir", ...) on the left. Rotating the card by
180 degrees swaps those two regions, so each cue compares the photo box with
its mirror image (where the photo would be if the card were upside down):

- colour: the photo backdrop is a saturated red or blue, the card is pale;
- darkness: backdrop and portrait are darker than the pale card;
- texture: the label column is full of fine print, the photo is smooth.

One cue alone fails in foreseeable ways (a glare spot washes out the photo's
colour and darkness; glare on the label column or a blurred card removes the
print), which is what made the darkness-only test list some corners 180
degrees off. The cues are clipped before they are added, so no single one can
outvote the other two. Calibrated on 310 synthetic cards (half with glare):
the smallest upright score was 2.6, the rotated score is its negative.
"""
from __future__ import annotations

import cv2
import numpy as np

THUMB_W, THUMB_H = 214, 135  # a quarter of the 856x540 crop: enough for the cues, ~0.3 ms
PHOTO_BOX = (0.725, 0.24, 0.925, 0.665)  # x0, y0, x1, y1 as fractions of the card
MIRROR_BOX = (1 - PHOTO_BOX[2], 1 - PHOTO_BOX[3], 1 - PHOTO_BOX[0], 1 - PHOTO_BOX[1])
SATURATED = 110  # HSV saturation: photo backdrops are ~200, the pale card ~50
DARK = 0.65  # darker than this share of the card's median grey


def _box(img: np.ndarray, box: tuple[float, float, float, float]) -> np.ndarray:
    h, w = img.shape[:2]
    x0, y0, x1, y1 = box
    return img[int(y0 * h):int(y1 * h), int(x0 * w):int(x1 * w)]


def orientation_score(thumb: np.ndarray) -> float:
    """> 0 when the straightened card (BGR, any size) is upright, < 0 when upside down."""
    gray = cv2.cvtColor(thumb, cv2.COLOR_BGR2GRAY)
    sat = cv2.cvtColor(thumb, cv2.COLOR_BGR2HSV)[..., 1] > SATURATED
    dark = gray < DARK * float(np.median(gray))
    texture = np.abs(cv2.Laplacian(gray, cv2.CV_32F, ksize=3))
    d_sat = float(_box(sat, PHOTO_BOX).mean() - _box(sat, MIRROR_BOX).mean())
    d_dark = float(_box(dark, PHOTO_BOX).mean() - _box(dark, MIRROR_BOX).mean())
    t_label, t_photo = float(_box(texture, MIRROR_BOX).mean()), float(_box(texture, PHOTO_BOX).mean())
    d_text = (t_label - t_photo) / (t_label + t_photo + 1e-6)
    return (float(np.clip(d_sat / 0.2, -1.0, 2.5)) + float(np.clip(d_dark / 0.3, -1.0, 2.5))
            + float(np.clip(d_text / 0.2, -2.0, 3.0)))


def upright(frame: np.ndarray, quad: np.ndarray, warp_fn) -> tuple[np.ndarray, float]:
    """quad (TL,TR,BR,BL, long side first) or the same quad turned 180 degrees, and the
    score of the chosen order (its size says how sure the choice is)."""
    score = orientation_score(warp_fn(frame, quad, (THUMB_W, THUMB_H)))
    if score < 0:
        return np.roll(quad, 2, axis=0), -score
    return quad, score
