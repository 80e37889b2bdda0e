"""A steady run of frames of one card: keep the sharpest few, read them together and vote.

This is what the kiosk does at capture and what `flask idscan --sequence DIR` runs.
"""
from __future__ import annotations

from typing import Mapping

import numpy as np

from . import blurry_wait
from .engine import scan_frame
from .reader import CardReading, read_cards
from .result import ScanResult

MAX_VOTERS = 3  # the tracker fires after 3 steady frames; each more voter costs ~40 ms of OCR CPU
MIN_VOTERS = 3
CAPTURABLE = ("ready", "finger_on_text", "hold_still")  # what the kiosk captures, the last two after a wait


def pick_sharpest(results: list[ScanResult], n: int = MAX_VOTERS, *, waited: bool = False) -> list[ScanResult]:
    """The n sharpest results the kiosk would capture (whole card, sharp enough, no glare).

    waited: the tracker has waited out a card too blurred to be ready (blurry_wait.py): such
    frames fill the places the others leave, after them."""
    # A frame with a finger on the NIK, or with its NIK row smeared ("hold_still"), is captured too
    # once the kiosk has waited (tracker.py). A frame without a finger comes first: its NIK digits
    # are all in the image. A smeared one keeps its place by sharpness: putting the unsmeared ones
    # first lost a fill and two names on 16 dev motion runs and gained nothing (Run 15b).
    usable = [r for r in results if r.crop is not None and r.in_frame
              and (r.guidance in CAPTURABLE or waited and blurry_wait.waits_for(r.guidance))]
    # Blurred frames (only after the wait) sort after every other, so they fill only the places left.
    usable.sort(key=lambda r: (r.guidance != blurry_wait.BLURRY, r.guidance != "finger_on_text", r.sharpness),
                reverse=True)
    return usable[:n]


def scan_sequence(frames: list[np.ndarray], *, engine: str | None = None,
                  regions: Mapping[str, str] | None = None) -> tuple[ScanResult, CardReading | None]:
    """Scan every frame, read the sharpest 3-5 together; returns the sharpest frame's result
    (with the voted NIK and name filled in) and the reading."""
    results = [scan_frame(f, barcodes=False) for f in frames]
    best = pick_sharpest(results)
    if len(best) < MIN_VOTERS:
        # The frames given are the run the kiosk would have waited through (blurry_wait.py).
        best = pick_sharpest(results, waited=True)
    if not best:
        return (results[0] if results else ScanResult(error="empty")), None
    reading = read_cards([r.crop for r in best], engine, regions)
    top = best[0]
    top.nik, top.name, top.read_from_card = reading.nik, reading.name, reading.read_from_card
    top.nik_status = reading.status
    return top, reading
