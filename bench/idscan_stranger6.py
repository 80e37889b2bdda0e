"""The ID engine measured on a sixth generator's cards (issue 10, Run 38g; docs/idscan.md).

tests/stranger6/ was drawn by someone who had not read idscan/ or the other generators' drawing:
an e-KTP front as a real one looks, shown to a kiosk's webcam (720p or 1080p, soft focus, noise,
the camera's JPEG) in ways the other generators may not: a photo of the card on a phone's screen
(phone_screen), a black-and-white copy on paper (photocopy), strong perspective of 30-45 degrees
(perspective), fluorescent flicker bands (flicker), auto-exposure overshooting and settling
(exposure_hunt), a busy patterned tablecloth (tablecloth), a child's hand over the card
(child_hand), another card over or under it (overlap), a plain control, and in test only a card
in a wallet's plastic window (wallet_window) and the Liberation Sans Narrow font. The engine is
called as the kiosk calls it (bench/engine_bench.py), by default on the frame the kiosk sends
(1280 px wide, JPEG 85). The test split by default; look at --split dev only.

    .venv/bin/python bench/idscan_stranger6.py [--split test] [--cards 100] [--sequences 30] [--crops DIR]
"""
from __future__ import annotations

import dataclasses
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.engine_bench import (arguments, condition_table, negative_kinds, read_single_frames,  # noqa: E402
                                report_readings, scan_negatives, start_engine, steady_runs, told_per_condition)
from tests.stranger6.splits import ALL_CONDITIONS, NEGATIVE_KINDS, ONLY_IN_TEST, SPLITS, cases, negatives  # noqa: E402

SEQUENCE_START = 50_000  # steady runs are other people's cards than the single frames'


def main() -> None:
    ap = arguments(SPLITS, cards=100, sequences=30, negatives=21)
    ap.add_argument("--crops", type=Path, default=None, help="save frames and crops of cards not read right here")
    ap.set_defaults(transport="kiosk", kiosk_width=1280)  # what camera.js sends since Run 35r
    args = ap.parse_args()
    if args.seed is not None:
        if args.split == "test":
            ap.error("--seed draws a fresh dev split; the test split keeps its own seed")
        SPLITS[args.split] = dataclasses.replace(SPLITS[args.split], seed=args.seed)
    t0 = time.process_time()
    start_engine(args)
    split = SPLITS[args.split]
    print(f"stranger6 split: {split.name} (seed {split.seed}; fonts {', '.join(split.fonts)}; conditions "
          f"{', '.join(split.conditions)})")
    rows = read_single_frames(split.name, cases(split, args.cards), args.engine, args.crops)
    seq, seq_cpu = (steady_runs(cases(split, args.sequences, SEQUENCE_START), args.frames, args.engine)
                    if args.sequences else ([], []))
    neg = scan_negatives(negatives(split, args.negatives))
    report_readings(rows, seq, seq_cpu, neg, args.frames)
    negative_kinds(neg, NEGATIVE_KINDS)
    told_per_condition(rows, ALL_CONDITIONS)
    condition_table([r for r in rows if r["blur_ok"]], seq, lambda groups, seq_groups: (
        "all", *ALL_CONDITIONS, "720p", "1080p", *sorted(t for t in set(groups) | set(seq_groups) if ":" in t)),
        ONLY_IN_TEST, skip_empty=True)
    print(f"\nbench CPU s (incl. drawing): {time.process_time() - t0:.0f}")


if __name__ == "__main__":
    main()
