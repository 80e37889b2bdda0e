"""The ID engine measured on a fifth generator's cards (issue 10, Run 34g; docs/idscan.md).

tests/stranger5/ was written without looking at idscan/, tests/synthetic/ or the other generators:
an e-KTP front as an LPSE office's cheap camera and a visitor's habits show it - a 640x480 webcam
(vga), a 1920x1080 frame (fullhd), a card held too near and defocused (close), a black-and-white
fotokopi on A4 held up (photocopy), a bright window behind (backlight), a card lying on a desk under
a lamp seen from above (overhead), two fingertips on opposite corners (two_fingers), a plain
control, and in test only laminate lifting in a bubble (bubble). The engine is called as the kiosk
calls it and as the other stranger benches measure it (bench/engine_bench.py). The test split by
default; tune on --split dev only.

    .venv/bin/python bench/idscan_stranger5.py [--split test] [--cards 90] [--sequences 27] [--crops DIR]
"""
from __future__ import annotations

import dataclasses
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.engine_bench import (arguments, condition_table, negative_kinds, read_single_frames,  # noqa: E402
                                report_readings, scan_negatives, start_engine, steady_runs,
                                told_per_condition)
from tests.stranger5.splits import ALL_CONDITIONS, NEGATIVE_KINDS, ONLY_IN_TEST, SPLITS, cases, negatives  # noqa: E402

SEQUENCE_START = 50_000  # steady runs are other people's cards than the single frames'


def main() -> None:
    ap = arguments(SPLITS, cards=90, sequences=27, negatives=20)
    ap.add_argument("--crops", type=Path, default=None, help="save frames and crops of cards not read right here")
    args = ap.parse_args()
    if args.seed is not None:
        if args.split == "test":
            ap.error("--seed draws a fresh dev split; the test split keeps its own seed")
        SPLITS[args.split] = dataclasses.replace(SPLITS[args.split], seed=args.seed)
    t0 = time.process_time()
    start_engine(args)
    split = SPLITS[args.split]
    print(f"stranger5 split: {split.name} (seed {split.seed}; fonts {', '.join(split.fonts)}; conditions "
          f"{', '.join(split.conditions)})")
    rows = read_single_frames(split.name, cases(split, args.cards), args.engine, args.crops)
    seq, seq_cpu = (steady_runs(cases(split, args.sequences, SEQUENCE_START), args.frames, args.engine)
                    if args.sequences else ([], []))
    neg = scan_negatives(negatives(split, args.negatives))
    report_readings(rows, seq, seq_cpu, neg, args.frames)
    negative_kinds(neg, NEGATIVE_KINDS)
    told_per_condition(rows, ALL_CONDITIONS)
    condition_table([r for r in rows if r["blur_ok"]], seq, lambda groups, seq_groups: (
        "all", *ALL_CONDITIONS, "held", "on_desk", *sorted(t for t in set(groups) | set(seq_groups) if ":" in t)),
        ONLY_IN_TEST, skip_empty=True)
    print(f"\nbench CPU s (incl. drawing): {time.process_time() - t0:.0f}")


if __name__ == "__main__":
    main()
