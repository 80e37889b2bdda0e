"""A card that is the whole picture: a scan, or a photo cropped to the card's edges.

The outline finder (card.py) looks for a card's edges against what lies around it. A picture that is
all card has no such edge: every side lies on the picture's border, so it reads as a card cut off by
the frame ("move into frame") or as nothing. Uploaded photos and files may well be such pictures
(a scanner's output, a photo a phone app cropped to the card), so for them only, and only when the
picture itself has a card's proportions, the picture is given a plain margin to stand on and
searched again. Camera frames never take this path: a 16:9 or 4:3 frame filled by card-coloured
texture is not a card.
"""
from __future__ import annotations

import cv2
import numpy as np

from .card import ASPECT_BAND, CardDetection, detect_card
from .content import text_rows

MARGIN = 0.12  # of the longer side: the margin's edge must lie well inside the padded picture
# The margin's grey, against the picture's own border: a dark margin around a light card, a light one
# around a dark scan, so the card's edge is a clear step either way.
DARK, LIGHT = 24, 232
# The card found in the padded picture must be most of the picture: a small card-shaped thing inside a
# card-shaped picture was already looked for by the plain search, and is not what this step is for.
MIN_SHARE = 0.6
# Any card-shaped picture has a card-shaped outline once it has a margin (a grey wall, a desk cut to
# 8:5): a KTP's face also shows its rows of print (header, NIK, name, birth, sex, address, ...).
MIN_TEXT_ROWS = 6


def card_shaped(width: int, height: int) -> bool:
    """The picture's long side over its short side lies in ID-1's band (portrait scans included)."""
    long, short = max(width, height), min(width, height)
    return short > 0 and ASPECT_BAND[0] <= long / short <= ASPECT_BAND[1]


def whole_picture_card(frame: np.ndarray, gray: np.ndarray | None = None) -> CardDetection | None:
    """The card that fills a card-shaped picture, with its corners in the picture's pixels, or None."""
    h, w = frame.shape[:2]
    if not card_shaped(w, h):
        return None
    gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY) if gray is None else gray
    border = np.concatenate([gray[0], gray[-1], gray[:, 0], gray[:, -1]])
    fill = DARK if float(border.mean()) > 110 else LIGHT
    m = round(MARGIN * max(w, h))
    padded = cv2.copyMakeBorder(frame, m, m, m, m, cv2.BORDER_CONSTANT, value=(fill, fill, fill))
    det = detect_card(padded, faint=False)  # the margin's edge is a strong one: no faint look (Run 19d)
    if det is None or not det.in_frame or text_rows(padded, det.corners) < MIN_TEXT_ROWS:
        return None
    corners = np.clip(det.corners - m, 0, [w - 1, h - 1]).astype(np.float32)
    share = float(cv2.contourArea(corners)) / (w * h)
    if share < MIN_SHARE:
        return None
    det.corners, det.area_share = corners, min(1.0, share)
    return det
