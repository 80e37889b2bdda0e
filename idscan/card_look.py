"""Does the straightened card look like the front of a KTP-el, before the kiosk captures it?

The card outline alone is shared with every other card a visitor may hold up: a driving licence
(SIM), a bank card, a name badge. What a KTP-el front has and those lack, and what is cheap to see
on every frame: its printed ground is pale (blue-green guilloche) from edge to edge, so the strip
along its top (the two header lines on the ground) and the strip along its bottom (the last rows
and the signature) are both pale. A SIM prints a coloured band along one long edge, a badge a
logo stripe, a bank card is dark or coloured all over (docs/idscan.md, Run 19x: the third
generator's dev negatives, 3 of 28 captured, and its test bank cards). Both strips are asked
because the crop may still be upside down here (the reader turns it later).
"""
from __future__ import annotations

import cv2
import numpy as np

# Each strip read from a band of 15 % of the card's height at its edge, shrunk to 107x10 (text blurred
# away by a median of 5), rows 2-8 of it (~3-12 % from the edge: a row in from the edge) and 5 % in
# from the sides (where a corner cut off by the warp shows the desk). Only the two bands are shrunk:
# the whole crop at 107x68 cost ~3.5 ms CPU a frame (a non-integer area resize), this ~0.6 ms.
BAND, BAND_SIZE, ROWS, SIDE = 0.15, (107, 10), (2, 8), 5
MIN_BRIGHTNESS = 0.6  # of the card's 95th percentile
MAX_SATURATION = 125
# Share of each strip that must be pale: a thumb over a long edge covers a fifth of it (dev KTPs:
# 0.82-1.0 in the weaker strip; the negatives 0.0).
MIN_PALE_STRIP = 0.5


def pale_strips(crop: np.ndarray) -> tuple[float, float]:
    """The pale-ground share of the card's top and bottom strips."""
    if crop.ndim != 3:
        return 1.0, 1.0  # a grey picture shows no colour to judge: not refused for it
    h = crop.shape[0]
    # The card's bright end, from a nearest-pixel copy: the ground of a pale card, the print of a dark one.
    sample = cv2.cvtColor(cv2.resize(crop, BAND_SIZE[:1] + (68,), interpolation=cv2.INTER_NEAREST), cv2.COLOR_BGR2HSV)
    bright = float(np.percentile(sample[..., 2], 95))
    rows = max(BAND_SIZE[1], int(round(BAND * h / BAND_SIZE[1])) * BAND_SIZE[1])  # whole pixels per row: fast
    shares = []
    for band, flip in ((crop[:rows], False), (crop[h - rows:], True)):  # the bottom band read from its edge
        tiny = cv2.resize(band, BAND_SIZE, interpolation=cv2.INTER_AREA)
        tiny = cv2.medianBlur(cv2.flip(tiny, 0) if flip else tiny, 5)
        hsv = cv2.cvtColor(tiny[ROWS[0]:ROWS[1], SIDE:-SIDE], cv2.COLOR_BGR2HSV)
        pale = (hsv[..., 2] >= MIN_BRIGHTNESS * bright) & (hsv[..., 1] <= MAX_SATURATION)
        shares.append(float(pale.mean()))
    return shares[0], shares[1]


def looks_like_ktp(crop: np.ndarray) -> bool:
    """Both long edges of the card show the pale printed ground of a KTP-el front."""
    return min(pale_strips(crop)) >= MIN_PALE_STRIP
