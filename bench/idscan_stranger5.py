"""The ID engine measured on a fifth generator's cards (issue 10, Run 34g; docs/idscan.md).

tests/stranger5/ was written without looking at idscan/, tests/synthetic/ or the other generators:
an e-KTP front as an LPSE office's cheap camera and a visitor's habits show it - a 640x480 webcam
(vga), a 1920x1080 frame (fullhd), a card held too near and defocused (close), a black-and-white
fotokopi on A4 held up (photocopy), a bright window behind (backlight), a card lying on a desk under
a lamp seen from above (overhead), two fingertips on opposite corners (two_fingers), a plain
control, and in test only laminate lifting in a bubble (bubble). The engine is called as the kiosk
calls it and as the other stranger benches measure it (bench/engine_bench.py). The test split by
default; tune on --split dev only.

    .venv/bin/python bench/idscan_stranger5.py [--split test] [--cards 90] [--sequences 27] [--tilted 9] [--crops DIR]

--tilted: cards lying on the desk under the lamp whose visitor tilts the card after TILT_AT frames, as
the kiosk asks ("tilt the card a little") when the lamp's spot fades the NIK or the name
(spot_on_text, Run 36w) or glare washes the digits, beside the same cards left lying still, and tilted
only where their first frame is told so (a visitor who does as the kiosk says); each run TILT_AT +
--frames frames long (the kiosk watches on while it tells, and captures a spot as it is after its wait).
"""
from __future__ import annotations

import dataclasses
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.engine_bench import (arguments, condition_table, negative_kinds, read_single_frames,  # noqa: E402
                                report_readings, scan_negatives, share, start_engine, steady_runs,
                                told_per_condition)
from idscan import scan_frame  # noqa: E402
from tests.stranger5.splits import (ALL_CONDITIONS, NEGATIVE_KINDS, ONLY_IN_TEST, SPLITS, Split, cases,  # noqa: E402
                                    negatives, tilted_cases)

SEQUENCE_START = 50_000  # steady runs are other people's cards than the single frames'
TILTED_START = 60_000
TILT_AT = 5  # frames told before the visitor tilts: ~1 s at the kiosk's ~5 frames a second
TILT_TOLD = ("glare", "spot_on_text")  # the guidance codes whose message asks to tilt the card


def tilted_runs(split: Split, n: int, frames: int, engine: str | None) -> None:
    """The lamp's cards held still and then tilted from frame TILT_AT (tests/stranger5/splits.tilted_cases):
    what is captured and filled of each."""
    print(f"\nlamp runs ({n} cards lying under the lamp, {TILT_AT + frames} frames each):")
    lamp = tilted_cases(split, n, TILTED_START, TILT_AT)
    # A visitor who does as told: tilts where the card's first frame asks to tilt, else leaves it lying.
    told = [scan_frame(c.frame(0).frame, barcodes=False).guidance in TILT_TOLD for c in lamp]
    print(f"  told to tilt (glare or spot_on_text) on the first frame: {sum(told)} of {n}")
    for label, tilts in (("lying still", [False] * n), (f"tilted from frame {TILT_AT}", [True] * n),
                         ("tilted where told to", told)):
        runs = [dataclasses.replace(c, tilt_at=TILT_AT if tilt else None) for c, tilt in zip(lamp, tilts)]
        rows, _cpu = steady_runs(runs, TILT_AT + frames, engine)
        voted = [r for r in rows if r.get("read")]
        print(f"  {label}: captured {len(voted)} of {len(rows)}; NIK filled right {share(rows, 'nik_filled')}, "
              f"wrong {share(voted, 'wrong')}; name exact {share(rows, 'name')}", flush=True)


def main() -> None:
    ap = arguments(SPLITS, cards=90, sequences=27, negatives=20)
    ap.add_argument("--crops", type=Path, default=None, help="save frames and crops of cards not read right here")
    ap.add_argument("--tilted", type=int, default=9, help="lamp runs lying still and tilted after being told (0: none)")
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
    if args.tilted:
        tilted_runs(split, args.tilted, args.frames, args.engine)
    condition_table([r for r in rows if r["blur_ok"]], seq, lambda groups, seq_groups: (
        "all", *ALL_CONDITIONS, "held", "on_desk", *sorted(t for t in set(groups) | set(seq_groups) if ":" in t)),
        ONLY_IN_TEST, skip_empty=True)
    print(f"\nbench CPU s (incl. drawing): {time.process_time() - t0:.0f}")


if __name__ == "__main__":
    main()
