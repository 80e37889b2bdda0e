"""The ID engine measured on a fourth generator's cards (issue 10, Run 26g; docs/idscan.md).

tests/stranger4/ was written without looking at idscan/ or tests/synthetic/: an e-KTP front as a
cheap webcam shows it (sharpening halos, MJPEG, exposure and white balance drift), held upside down
or in portrait, partly out of the frame, beside a bank card or a driving licence, worn, and (test
only) in a clear plastic sleeve. The engine is called as the kiosk calls it and as the other
stranger benches measure it: scan_frame on every frame, read_cards on one crop, and a steady run's
frames as the kiosk captures them (engine_bench.steady_runs). The test split by default; tune on
--split dev only.

    .venv/bin/python bench/idscan_stranger4.py [--split test] [--cards 90] [--sequences 27] [--crops DIR]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.engine_bench import (arguments, condition_table, keep_miss, negative_kinds, read_frame,  # noqa: E402
                                report_readings, scan_negatives, share, start_engine, steady_runs,
                                told_per_condition)
from lpsedesk.nik import regions  # noqa: E402
from tests.stranger4.splits import ALL_CONDITIONS, NEGATIVE_KINDS, ONLY_IN_TEST, SPLITS, Split, cases, negatives  # noqa: E402

SEQUENCE_START = 40_000  # steady runs are other people's cards than the single frames'


def single_frames(split: Split, n: int, engine: str | None, crops: Path | None) -> list[dict]:
    """Each case's first frame read as the kiosk reads it, with what the visitor is told (a card
    partly out of the frame should be told to move into it, never read)."""
    rows, table = [], regions()
    for case in cases(split, n):
        scene = case.frame(0)
        row, res = read_frame(scene, case.person.nik, case.name, engine, table, case.index)
        row.update(outside=not scene.in_frame, move=res.guidance == "move_into_frame")
        if crops is not None and not (row.get("nik_filled") and row.get("name")):
            keep_miss(crops, f"{split.name}{case.index:03d}", scene, res, row, case.person.nik, case.name)
        rows.append(row)
    return rows


def main() -> None:
    ap = arguments(SPLITS, cards=90, sequences=27, negatives=20)
    ap.add_argument("--crops", type=Path, default=None, help="save frames and crops of cards not read right here")
    args = ap.parse_args()
    if args.seed is not None:
        if args.split == "test":
            ap.error("--seed draws a fresh dev split; the test split keeps its own seed")
        SPLITS[args.split] = Split(args.split, args.seed, *(getattr(SPLITS[args.split], f) for f in
                                                           ("bodies", "nik_fonts", "conditions")))
    t0 = time.process_time()
    start_engine(args)
    split = SPLITS[args.split]
    print(f"stranger4 split: {split.name} (seed {split.seed}; body fonts {', '.join(split.bodies)}; NIK fonts "
          f"{', '.join(split.nik_fonts)}; conditions {', '.join(split.conditions)})")
    rows = single_frames(split, args.cards, args.engine, args.crops)
    seq, seq_cpu = (steady_runs(cases(split, args.sequences, SEQUENCE_START), args.frames, args.engine)
                    if args.sequences else ([], []))
    neg = scan_negatives(negatives(split, args.negatives))

    inside, outside = [r for r in rows if not r["outside"]], [r for r in rows if r["outside"]]
    report_readings(inside, seq, seq_cpu, neg, args.frames)
    print(f"\ncards partly out of the frame: {len(outside)}; told move into frame {share(outside, 'move')}; "
          f"read as a whole card {share(outside, 'found')}; wrong NIK filled {share(outside, 'wrong')}")
    negative_kinds(neg, NEGATIVE_KINDS)
    told_per_condition(rows, ALL_CONDITIONS)
    condition_table([r for r in rows if r["blur_ok"]], seq, lambda groups, seq_groups: (
        "all", *ALL_CONDITIONS, "held", "on_desk", *sorted(t for t in set(groups) | set(seq_groups) if ":" in t)),
        ONLY_IN_TEST, skip_empty=True)
    print(f"\nbench CPU s (incl. drawing): {time.process_time() - t0:.0f}")


if __name__ == "__main__":
    main()
