"""A card held still that stays too blurred to be ready is captured as it is after the wait (issue 10, Run 22v).

"too_blurry" is the sharpness gate (quality.MIN_SHARPNESS) of a whole card in frame. Held still and
still below it, the picture is the camera's limit (soft optics, low light, a card far off), not a
hand's shake that holding still would cure: on dev and two fresh dev seeds every steady run
never captured was held there on every frame (43 of 163), and the visitor read "hold still" for ever
or pressed the shutter for a single frame. The tracker now waits for a sharper picture as it
waits for a finger or a smear (tracker.FINGER_PATIENCE_SECONDS), then captures the steady run's
crops as they are; the vote's cross-checks decide what is filled, and fill nothing where unsure
(docs/idscan.md, Run 22v). False: main's behaviour before Run 22v (measurements).

Only a KTP is waited for (Run 26b). card_look.looks_like_ktp judges the card's pale ground, and a
plain gold or dark bank card or a pale card-sized rectangle of the room is pale all over
once its colours are balanced: it passed, and having no print it was told "too blurry" and captured
after the wait (the fourth generator's dev negatives, 1 and 6 of 20; Run 26g). A KTP-el front, even
blurred past the gate, still shows its rows of print (dev: 4 and more, mostly 7-16), or, where a
worn card's faded rows fall short, its layout: the photo box on one side and the label column on the
other (orient.py's cues); those cards show 0-3 rows and no such layout. So a too-blurred card with
neither is told "not_ktp", as a sharp SIM is, and never waited out. ASK_PRINT False: main's
behaviour before Run 26b (measurements).
"""
from __future__ import annotations

import cv2
import numpy as np

from .content import text_rows
from .orient import THUMB_H, THUMB_W, orientation_score
from .quality import MIN_SHARPNESS, SPOT

ON = True
ASK_PRINT = True
BLURRY = "too_blurry"  # quality.guidance's code for a whole card below the sharpness gate
# Rows of print a blurred KTP shows at the least (content.text_rows on its crop): dev KTPs told
# too_blurry 4-16 (4 only at crop sharpness ~30), the dev negatives told too_blurry 0-3.
MIN_ROWS = 4
# The orientation cues' score (orient.py, either way round) that says KTP layout on its own: a worn dev
# KTP with 3 rows found scored 4.4-4.9; the dev negatives told too_blurry 0-3.4 (card_look.py asks
# >= 3.0 beside a pale edge; alone, it must be surer).
MIN_LAYOUT = 4.0


def waits_for(guidance: str) -> bool:
    """Whether the tracker waits on this guidance and then captures anyway (blurry part only)."""
    return ON and guidance == BLURRY


def blurred(result) -> bool:
    """A frame below the sharpness gate, told too blurry or, with a finger over the NIK, the finger
    (finger.FINGER_ASKED): either is captured only after the wait, and its crop only fills the
    places sharper ones leave (sequence.pick_sharpest)."""
    return result.guidance == BLURRY or result.guidance == "finger_on_text" and result.sharpness < MIN_SHARPNESS


def judged_ktp(guidance: str) -> bool:
    """Whether a frame's guidance says its card was seen to be a KTP: it passed card_look's KTP look
    and, told too blurry, shows print (shows_print)."""
    return guidance in ("ready", "finger_on_text", "hold_still", SPOT, BLURRY)


def overruled(guidance: str, sharpness: float | None) -> bool:
    """A frame told not_ktp while below the sharpness gate: in a presentation whose card a frame
    already showed to be a KTP, the blur hid the print, not the card (tracker.py passes it over).
    A bank card or a SIM held alone is told not_ktp on every frame: nothing overrules that."""
    return ASK_PRINT and guidance == "not_ktp" and sharpness is not None and sharpness < MIN_SHARPNESS


def shows_print(crop: np.ndarray) -> bool:
    """Whether a card too blurred to be ready still shows a KTP's layout or rows of print (ASK_PRINT)."""
    if not ASK_PRINT:
        return True
    thumb = cv2.resize(crop, (THUMB_W, THUMB_H), interpolation=cv2.INTER_AREA)
    if max(orientation_score(thumb), orientation_score(cv2.rotate(thumb, cv2.ROTATE_180))) >= MIN_LAYOUT:
        return True
    h, w = crop.shape[:2]
    return text_rows(crop, np.float32([[0, 0], [w, 0], [w, h], [0, h]]), shaded=True) >= MIN_ROWS
