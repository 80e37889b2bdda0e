"""Does the straightened card look like the front of a KTP-el, before the kiosk captures it?

The card outline alone is shared with every other card a visitor may hold up: a driving licence
(SIM), a bank card, a name badge. What a KTP-el front has and those lack, and what is cheap to see
on every frame: its printed ground is pale (blue-green guilloche) from edge to edge, so the strip
along its top (the two header lines on the ground) and the strip along its bottom (the last rows
and the signature) are both pale. A SIM prints a coloured band along one long edge, a badge a
logo stripe, a bank card is dark or coloured all over (docs/idscan.md, Run 19x: the third
generator's dev negatives, 3 of 28 captured, and its test bank cards). Both strips are asked
because the crop may still be upside down here (the reader turns it later).

One cue alone refused real KTPs (Run 20k): a thumb over one long edge and, on a tilted card, a
sliver of the desk the outline took in, left under half of that strip pale (held-out, colour cast +
low light + thumb). So the colours are first balanced by the card's own bright end (a cast tints
the pale ground as a whole), and a card whose one long edge is pale and the other pale in part is
still a KTP when its layout says so: the photo box on the right where its mirror place holds the
label column (orient.py's cues, sure both ways round), and six or more rows of print. A SIM's photo
is on its left and its rows are on the right of it; a badge has three rows; a bank card has no pale
edge at all.

Balanced by its own bright end, though, a card of one plain colour is pale all over: a sharp dark
blue bank card (its white digits too few to be the bright end) showed strips 0.62 / 0.71 and was
captured (Run 28n, the fourth generator's bank card beside a SIM). What its ground lacks is print
darker than itself: a KTP-el front is dark ink on a pale ground (the NIK, the label column, the
values, the photo), a plain bank card's ground is its darkest part (white or embossed digits). So
every card must also show dark print: a share of its pixels well below its ground (ASK_INK).
"""
from __future__ import annotations

import cv2
import numpy as np

from .content import text_rows
from .orient import THUMB_H, THUMB_W, orientation_score

# Each strip read from a band of 15 % of the card's height at its edge, shrunk to 107x10 (text blurred
# away by a median of 5), rows 2-8 of it (~3-12 % from the edge: a row in from the edge) and 5 % in
# from the sides (where a corner cut off by the warp shows the desk). Only the two bands are shrunk:
# the whole crop at 107x68 cost ~3.5 ms CPU a frame (a non-integer area resize), this ~0.6 ms.
BAND, BAND_SIZE, ROWS, SIDE = 0.15, (107, 10), (2, 8), 5
MIN_BRIGHTNESS = 0.6  # of the card's 95th percentile
MAX_SATURATION = 125  # after the colours are balanced by the card's bright end (white_gains)
MAX_GAIN = 1.6  # a channel is lifted at most this much (the generators' casts: 0.8-1.15 a channel)
# Share of each strip that must be pale: a thumb over a long edge covers a fifth of it (dev KTPs:
# 0.82-1.0 in the weaker strip; the negatives 0.0).
MIN_PALE_STRIP = 0.5
# The layout's second look (Run 20k), asked only of a card with one long edge pale (>= STRONG_STRIP)
# and the other pale in part (>= WEAK_STRIP: a thumb and a sliver of desk; a SIM's or a badge's band
# leaves 0.0-0.29 on dev): the photo box on the right and the label column on the left, sure both
# ways round (orient.py score >= LAYOUT_UPRIGHT turned as it is, <= LAYOUT_TURNED turned over), and
# TEXT_ROWS rows of print.
STRONG_STRIP, WEAK_STRIP = 0.8, 0.2
LAYOUT_UPRIGHT, LAYOUT_TURNED = 3.0, -2.0
TEXT_ROWS = 6
# The header's two lines (PROVINSI ..., KABUPATEN ...) are centred on the pale ground: ink across the
# middle of the top band (HEADER_ROWS of the height), none at its two ends.
HEADER_ROWS, HEADER_MIDDLE, HEADER_ENDS = (0.02, 0.14), (0.35, 0.65), 0.1
# Dark print (Run 28n): the share of the card's pixels whose darkest channel is below a level of the
# card's median there (its ground; the darkest channel keeps pale blue print on a clipped card dark), on
# the strips' nearest-pixel sample. Dev (621 KTP crops of the three generators, 33 negatives that passed
# the strips): at half the ground, KTPs told ready 0.033 and up (median 0.12), told too blurry 0.034 and
# up; the bank cards, plain rooms and pale rectangles 0.000-0.004. A worn card whose print faded half way
# to the ground (tests/idscan/test_blurred_card_not_ktp.py) keeps its ink at ~0.6 of the ground: 0.00 at
# half, 0.06 at two thirds (FADED_LEVEL); there a bank card's shaded side reaches 0.12, so faded print
# counts only on an unsaturated ground (median HSV saturation: worn cards 15, dev KTPs <= 88 under a
# strong white balance, dev bank cards 111-171).
# False: main's behaviour before Run 28n (measurements).
ASK_INK = True
INK_LEVEL, MIN_INK = 0.5, 0.01
FADED_LEVEL, MIN_FADED_INK, MAX_GROUND_SATURATION = 0.65, 0.04, 100
SAMPLE = (107, 68)


