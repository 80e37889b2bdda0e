"""What the engine's benches (bench/idscan.py, bench/idscan_stranger.py) share: their command line,
the engine set up as the served app runs it, CPU time, and how a figure is put in a line."""
from __future__ import annotations

import argparse
import resource
from collections import defaultdict
from pathlib import Path

import cv2
import numpy as np

from idscan.sequence import CAPTURABLE, MIN_VOTERS, pick_sharpest
from idscan.tesslib import best_dir as tesslib_best_dir, use_best_tessdata

# What the kiosk captures: a ready frame, and one with a finger on the NIK or its NIK row smeared
# ("hold_still") once it has waited (idscan/tracker.py; Runs 14x, 15b). The finger and smear lines
# say how often it waited.
CAPTURED = CAPTURABLE


def arguments(splits, *, cards: int, sequences: int, negatives: int) -> argparse.ArgumentParser:
    """The options both benches take; a bench adds its own."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=sorted(splits), default="test")
    ap.add_argument("--cards", type=int, default=cards)
    ap.add_argument("--sequences", type=int, default=sequences)
    ap.add_argument("--frames", type=int, default=5)
    ap.add_argument("--negatives", type=int, default=negatives)
    ap.add_argument("--engine", choices=["both", "tesseract", "rapidocr"], default=None)
    ap.add_argument("--tessdata", default=str(Path(__file__).resolve().parents[1] / "var" / "tessdata"),
                    help="folder of the second Tesseract model, as the kiosk's IDSCAN_TESSDATA ('' : none)")
    return ap


def start_engine(args: argparse.Namespace) -> None:
    """The engine as the served app runs it, and which second Tesseract model it has."""
    use_best_tessdata(args.tessdata or None)
    # One OpenCV thread, as the served app runs the engine (kiosk/scan_api.py): its pool's second
    # thread only adds CPU (dev, Run 13c: the same results, ~1-2 ms less per frame).
    cv2.setNumThreads(1)
    print(f"second Tesseract model: {tesslib_best_dir() or 'none'}")


# A steady run is read on MIN_VOTERS crops, as the kiosk reads it: its tracker captures only after 3
# steady frames (idscan/tracker.py) and votes the crops of that run. Where fewer of the run's first
# frames are capturable, the kiosk watches on; so does the bench, up to MOST_FRAMES (3 s at the
# kiosk's ~5 frames a second), then reads what it has. Reading the 1-2 capturable crops of 5 frames
# measured a vote the kiosk never makes (dev: 9 of 16 unfilled captured runs; docs/idscan.md, Run 18a).
# A run with no capturable frame among the first ones stays uncaptured, so that "captured runs"
# counts the same runs as before.
MOST_FRAMES = 15


def steady_capture(frame_at, frames: int, scan, most: int = MOST_FRAMES) -> tuple[list, int]:
    """The sharpest capturable scan results of a steady run (pick_sharpest) and how many frames
    were scanned: `frames` first, then, where some but fewer than MIN_VOTERS of them are
    capturable, more until MIN_VOTERS are or `most` frames were seen.
    frame_at(i): frame i of the run; scan(frame): its ScanResult."""
    results = [scan(frame_at(i)) for i in range(frames)]
    while 0 < len(pick_sharpest(results)) < MIN_VOTERS and len(results) < most:
        results.append(scan(frame_at(len(results))))
    return pick_sharpest(results), len(results)


def cpu_ms() -> float:
    """CPU time of this process and its finished children (Tesseract): wall time on a 2-core
    machine shared with other jobs says more about the other jobs."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return (own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime) * 1000


def pct(a: list[float], q: float) -> float:
    return float(np.percentile(a, q)) if a else float("nan")


def spread(a: list[float], rounds: int = 1000) -> str:
    """The middle 95 % of the median over resampled (bootstrap) sets of the samples: ~30 captures
    give a median that moves by tens of ms from one run to the next (docs/idscan.md, Run 13c)."""
    if len(a) < 2:
        return "-"
    rng = np.random.default_rng(0)
    meds = np.median(rng.choice(np.asarray(a), (rounds, len(a))), axis=1)
    return f"{np.percentile(meds, 2.5):.0f}-{np.percentile(meds, 97.5):.0f}"


def share(rows: list[dict], key: str, where: str | None = None) -> str:
    rows = [r for r in rows if where is None or r.get(where)]
    if not rows:
        return "-"
    hit = sum(bool(r.get(key)) for r in rows)
    return f"{100 * hit / len(rows):.0f}% ({hit}/{len(rows)})"


def by_tag(rows: list[dict]) -> defaultdict[str, list[dict]]:
    """The rows under "all" and under each of their tags, for the per-condition table."""
    groups = defaultdict(list)
    for r in rows:
        for t in ("all", *r["tags"]):
            groups[t].append(r)
    return groups


def finger_told(sharp: list[dict], which: str) -> None:
    """How often a finger is told on ready frames: a finger told where there is no thumb holds a
    visitor back for seconds, so it must stay rare."""
    thumbs = [r for r in sharp if r["ready"] and "thumb" in r["tags"]]
    clear = [r for r in sharp if r["ready"] and "thumb" not in r["tags"]]
    print(f"finger on the NIK told ({which}): thumb scenes {share(thumbs, 'finger')}; "
          f"scenes without a thumb {share(clear, 'finger')}")


def smeared_told(rows: list[dict]) -> None:
    """How often a frame otherwise ready is held back as smeared (Run 15b): on motion scenes it
    should, on the others it holds a visitor back for nothing, so it must stay rare."""
    ready = [r for r in rows if r["ready"]]
    print(f"NIK row smeared, hold still told (ready frames): motion scenes "
          f"{share([r for r in ready if 'motion' in r['tags']], 'smear')}; scenes without motion "
          f"{share([r for r in ready if 'motion' not in r['tags']], 'smear')}")
