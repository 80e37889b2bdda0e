"""Which OCR engine reads the straightened cards best, then fastest (issue 10; docs/idscan.md).

Same line preparation for all (lines.py: background and guilloche lifted, deskewed, lines found);
Tesseract reads every line in one call; RapidOCR's recogniser reads the same line images; "both"
is Tesseract for the card and RapidOCR's second opinion on the NIK line. Measured on the DEV split
(choosing an engine is tuning). Run from the repo root:

    .venv/bin/python bench/idscan_ocr.py [--cards 40] [--voters 3]
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from idscan import pick_sharpest, read_cards, scan_frame  # noqa: E402
from lpsedesk.nik import regions  # noqa: E402
from tests.synthetic.splits import DEV, SPLITS, cases  # noqa: E402


def cpu_ms() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cards", type=int, default=40)
    ap.add_argument("--voters", type=int, default=3)
    ap.add_argument("--split", default="dev", choices=sorted(SPLITS))
    args = ap.parse_args()
    split = SPLITS[args.split] if args.split else DEV
    table = regions()
    runs = []  # (person, [crops of the steady run, sharpest first])
    for case in cases(split, args.cards, offset=500):
        scenes = [case.frame(i) for i in range(args.voters + 2)]
        if scenes[0].blur > 1.5:
            continue
        best = pick_sharpest([scan_frame(s.frame, barcodes=False) for s in scenes], args.voters)
        if best:
            runs.append((case.person, [r.crop for r in best]))
    read_cards([runs[0][1][0]], "rapidocr", table)  # load the ONNX models outside the timing
    print(f"split {split.name}: {len(runs)} captured steady runs, {args.voters} voters each\n")
    print("| engine | NIK exact, 1 frame | NIK filled right, 1 frame | wrong filled, 1 frame | "
          f"NIK filled right, {args.voters} voters | wrong filled | name exact, {args.voters} voters | "
          "ms 1 frame (wall / CPU) | ms at capture (wall / CPU) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for engine in ("tesseract", "rapidocr", "both"):
        raw = fill1 = wrong1 = fill = wrong = name = 0
        wall1, cpu1, wall, cpu = [], [], [], []
        for person, crops in runs:
            t, c = time.perf_counter(), cpu_ms()
            one = read_cards(crops[:1], engine, table)
            wall1.append((time.perf_counter() - t) * 1000)
            cpu1.append(cpu_ms() - c)
            raw += one.raw_nik == person.nik
            fill1 += one.nik == person.nik
            wrong1 += one.nik is not None and one.nik != person.nik
            t, c = time.perf_counter(), cpu_ms()
            many = read_cards(crops, engine, table)
            wall.append((time.perf_counter() - t) * 1000)
            cpu.append(cpu_ms() - c)
            fill += many.nik == person.nik
            wrong += many.nik is not None and many.nik != person.nik
            name += many.name == person.name
        n = len(runs)
        print(f"| {engine} | {raw / n:.0%} | {fill1 / n:.0%} | {wrong1 / n:.1%} | {fill / n:.0%} | {wrong / n:.1%} | "
              f"{name / n:.0%} | {np.median(wall1):.0f} / {np.median(cpu1):.0f} | {np.median(wall):.0f} / {np.median(cpu):.0f} |")


if __name__ == "__main__":
    main()
