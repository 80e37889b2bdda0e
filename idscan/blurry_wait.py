"""A card held still that stays too blurred to be ready is captured as it is after the wait (issue 10, Run 22v).

"too_blurry" is the sharpness gate (quality.MIN_SHARPNESS) of a whole card in frame. Held still and
still below it, the picture is the camera's limit (soft optics, low light, a card far off), not a
hand's shake that holding still would cure: on dev and two fresh dev seeds every steady run
never captured was held there on every frame (43 of 163), and the visitor read "hold still" for ever
or pressed the shutter for a single frame. The tracker now waits for a sharper picture as it
waits for a finger or a smear (tracker.FINGER_PATIENCE frames), then captures the steady run's
crops as they are; the vote's cross-checks decide what is filled, and fill nothing where unsure
(docs/idscan.md, Run 22v). False: main's behaviour before Run 22v (measurements).

Only a KTP is waited for (Run 26b). card_look.looks_like_ktp judges the card's pale ground, and a
plain gold or dark bank card, a SIM's blank back or a pale rectangle in the room is pale all over
once its colours are balanced: it passed, and having no print it was told "too blurry" and captured
after the wait (the fourth generator's dev negatives, 1 and 6 of 20; Run 26g). A KTP-el front, even
blurred past the gate, still shows its rows of print (dev: 4 and more, mostly 7-16); those cards
show 0-3. So a too-blurred card with fewer rows is told "not_ktp", as a sharp SIM is, and never
waited out. ASK_PRINT False: main's behaviour before Run 26b (measurements).
"""
from __future__ import annotations

import numpy as np

from .content import text_rows

ON = True
ASK_PRINT = True
BLURRY = "too_blurry"  # quality.guidance's code for a whole card below the sharpness gate
# Rows of print a blurred KTP shows at the least (content.text_rows on its crop): dev KTPs told
# too_blurry 4-16 (4 only at crop sharpness ~30), the dev negatives told too_blurry 0-3.
MIN_ROWS = 4


def waits_for(guidance: str) -> bool:
    """Whether the tracker waits on this guidance and then captures anyway (blurry part only)."""
    return ON and guidance == BLURRY


def shows_print(crop: np.ndarray) -> bool:
    """Whether a card too blurred to be ready still shows a KTP's rows of print (ASK_PRINT)."""
    if not ASK_PRINT:
        return True
    h, w = crop.shape[:2]
    return text_rows(crop, np.float32([[0, 0], [w, 0], [w, h], [0, h]]), shaded=True) >= MIN_ROWS
