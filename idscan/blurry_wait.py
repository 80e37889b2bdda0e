"""A card held still that stays too blurred to be ready is captured as it is after the wait (issue 10, Run 22v).

"too_blurry" is the sharpness gate (quality.MIN_SHARPNESS) of a whole card in frame. Held still and
still below it, the picture is the camera's limit (soft optics, low light, a card far off), not a
hand's shake that holding still would cure: on dev and two fresh dev seeds every steady run
never captured was held there on every frame (43 of 163), and the visitor read "hold still" for ever
or pressed the shutter for a single frame. The tracker now waits for a sharper picture as it
waits for a finger or a smear (tracker.FINGER_PATIENCE frames), then captures the steady run's
crops as they are; the vote's cross-checks decide what is filled, and fill nothing where unsure
(docs/idscan.md, Run 22v). False: main's behaviour before Run 22v (measurements).
"""
from __future__ import annotations

ON = True
BLURRY = "too_blurry"  # quality.guidance's code for a whole card below the sharpness gate


def waits_for(guidance: str) -> bool:
    """Whether the tracker waits on this guidance and then captures anyway (blurry part only)."""
    return ON and guidance == BLURRY
