"""The ID engine measured on a third generator's cards (issue 10, Run 18s; docs/idscan.md).

tests/stranger3/ was written without looking at tests/synthetic/, tests/stranger/ or the engine:
a KTP-el front drawn from the real card, seen by the kiosk's webcam, a phone and a flat-bed
scanner. The engine is called as the kiosk calls it and as bench/idscan_stranger.py measures it:
scan_frame on every frame, read_cards on one crop, and on a steady webcam run's sharpest ready
crops (pick_sharpest) for the vote. The test split by default; look at --split dev only.

    .venv/bin/python bench/idscan_stranger3.py [--split test] [--cards 100] [--sequences 30] [--crops DIR]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.engine_bench import (arguments, condition_table, negative_kinds, read_single_frames,  # noqa: E402
                                report_readings, scan_negatives, start_engine, steady_runs)
from tests.stranger3.splits import CONDITIONS, NEGATIVE_KINDS, ONLY_IN_TEST, SPLITS, cases, negatives, webcam_cases  # noqa: E402

SEQUENCE_START = 20_000  # steady runs are other people's cards than the single frames'


def main() -> None:
    ap = arguments(SPLITS, cards=100, sequences=30, negatives=28)
    ap.add_argument("--crops", type=Path, default=None, help="save frames and crops of cards not read right here")
    ap.add_argument("--as-camera", action="store_true", help="scan phone photos and scans as camera frames, not uploads")
    args = ap.parse_args()
    t0 = time.process_time()
    start_engine(args)
    split = SPLITS[args.split]
    print(f"stranger3 split: {split.name} (seed {split.seed}; body fonts {', '.join(split.bodies)}; NIK fonts "
          f"{', '.join(split.nik_fonts)})")
    # The kiosk's camera hands in webcam frames; a phone photo or a scan comes in as an upload, which
    # the kiosk scans as possibly all card (kiosk/scan_api.py); --as-camera scans them as frames too.
    rows = read_single_frames(split.name, cases(split, args.cards), args.engine, args.crops,
                              lambda case: case.camera != "webcam" and not args.as_camera)
    seq, seq_cpu = (steady_runs(webcam_cases(split, args.sequences, SEQUENCE_START), args.frames, args.engine)
                    if args.sequences else ([], []))
    neg = scan_negatives(negatives(split, args.negatives))

    report_readings(rows, seq, seq_cpu, neg, args.frames)
    negative_kinds(neg, NEGATIVE_KINDS)
    condition_table([r for r in rows if r["blur_ok"]], seq, lambda groups, seq_groups: (
        "all", *CONDITIONS, "held", "on_desk", *sorted(t for t in set(groups) | set(seq_groups) if ":" in t)),
        ONLY_IN_TEST, skip_empty=True)
    print(f"\nbench CPU s (incl. drawing): {time.process_time() - t0:.0f}")


if __name__ == "__main__":
    main()
