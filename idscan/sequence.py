"""A steady run of frames of one card: keep the sharpest few, read them together and vote; where
that fills no NIK, look again on the run's later frames (look_again.py).

This is what the kiosk does at capture and what `flask idscan --sequence DIR` and the benches run.
"""
from __future__ import annotations

from typing import Callable, Mapping

import numpy as np

from . import blurry_wait, look_again
from .engine import scan_frame
from .quality import SPOT
from .reader import CardReading, read_cards
from .result import ScanResult
from .tracker import FINGER_PATIENCE_SECONDS

MAX_VOTERS = 3  # the tracker fires after 3 steady frames; each more voter costs ~40 ms of OCR CPU
MIN_VOTERS = 3
CAPTURABLE = look_again.CAPTURABLE  # what the kiosk captures, the last two after a wait
# A steady run is read on MIN_VOTERS crops, as the kiosk reads it: its tracker captures only after 3
# steady frames (tracker.py) and votes the crops of that run. Where fewer of the run's first frames
# are capturable, the kiosk watches on; so do the benches and the CLI, for the tracker's wait
# (FINGER_PATIENCE_SECONDS of the run's frames), then read what they have (docs/idscan.md, Run 18a).
FIRST_FRAMES = 5
# A run of frames without times of its own (a bench's, a folder given to the CLI) is taken as the
# kiosk's camera loop sends it, 5 frames a second (static/kiosk/js/camera.js FPS): the wait then
# reads the 15 frames it read when it was counted in frames (Run 45p).
FRAME_RATE = 5


def run_time(i: int) -> float:
    """The time of frame i of a run without times, in seconds from its first."""
    return i / FRAME_RATE


def pick_sharpest(results: list[ScanResult], n: int = MAX_VOTERS, *, waited: bool = False) -> list[ScanResult]:
    """The n sharpest results the kiosk would capture (whole card, sharp enough, no glare).

    waited: the tracker has waited out a card too blurred to be ready (blurry_wait.py): such
    frames fill the places the others leave, after them."""
    # A frame with a finger on the NIK, or with its NIK row smeared ("hold_still"), is captured too
    # once the kiosk has waited (tracker.py). A frame without a finger comes first: its NIK digits
    # are all in the image. A smeared one keeps its place by sharpness: putting the unsmeared ones
    # first lost a fill and two names on 16 dev motion runs and gained nothing (Run 15b). A frame whose
    # NIK or name lies under a lamp's spot (quality.SPOT) comes after the spot-free ones as the
    # finger's does: a card tilted as asked is read from its frames after the tilt (Run 36w).
    # A blurred frame told the finger (finger.FINGER_ASKED, Run 41a) is still a blurred frame: taken
    # only after the wait, as the kiosk's tracker takes it, and in the blurred frames' places.
    usable = [r for r in results if r.crop is not None and r.in_frame
              and (r.guidance in CAPTURABLE and not blurry_wait.blurred(r)
                   or waited and (blurry_wait.waits_for(r.guidance) or blurry_wait.blurred(r)))]
    # Blurred frames (only after the wait) sort after every other, so they fill only the places left.
    usable.sort(key=lambda r: (not blurry_wait.blurred(r), r.guidance not in ("finger_on_text", SPOT),
                               r.sharpness), reverse=True)
    return usable[:n]


def steady_capture(frame_at: Callable[[int], np.ndarray], frames: int, scan: Callable[[np.ndarray], ScanResult],
                   most: int | None = None, *, time_at: Callable[[int], float] = run_time
                   ) -> tuple[list[ScanResult], int]:
    """The sharpest capturable scan results of a steady run (pick_sharpest) and how many frames
    were scanned: `frames` first, then, where some but fewer than MIN_VOTERS of them are
    capturable, more until MIN_VOTERS are or the wait is over: the frames taken less than
    FINGER_PATIENCE_SECONDS after the run's first, `most` at most (the run's length; None: no end).
    frame_at(i): frame i of the run; scan(frame): its ScanResult; time_at(i): frame i's time, s."""
    def waiting(i: int) -> bool:
        # whole ms, as the tracker counts: at 5 frames a second frame 15 is 3.0 s on, not 2.9999...
        within = round((time_at(i) - time_at(0)) * 1000) < round(FINGER_PATIENCE_SECONDS * 1000)
        return within and (most is None or i < most)

    results = [scan(frame_at(i)) for i in range(frames)]
    while 0 < len(pick_sharpest(results)) < MIN_VOTERS and waiting(len(results)):
        results.append(scan(frame_at(len(results))))
    if len(pick_sharpest(results)) < MIN_VOTERS and pick_sharpest(results, waited=True):
        # A card too blurred to be ready: the kiosk waits (tracker.FINGER_PATIENCE_SECONDS) and then
        # captures it as it is (blurry_wait.py, Run 22v); so does the bench, for as long.
        while waiting(len(results)):
            results.append(scan(frame_at(len(results))))
        return pick_sharpest(results, waited=True), len(results)
    return pick_sharpest(results), len(results)


def look_again_run(best: list[ScanResult], reading: CardReading, later: Callable[[int], ScanResult | None],
                   read: Callable[[list[np.ndarray]], CardReading]) -> tuple[CardReading, int]:
    """The capture's reading, or, where it filled no NIK, the reading of its crops voted with those
    of the later frames look_again keeps, and how many later frames were watched.
    later(i): the scan result of the i-th frame after the capture, None when the run has no more
    (the card left); read(crops): read_cards on them. The frames have no times: the look takes them
    at the camera loop's 5 a second (look_again.Look), the frames the kiosk's look reads there."""
    if not look_again.needed(reading.nik):
        return reading, 0
    look, kept, step, i = look_again.Look(), [], look_again.Step.WATCH, 0
    while step not in (look_again.Step.READ, look_again.Step.GIVE_UP):
        res = later(i)
        i += 1
        if res is None:
            step = look.see(card=False)
            break
        step = look.see(card=bool(res.card), guidance=res.guidance, in_frame=res.in_frame,
                        has_crop=res.crop is not None)
        if look.took:
            kept.append((res.sharpness, res.crop))
    if step != look_again.Step.READ:
        return reading, look.frames
    crops = look_again.voters([(r.sharpness, r.crop) for r in best], kept)
    return look_again.combined(reading, read(crops)), look.frames


def scan_sequence(frames: list[np.ndarray], *, engine: str | None = None,
                  regions: Mapping[str, str] | None = None) -> tuple[ScanResult, CardReading | None]:
    """The kiosk's capture of a run of frames (in order): the sharpest of its first frames read
    together, then, where that fills no NIK, a look again on the frames after them. Returns the
    sharpest captured frame's result (with the voted NIK and name filled in) and the reading."""
    results: list[ScanResult] = []

    def scanned(i: int) -> ScanResult | None:
        if i >= len(frames):
            return None
        while len(results) <= i:
            results.append(scan_frame(frames[len(results)], barcodes=False))
        return results[i]

    # The frames stand in for the camera: each is scanned when the capture or the look asks for it.
    best, seen = steady_capture(lambda i: i, min(FIRST_FRAMES, len(frames)), scanned, len(frames))
    if not best:
        return (results[0] if results else ScanResult(error="empty")), None

    def read(crops: list[np.ndarray]) -> CardReading:
        return read_cards(crops, engine, regions)

    reading = read([r.crop for r in best])
    reading, _watched = look_again_run(best, reading, lambda i: scanned(seen + i), read)
    top = best[0]
    top.nik, top.name, top.read_from_card = reading.nik, reading.name, reading.read_from_card
    top.nik_status = reading.status
    return top, reading
