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

import cv2  # noqa: E402

from bench.engine_bench import (CAPTURED, arguments, by_tag, cpu_ms, finger_told, pct, share,  # noqa: E402
                                smeared_told, spread, start_engine, steady_capture)
from idscan import read_cards, scan_frame  # noqa: E402
from lpsedesk.nik import regions  # noqa: E402
from tests.stranger.camera import CONDITIONS  # noqa: E402
from tests.stranger.splits import ONLY_IN_TEST, SPLITS, cases, negatives  # noqa: E402

SEQUENCE_START = 10_000  # steady runs are other people's cards than the single frames'


def single_frames(split, n: int, engine: str | None, crops: Path | None) -> list[dict]:
    rows, table = [], regions()
    for case in cases(split, n):
        scene = case.frame(0)
        res = scan_frame(scene.frame)
        row = {"tags": set(scene.tags), "blur_ok": scene.blur <= 1.5, "found": res.card and res.in_frame,
               "ready": res.guidance in CAPTURED, "finger": res.guidance == "finger_on_text",
               "smear": res.guidance == "hold_still", "index": case.index}
        if row["found"] and row["blur_ok"]:
            reading = read_cards([res.crop], engine, table)
            row.update(read=True, nik_raw=reading.raw_nik == case.person.nik,
                       nik_filled=reading.nik == case.person.nik,
                       wrong=reading.nik is not None and reading.nik != case.person.nik,
                       name=reading.name == case.name, got_nik=reading.raw_nik, got_name=reading.name,
                       status=reading.status)
        if crops is not None and not (row.get("nik_filled") and row.get("name")):
            crops.mkdir(parents=True, exist_ok=True)
            cv2.imwrite(str(crops / f"{split.name}{case.index:03d}_frame.png"), scene.frame)
            if res.crop is not None:
                cv2.imwrite(str(crops / f"{split.name}{case.index:03d}_crop.png"), res.crop)
            print(f"  {split.name}{case.index:03d} {'/'.join(sorted(row['tags']))}: found={row['found']} "
                  f"guidance={res.guidance} nik {case.person.nik} read {row.get('got_nik')} filled="
                  f"{row.get('nik_filled')} status={row.get('status')} name {case.name!r} read {row.get('got_name')!r}")
        rows.append(row)
    return rows


def sequences(split, n: int, frames: int, engine: str | None) -> tuple[list[dict], list[float]]:
    rows, cpu, table = [], [], regions()
    for case in cases(split, n, SEQUENCE_START):
        first = case.frame(0)
        if first.blur > 1.5:
            continue
        best, seen = steady_capture(lambda i, case=case: (first if i == 0 else case.frame(i)).frame, frames,
                                    lambda f: scan_frame(f, barcodes=False))
        row = {"tags": set(first.tags), "read": bool(best), "watched": seen > frames}
        if best:
            c = cpu_ms()
            reading = read_cards([r.crop for r in best], engine, table)
            cpu.append(cpu_ms() - c)
            row.update(nik_filled=reading.nik == case.person.nik,
                       wrong=reading.nik is not None and reading.nik != case.person.nik, name=reading.name == case.name)
        rows.append(row)
    return rows, cpu


def main() -> None:
    ap = arguments(SPLITS, cards=100, sequences=30, negatives=20)
    ap.add_argument("--crops", type=Path, default=None, help="save frames and crops of cards not read right here")
    args = ap.parse_args()
    t0 = time.process_time()
    start_engine(args)
    split = SPLITS[args.split]
    print(f"stranger split: {split.name} (seed {split.seed}; body fonts {', '.join(split.bodies)}; NIK fonts "
          f"{', '.join(split.nik_fonts)}; layouts {', '.join(split.layouts)})")
    rows = single_frames(split, args.cards, args.engine, args.crops)
    seq, seq_cpu = sequences(split, args.sequences, args.frames, args.engine) if args.sequences else ([], [])
    neg = []
    for scene in negatives(split, args.negatives):
        res = scan_frame(scene.frame)
        neg.append({"kind": scene.tags[0], "card": res.card, "ready": res.guidance in CAPTURED,
                    "move": res.guidance == "move_into_frame"})

    sharp = [r for r in rows if r["blur_ok"]]
    read = [r for r in rows if r.get("read")]
    print(f"\nsingle frames: {len(rows)} cards in frame, {len(sharp)} with blur sigma <= 1.5")
    print(f"card found (blur <= 1.5): {share(sharp, 'found')}; ready to capture: {share(sharp, 'ready')}")
    print(f"NIK exact, read on every found card: {share(read, 'nik_raw')}; on frames ready to capture: "
          f"{share(read, 'nik_raw', 'ready')}")
    finger_told(sharp, "ready frames")
    smeared_told(sharp)
    print(f"NIK filled and right: {share(read, 'nik_filled')}; wrong NIK filled: {share(read, 'wrong')}")
    print(f"name exact: {share(read, 'name')}")
    if seq:
        voted = [r for r in seq if r.get("read")]
        print(f"\nmulti-frame: {len(seq)} steady runs of {args.frames} frames; captured (a frame ready): {len(voted)}; "
              f"the sharpest ready frames voted; watched past {args.frames} frames for a 3rd: {sum(r['watched'] for r in seq)}")
        print(f"NIK filled and right, of captured runs: {share(voted, 'nik_filled')}; of all runs: {share(seq, 'nik_filled')}")
        print(f"wrong NIK filled, of captured runs: {share(voted, 'wrong')}; name exact: {share(voted, 'name')}")
        print(f"OCR at capture CPU ms: median {pct(seq_cpu, 50):.0f} (resampled 95 %: {spread(seq_cpu)})")
    if neg:
        print(f"\nnegatives: {len(neg)}; captured (ready): {sum(r['ready'] for r in neg)}; "
              f"move_into_frame: {share(neg, 'move')}; any card: {share(neg, 'card')}")

    print("\n| condition | n | found | NIK exact | NIK filled right | wrong filled | name exact | runs | vote right | vote wrong | vote name |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    groups, seq_groups = by_tag(sharp), by_tag(seq)
    looks = sorted(t for t in set(groups) | set(seq_groups) if ":" in t and not t.startswith("clutter:"))
    for key in ("all", *CONDITIONS, *looks):
        g, s = groups.get(key, []), seq_groups.get(key, [])
        rd, sv = [r for r in g if r.get("read")], [r for r in s if r.get("read")]
        label = key + (" (test only)" if key in ONLY_IN_TEST else "")
        print(f"| {label} | {len(g)} | {share(g, 'found')} | {share(rd, 'nik_raw')} | {share(rd, 'nik_filled')} | "
              f"{share(rd, 'wrong')} | {share(rd, 'name')} | {len(s)} | {share(sv, 'nik_filled')} | {share(sv, 'wrong')} | "
              f"{share(sv, 'name')} |")
    print(f"\nbench CPU s (incl. drawing): {time.process_time() - t0:.0f}")


if __name__ == "__main__":
    main()
