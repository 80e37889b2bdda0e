"""Phone photos of a KTP given as files (issue 10, Run 27p; docs/idscan.md): the engine is measured on
the kiosk camera's 1280x720 frames, but a file or an upload is often a 9-50 MP phone photo.

The fourth generator's cards (tests/stranger4/, written without reading idscan/) become pictures as a
phone hands them over: its webcam frame scaled up to 4032x2268 (a soft photo, digital zoom), the same
turned to portrait (2268x4032, the card sideways), and its scene drawn at 3840x2160 (edges as sharp
as a large sensor gives them). Each picture goes through JPEG and decode_image_bytes, then is scanned
as main scanned files (scan_frame on the whole picture) and as the change does (scan_picture: at a
camera frame's size first), in the same run. Tune on --split dev only; the test split is held out.

    .venv/bin/python bench/idscan_photos.py [--split test] [--cards 27] [--kinds soft,portrait,sharp]
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import tests.stranger4.scene as scene  # noqa: E402
import tests.stranger4.splits as splits  # noqa: E402
from idscan import decode_image_bytes, scan_frame, scan_picture  # noqa: E402
from lpsedesk.nik import regions  # noqa: E402

KINDS = ("soft", "portrait", "sharp")


def pictures(case, kinds: tuple[str, ...]) -> dict[str, np.ndarray]:
    """The phone's pictures of one case's first frame, each as JPEG bytes decoded again."""
    out = {}
    if "soft" in kinds or "portrait" in kinds:
        frame = case.frame(0).frame
        if "soft" in kinds:
            out["soft"] = cv2.resize(frame, (4032, 2268), interpolation=cv2.INTER_CUBIC)
        if "portrait" in kinds:
            out["portrait"] = cv2.resize(cv2.rotate(frame, cv2.ROTATE_90_CLOCKWISE), (2268, 4032),
                                         interpolation=cv2.INTER_CUBIC)
    if "sharp" in kinds:
        scene.FRAME = splits.FRAME = (3840, 2160)  # the same scene, drawn on a large sensor
        try:
            out["sharp"] = case.frame(0).frame
        finally:
            scene.FRAME = splits.FRAME = (1280, 720)
    for kind, img in out.items():
        ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, 90])
        out[kind] = decode_image_bytes(buf.tobytes())
    return out


def outcome(res, nik: str, name: str, cpu_ms: float) -> dict:
    return {"found": bool(res.card and res.in_frame), "nik": res.nik == nik,
            "wrong": bool(res.nik and res.nik_info is not None and res.nik != nik),
            "name": res.name == name, "ms": cpu_ms}


def timed(fn):
    t0 = time.process_time()
    res = fn()
    return res, (time.process_time() - t0) * 1000


def line(label: str, before: list[dict], after: list[dict]) -> str:
    def pct(rows, key):
        return f"{100 * sum(r[key] for r in rows) / max(1, len(rows)):3.0f} %"
    cells = [f"{pct(before, k)} -> {pct(after, k)}" for k in ("found", "nik", "name")]
    wrong = f"{sum(r['wrong'] for r in before)} -> {sum(r['wrong'] for r in after)}"
    ms = f"{np.median([r['ms'] for r in before]):5.0f} -> {np.median([r['ms'] for r in after]):5.0f}"
    return f"| {label:<14} | {len(before):3d} | {' | '.join(cells)} | {wrong} | {ms} |"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test"), default="test")
    ap.add_argument("--cards", type=int, default=27)
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--seed", type=int, default=None, help="a fresh draw of the split: its fonts and conditions, "
                    "other people and poses (a held-out draw not read before)")
    args = ap.parse_args()
    kinds = tuple(k for k in args.kinds.split(",") if k in KINDS)
    split, table = splits.SPLITS[args.split], regions()
    if args.seed is not None:
        split = splits.Split(split.name, args.seed, split.bodies, split.nik_fonts, split.conditions)
    print(f"phone photos of stranger4 split {split.name} (seed {split.seed}), the first {args.cards} cards less those "
          f"partly out of the picture, kinds {kinds}")
    print("main: scan_frame on the whole picture (as files were scanned); change: scan_picture; CPU of this process")
    rows: dict[str, list[tuple[dict, dict]]] = defaultdict(list)
    for case in splits.cases(split, args.cards):
        if case.condition == "partly_out":  # not wholly in the picture: nothing to read (stranger4's bench says what is told)
            continue
        for kind, pic in pictures(case, kinds).items():
            before, b_ms = timed(lambda: scan_frame(pic, ocr=True, barcodes=False, regions=table, whole_picture=True))
            after, a_ms = timed(lambda: scan_picture(pic, ocr=True, barcodes=False, regions=table))
            pair = (outcome(before, case.person.nik, case.name, b_ms), outcome(after, case.person.nik, case.name, a_ms))
            for key in ("all", kind, f"{kind}:{case.condition}"):
                rows[key].append(pair)
    print("| picture        |   n | found (in picture) | NIK exact | name exact | wrong NIK | CPU ms median |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for key in ("all", *kinds, *sorted(k for k in rows if ":" in k)):
        if rows[key]:
            print(line(key, [b for b, _ in rows[key]], [a for _, a in rows[key]]))


if __name__ == "__main__":
    main()