def white_gains(sample: np.ndarray) -> np.ndarray:
    """Per-channel gains that make the card's bright end (95th percentile of each channel) grey:
    a colour cast over the whole card is taken off before its ground is judged pale."""
    top = np.percentile(sample.reshape(-1, 3), 95, axis=0).astype(np.float32)
    return np.minimum(float(top.max()) / np.maximum(top, 1.0), MAX_GAIN).astype(np.float32)


def card_sample(crop: np.ndarray) -> np.ndarray:
    """A nearest-pixel copy of the card, 107x68: its bright end, its ground and its ink, at ~0.05 ms."""
    return cv2.resize(crop, SAMPLE, interpolation=cv2.INTER_NEAREST)


def ink_share(sample: np.ndarray, level: float = INK_LEVEL) -> float:
    """The share of the card's pixels darker than `level` of its ground (the median), in each pixel's darkest channel."""
    darkest = sample if sample.ndim == 2 else cv2.min(cv2.min(sample[..., 0], sample[..., 1]), sample[..., 2])
    return float((darkest < level * float(np.median(darkest))).mean())


def shows_ink(sample: np.ndarray) -> bool:
    """Dark print on the card's ground (ASK_INK): a KTP-el's rows and photo, or a worn card's faded
    ones on its pale ground."""
    if ink_share(sample) >= MIN_INK:
        return True
    return (sample.ndim == 3 and ink_share(sample, FADED_LEVEL) >= MIN_FADED_INK
            and float(np.median(cv2.cvtColor(sample, cv2.COLOR_BGR2HSV)[..., 1])) <= MAX_GROUND_SATURATION)


def pale_strips(crop: np.ndarray, sample: np.ndarray | None = None) -> tuple[float, float]:
    """The pale-ground share of the card's top and bottom strips (sample: card_sample(crop), if made)."""
    if crop.ndim != 3:
        return 1.0, 1.0  # a grey picture shows no colour to judge: not refused for it
    h = crop.shape[0]
    # The card's bright end, from a nearest-pixel copy: the ground of a pale card, the print of a dark one.
    sample = card_sample(crop) if sample is None else sample
    gains = white_gains(sample)
    bright = float(np.percentile((sample * gains).max(axis=2), 95))
    rows = max(BAND_SIZE[1], int(round(BAND * h / BAND_SIZE[1])) * BAND_SIZE[1])  # whole pixels per row: fast
    shares = []
    for band, flip in ((crop[:rows], False), (crop[h - rows:], True)):  # the bottom band read from its edge
        tiny = cv2.resize(band, BAND_SIZE, interpolation=cv2.INTER_AREA)
        tiny = cv2.medianBlur(cv2.flip(tiny, 0) if flip else tiny, 5)[ROWS[0]:ROWS[1], SIDE:-SIDE]
        tiny = np.clip(tiny * gains, 0, 255).astype(np.uint8)
        hsv = cv2.cvtColor(tiny, cv2.COLOR_BGR2HSV)
        pale = (hsv[..., 2] >= MIN_BRIGHTNESS * bright) & (hsv[..., 1] <= MAX_SATURATION)
        shares.append(float(pale.mean()))
    return shares[0], shares[1]


def centred_header(gray: np.ndarray) -> bool:
    """Ink across the middle of the card's top band and none at its ends: the KTP's centred header
    (a SIM's or badge's top is a coloured band, its rows start at the left)."""
    h, w = gray.shape
    band = gray[int(HEADER_ROWS[0] * h):int(HEADER_ROWS[1] * h)]
    inked = (band < 0.7 * float(np.percentile(band, 90))).any(axis=0)
    ends = max(inked[:int(HEADER_ENDS * w)].mean(), inked[int((1 - HEADER_ENDS) * w):].mean())
    return bool(inked[int(HEADER_MIDDLE[0] * w):int(HEADER_MIDDLE[1] * w)].mean() >= 0.6 and ends <= 0.2)


def ktp_layout(crop: np.ndarray, top_pale: bool) -> bool:
    """The KTP front's layout: the photo box on the right and the label column on its left (the
    orientation cues, clear both ways round: a SIM's photo on its left scores ~1-2.7 either way, a
    badge ~2.3 and ~-1.3), and six or more rows of print. Where the bottom strip is the one not pale,
    the top must show the centred header: a card whose photo lies on the right with a coloured band
    along its bottom (a SIM turned over by the orientation cues) has none."""
    thumb = cv2.resize(crop, (THUMB_W, THUMB_H), interpolation=cv2.INTER_AREA)
    if orientation_score(thumb) < LAYOUT_UPRIGHT or orientation_score(cv2.rotate(thumb, cv2.ROTATE_180)) > LAYOUT_TURNED:
        return False
    if top_pale and not centred_header(cv2.cvtColor(thumb, cv2.COLOR_BGR2GRAY)):
        return False
    h, w = crop.shape[:2]
    return text_rows(crop, np.float32([[0, 0], [w, 0], [w, h], [0, h]]), shaded=True) >= TEXT_ROWS


def looks_like_ktp(crop: np.ndarray) -> bool:
    """The card shows dark print, and both long edges of it the pale printed ground of a KTP-el
    front, or one does and the other in part (a thumb, a sliver of desk) and the card's layout is a KTP's."""
    sample = card_sample(crop)
    if ASK_INK and not shows_ink(sample):
        return False
    top, bottom = pale_strips(crop, sample)
    weak, strong = sorted((top, bottom))
    if weak >= MIN_PALE_STRIP:
        return True
    return strong >= STRONG_STRIP and weak >= WEAK_STRIP and crop.ndim == 3 and ktp_layout(crop, top > bottom)
