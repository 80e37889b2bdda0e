"""Image quality of a straightened card and the guidance shown to the visitor."""
from __future__ import annotations

import cv2
import numpy as np

# Thresholds calibrated on bench/idscan.py scenes (see docs/idscan.md).
MIN_SHARPNESS = 150.0  # variance of Laplacian on the 428x270 grey crop
MAX_GLARE = 0.015  # share of blown-out card pixels
# Blown-out pixels are glare the visitor must tilt away only where they wash out the NIK row's ink.
# A webcam's auto-exposure set for a darker room clips a pale card's whole ground while its print
# stays dark, and a laminate band beside the NIK row leaves the digits whole: both were told "glare"
# for ever on the third generator's dev runs (7 of its 12 never-captured runs, Run 19x). On the
# 428x270 crop, within the NIK row's box, a column is washed when over half of it is blown and none
# of it is ink; a band that wipes out ~2 digits' width in a row (25 columns) is glare. Dev crops:
# washed runs 0-23 columns where the NIK stays readable, 33 where a band covers the digits.
MIN_WASHED_COLUMNS = 25
INK_GREY = 110  # print darker than this on the grey crop
NIK_ROW_BOX = (0.20, 0.12, 0.70, 0.36)  # x0, y0, x1, y1: the NIK digits' columns (left of the photo)
# A desk lamp's soft hotspot on a card lying still (the fifth generator's overhead scenes, Run 35h):
# it stays on the print in every frame, so no vote or look again reads under it; only the visitor's
# tilt moves it. Few of its pixels blow out where its shoulders fade the digits or the name, and a
# spot over the name row alone covers too little of NIK_ROW_BOX for over half of a column to blow.
# So a column is also faded where, over SPOT_ROW px of the NIK and name rows (about a name's caps
# on the 428x270 crop), the brightest grey within SPOT_WINDOW stands SPOT_RISE over the crop's
# median (its ground) and the camera clips it (SPOT_CLIP), and the darkest within it stays less than
# SPOT_CONTRAST below that: the print faded to the ground's grey. A card clipped pale all over has no
# rise over its own median; light brightening one end of a card (our dev glare runs: 250-251 over the
# blank ground by the header) is no spot. Dev (stranger5 overhead crops): 50-131 such columns where
# the spot lies on the NIK or the name, 0 where it lies lower or on the photo.
# Told as its own code, SPOT, on a frame otherwise ready, which the tracker waits out as it waits out a
# finger and then captures as it is: told as "glare", which is never captured, it cost the captures of
# cards left lying and of glare-band cards main read whole (Run 35h); the kiosk shows glare's message.
SPOT_ON = True  # False: main's behaviour before Runs 35h and 36w (measurements)
SPOT = "spot_on_text"
SPOT_BOX = (0.20, 0.12, 0.72, 0.38)
SPOT_WINDOW = 7  # px: wider than a stroke, so a faded digit's own grey counts as its contrast
SPOT_RISE = 30
SPOT_CLIP = 252
SPOT_CONTRAST = 60
SPOT_ROW = 8
MIN_SIZE = 0.07  # card area / frame area; below this the NIK is too small to read
# A card smeared by movement: the NIK row's gradients run one way (text printed sharp has strokes
# in every direction). Dev splits, frames otherwise ready (docs/idscan.md, Run 15b): the structure
# tensor's eigenvalue ratio, motion 0.18-0.58, sharp 0.45-0.99 (the lowest a serif font's upright
# strokes); its two diagonals' balance, which those upright strokes do not disturb, motion 0.44-0.98,
# sharp 0.78-1.0.
MIN_TEXT_ISOTROPY = 0.40
MIN_DIAGONAL_BALANCE = 0.60
TEXT_BOX = (0.20, 0.12, 0.80, 0.36)  # x0, y0, x1, y1 of the crop: the NIK row, with room for 8 % offsets

