"""Does the visible part of a card cut by the frame border look like a KTP's print?

A partial hypothesis rests on two or three straight, two-toned sides, which the edge of a sheet of
paper, a keyboard or a phone at the frame border also has ("move into frame" with no card there).
A KTP shows rows of printed text wherever it is seen: on dev scenes a cut KTP showed 4-15 text rows,
edge clutter 0-2. A printed page held up shows more than a KTP prints (Run 38p): a KTP front has 15 rows
(header 2, NIK, 12 fields), so a part of one cannot show 17 or more, and a page running past the frame's edge
(stranger6 dev) showed 17-20 on 20 of the 31 outlines taken for a cut card. A row counts only if its
ink breaks into pieces (words, letters): the ruled lines of a form or notebook page do not. The card is also one of
the brightest things in view (a pale laminated card under the kiosk's light), which a keyboard's
rows of keys, dark between pale letters, are not.
"""
from __future__ import annotations

import cv2
import numpy as np

from .lines import INK_LEVEL, clean_gray, clean_grays, find_lines

MIN_TEXT_ROWS = 3
# At most a KTP's 15 rows and one more: dev KTPs slid partly out (ours, stranger4) showed 3-16 (16 once),
# printed pages 5-20 (Run 38p).
MAX_TEXT_ROWS = 16
MIN_BRIGHTNESS = 0.75  # median of the visible card / 95th percentile of the frame (max channel); KTP >= 0.97 on dev
_W, _H = 856, 540


def text_rows(frame: np.ndarray, corners: np.ndarray, shaded: bool = False, lift: bool = False) -> int:
    """Text rows (9-45 px tall at 856 px card width) on the part of the card inside the frame;
    0 when that part is much darker than the frame's bright end (shaded: a whole card may be, under
    a phone's shadow beside white paper, Run 19d). lift: for a card clipped by over-exposure or under a
    colour cast (Run 27w), count on the grey whose washed-out rows are deepened (lines.clean_grays), made
    once of each pixel's brightest channel (as elsewhere: dark ink is dark in all three) and once of its
    darkest (a clipped card's pale blue print is dark only in red), and keep the larger count."""
    h, w = frame.shape[:2]
    m = cv2.getPerspectiveTransform(corners.astype(np.float32), np.float32([[0, 0], [_W, 0], [_W, _H], [0, _H]]))
    crop = cv2.warpPerspective(frame, m, (_W, _H), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    seen = cv2.warpPerspective(np.full((h, w), 255, np.uint8), m, (_W, _H))
    bright = brightest(crop)[seen >= 128]
    small = brightest(cv2.resize(frame, (frame.shape[1] // 4, frame.shape[0] // 4), interpolation=cv2.INTER_AREA))
    if bright.size == 0 or (not shaded and np.median(bright) < MIN_BRIGHTNESS * np.percentile(small, 95)):
        return 0
    if not lift:
        return _rows(clean_gray(crop), seen)
    b, g, r = cv2.split(crop)
    return max(_rows(clean_grays(grey, lift=True)[0], seen) for grey in (brightest(crop), cv2.min(cv2.min(b, g), r)))


def _rows(clean: np.ndarray, seen: np.ndarray) -> int:
    """Rows of print on a cleaned card grey (text_rows), the part outside the frame blanked."""
    clean[seen < 128] = 255
    rows = find_lines(clean, 20)
    ink = clean < INK_LEVEL
    return sum(1 for r in rows if 9 <= r.height <= 45 and r.x1 - r.x0 > 40 and _glyphs(ink[r.y0:r.y1, r.x0:r.x1]) >= MIN_GLYPHS)


# Each pixel's brightest channel by OpenCV: numpy's max over the 3 channels of a 856x540 crop took
# ~11 ms of CPU here, a quarter of a frame's detection where a cut card is judged (Run 21t); the
# same values. False: measurements.
CV_MAX = True


def brightest(img: np.ndarray) -> np.ndarray:
    """The brightest channel of each pixel of a BGR image (uint8), as img.max(axis=2)."""
    if not CV_MAX or img.ndim != 3 or img.shape[2] != 3 or img.dtype != np.uint8:
        return img.max(axis=2)
    b, g, r = cv2.split(img)
    return cv2.max(cv2.max(b, g), r)


MIN_GLYPHS = 2  # pieces of ink along a text row (at least a label and its value); a ruled line is one
# (dev: 13 of 16 edge-clutter desks told "move into frame" were ruled sheets; 54 of 60 cut KTPs
# told so before and after; with 3 or 4 one more desk and one cut KTP fewer)


def _glyphs(band: np.ndarray) -> int:
    """Pieces of ink along a row, split by blank columns: letters and words are, a ruled line
    drawn across the row is not."""
    cols = np.append(band.any(axis=0), False)
    return int(np.count_nonzero(cols[:-1] & ~cols[1:]))


def looks_printed(frame: np.ndarray, corners: np.ndarray) -> bool:
    """The part in view shows a KTP's rows of print: some, and no more than a KTP has."""
    return MIN_TEXT_ROWS <= text_rows(frame, corners) <= MAX_TEXT_ROWS
