"""The ID engine measured on cards we did not draw (issue 10, Run 14r; docs/idscan.md).

tests/stranger/ is a second KTP generator written without looking at tests/synthetic/: its own
people, fonts, layout and camera. The engine is called as the kiosk calls it and as bench/idscan.py
measures it: scan_frame on every frame, read_cards on one crop, and on a steady run's sharpest
ready crops (pick_sharpest) for the vote. The test split by default; tune on --split dev only.

    .venv/bin/python bench/idscan_stranger.py [--split test] [--cards 100] [--sequences 30] [--crops DIR]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.engine_bench import (arguments, condition_table, read_single_frames, report_readings,  # noqa: E402
                                scan_negatives, start_engine, steady_runs)
from tests.stranger.camera import CONDITIONS  # noqa: E402
from tests.stranger.splits import ONLY_IN_TEST, SPLITS, cases, negatives  # noqa: E402

SEQUENCE_START = 10_000  # steady runs are other people's cards than the single frames'


def main() -> None:
    ap = arguments(SPLITS, cards=100, sequences=30, negatives=20)
    ap.add_argument("--crops", type=Path, default=None, help="save frames and crops of cards not read right here")
    args = ap.parse_args()
    t0 = time.process_time()
    start_engine(args)
    split = SPLITS[args.split]
    print(f"stranger split: {split.name} (seed {split.seed}; body fonts {', '.join(split.bodies)}; NIK fonts "
          f"{', '.join(split.nik_fonts)}; layouts {', '.join(split.layouts)})")
    rows = read_single_frames(split.name, cases(split, args.cards), args.engine, args.crops)
    seq, seq_cpu = (steady_runs(cases(split, args.sequences, SEQUENCE_START), args.frames, args.engine)
                    if args.sequences else ([], []))
    neg = scan_negatives(negatives(split, args.negatives))

    report_readings(rows, seq, seq_cpu, neg, args.frames)
    condition_table([r for r in rows if r["blur_ok"]], seq, lambda groups, seq_groups: (
        "all", *CONDITIONS, *sorted(t for t in set(groups) | set(seq_groups) if ":" in t and not t.startswith("clutter:"))),
        ONLY_IN_TEST)
    print(f"\nbench CPU s (incl. drawing): {time.process_time() - t0:.0f}")


if __name__ == "__main__":
    main()