GUIDANCE = ("no_card", "move_into_frame", "move_closer", "not_ktp", "glare", "too_blurry", "finger_on_text", SPOT,
            "hold_still", "ready")


def sharpness(crop: np.ndarray) -> float:
    # Measured at a fixed half-size so the value does not depend on the crop size chosen.
    gray = cv2.cvtColor(crop, cv2.COLOR_BGR2GRAY) if crop.ndim == 3 else crop
    small = cv2.resize(gray, (428, 270), interpolation=cv2.INTER_AREA)
    return float(cv2.Laplacian(small, cv2.CV_32F).var())


def _text_tensor(crop: np.ndarray) -> tuple[float, float, float]:
    """The NIK row's mean gx*gx, gy*gy and gx*gy at a fixed size."""
    gray = cv2.cvtColor(crop, cv2.COLOR_BGR2GRAY) if crop.ndim == 3 else crop
    small = cv2.resize(gray, (428, 270), interpolation=cv2.INTER_AREA).astype(np.float32)
    x0, y0, x1, y1 = TEXT_BOX
    box = small[int(y0 * 270):int(y1 * 270), int(x0 * 428):int(x1 * 428)]
    gx = cv2.Sobel(box, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(box, cv2.CV_32F, 0, 1, ksize=3)
    return float((gx * gx).mean()), float((gy * gy).mean()), float((gx * gy).mean())


def smear_ratios(crop: np.ndarray) -> tuple[float, float]:
    """How evenly the NIK row's gradient energy spreads over directions: the smaller over the larger
    eigenvalue of its gradient structure tensor, and the weaker over the stronger of its two
    diagonals' energies (1: alike; near 0: a streak that way)."""
    a, c, b = _text_tensor(crop)
    if a + c <= 0:
        return 1.0, 1.0  # a blank row: nothing smeared to tell
    half, det = (a + c) / 2, a * c - b * b
    root = max(half * half - det, 0.0) ** 0.5
    return (half - root) / (half + root), (a + c - 2 * abs(b)) / (a + c + 2 * abs(b))


def smeared(crop: np.ndarray) -> bool:
    """The NIK row streaked one way: along or across the lines (isotropy), or along a diagonal (a
    diagonal streak hides behind the text's own upright strokes in the isotropy, not in the
    diagonals' balance)."""
    isotropy, diagonal = smear_ratios(crop)
    return isotropy < MIN_TEXT_ISOTROPY or diagonal < MIN_DIAGONAL_BALANCE


def glare(crop: np.ndarray) -> float:
    # Blown out = every channel near white; a bright card colour alone is not glare.
    # cv2.inRange: numpy's crop.min(axis=2) took ~12 ms on a 856x540 crop, this ~0.4 ms.
    n = crop.shape[2] if crop.ndim == 3 else 1
    blown = cv2.inRange(crop, (250,) * n, (255,) * n)
    return cv2.countNonZero(blown) / float(blown.size)


def _widest_run(columns: np.ndarray) -> int:
    best = run = 0
    for c in columns:
        run = run + 1 if c else 0
        best = max(best, run)
    return best


def _small_gray(crop: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    small = cv2.resize(crop, (428, 270), interpolation=cv2.INTER_AREA)
    return small, cv2.cvtColor(small, cv2.COLOR_BGR2GRAY) if small.ndim == 3 else small


def washed_columns(crop: np.ndarray) -> int:
    """The widest run of the NIK row's columns that a laminate band has washed out (blown, no ink left)."""
    return _blown_columns(*_small_gray(crop))


def spot_columns(crop: np.ndarray) -> int:
    """The widest run of the NIK and name rows' columns a lamp's hotspot has faded (0 with SPOT_ON False)."""
    return _spot_columns(_small_gray(crop)[1]) if SPOT_ON else 0


def _blown_columns(small: np.ndarray, gray: np.ndarray) -> int:
    """A laminate band: columns over half blown out and with no ink (Run 19x)."""
    n = small.shape[2] if small.ndim == 3 else 1
    x0, y0, x1, y1 = NIK_ROW_BOX
    rows, cols = slice(int(y0 * 270), int(y1 * 270)), slice(int(x0 * 428), int(x1 * 428))
    blown = cv2.inRange(small[rows, cols], (250,) * n, (255,) * n)
    washed = (blown.mean(axis=0) > 127.5) & ((gray[rows, cols] < INK_GREY).sum(axis=0) == 0)
    return _widest_run(washed)


def _spot_columns(gray: np.ndarray) -> int:
    """A lamp's soft hotspot: columns where a row's height of the NIK and name rows is brighter than the
    card's own ground and its print has faded to almost the ground's grey (Run 35h)."""
    x0, y0, x1, y1 = SPOT_BOX
    box = gray[int(y0 * 270):int(y1 * 270), int(x0 * 428):int(x1 * 428)]
    kernel = np.ones((SPOT_WINDOW, SPOT_WINDOW), np.uint8)
    light, dark = cv2.dilate(box, kernel), cv2.erode(box, kernel)
    # The median of the crop is its ground (the print, photo and spot each cover less than half);
    # from its histogram: np.median sorted the crop's 115,560 pixels in ~0.7 ms, this ~0.1.
    counts = cv2.calcHist([gray], [0], None, [256], [0, 256]).ravel().cumsum()
    ground = int(np.searchsorted(counts, gray.size / 2))
    lit = light >= max(ground + SPOT_RISE, SPOT_CLIP)
    faded = cv2.subtract(light, dark) < SPOT_CONTRAST
    return _widest_run(np.count_nonzero(lit & faded, axis=0) >= SPOT_ROW)


def glare_on_text(crop: np.ndarray, glare_share: float) -> bool:
    """Glare the visitor should tilt away: blown-out light over the NIK row's digits, not only a pale
    ground clipped by the camera's exposure or a band beside the rows."""
    return glare_share > MAX_GLARE and washed_columns(crop) >= MIN_WASHED_COLUMNS


def spot_on_text(crop: np.ndarray, glare_share: float) -> bool:
    """A lamp's soft hotspot fades the NIK or the name: asked only of a frame otherwise ready (SPOT)."""
    return glare_share > MAX_GLARE and spot_columns(crop) >= MIN_WASHED_COLUMNS


def guidance(card: bool, in_frame: bool, size: float, sharp: float, glare_share: float,
             smear: bool = False, ktp: bool = True, on_text: bool = True) -> str:
    """The first problem the visitor should fix, in the order they can fix them. "finger_on_text"
    (idscan/finger.py) comes after these, on a frame otherwise ready, too blurry or smeared
    (finger.FINGER_ASKED: every frame the kiosk captures; scan_frame asks it there): a capture made
    in spite of it after the wait (idscan/tracker.py) is as good as any other.
    "hold_still" here is a card sharp enough overall whose NIK row is smeared one way (it moved
    while the picture was taken, though its corners stayed put between frames): the tracker waits
    for a steadier picture as for a finger, then captures as it is.
    ktp: the card looks like a KTP-el front (card_look.py); a SIM, bank card or badge is never
    captured. on_text: the blown-out light covers the NIK row's digits (glare_on_text); a card washed
    pale all over with its print still dark is read, not sent to tilt for ever. A lamp's spot that
    fades the NIK or the name (SPOT) is, like a finger, asked by scan_frame of a frame otherwise ready."""
    if not card:
        return "no_card"
    if not in_frame:
        return "move_into_frame"
    if size < MIN_SIZE:
        return "move_closer"
    if not ktp:
        return "not_ktp"
    if glare_share > MAX_GLARE and on_text:
        return "glare"
    if sharp < MIN_SHARPNESS:
        return "too_blurry"
    if smear:
        return "hold_still"
    return "ready"
