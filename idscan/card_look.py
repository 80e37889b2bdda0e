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

# On a 107x68 copy (text blurred away by a median of 5): a strip ~9 % of the card's height, a row
# in from the edge and 5 % in from the sides (where a corner cut off by the warp shows the desk).
TOP_ROWS, BOTTOM_ROWS, SIDE = (2, 8), (60, 66), 5
# Pale ground: as bright as the card's bright end allows (relative, so low light stays pale) and
# weakly coloured. Dev crops of the three generators: KTP ground saturation 15-111 (a strong blue
# colour cast the highest), a SIM's red band 134-183, a badge's green band 198.
MIN_BRIGHTNESS = 0.6  # of the card's 95th percentile
MAX_SATURATION = 125
# Share of each strip that must be pale: a thumb over a long edge covers a fifth of it (dev KTPs:
# 0.82-1.0 in the weaker strip; the negatives 0.0).
MIN_PALE_STRIP = 0.5


def pale_strips(crop: np.ndarray) -> tuple[float, float]:
    """The pale-ground share of the card's top and bottom strips."""
    if crop.ndim != 3:
        return 1.0, 1.0  # a grey picture shows no colour to judge: not refused for it
    tiny = cv2.medianBlur(cv2.resize(crop, (107, 68), interpolation=cv2.INTER_AREA), 5)
    hsv = cv2.cvtColor(tiny, cv2.COLOR_BGR2HSV)
    value, sat = hsv[..., 2], hsv[..., 1]
    pale = (value >= MIN_BRIGHTNESS * float(np.percentile(value, 95))) & (sat <= MAX_SATURATION)
    return (float(pale[TOP_ROWS[0]:TOP_ROWS[1], SIDE:-SIDE].mean()),
            float(pale[BOTTOM_ROWS[0]:BOTTOM_ROWS[1], SIDE:-SIDE].mean()))


def looks_like_ktp(crop: np.ndarray) -> bool:
    """Both long edges of the card show the pale printed ground of a KTP-el front."""
    return min(pale_strips(crop)) >= MIN_PALE_STRIP
