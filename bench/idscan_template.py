"""The earlier benchmark: our own template card only, plus partial cards and barcodes (docs/idscan.md).

The held-out benchmark of issue 10 is bench/idscan.py. Run from the repo root:
.venv/bin/python bench/idscan_template.py [--seed N] [--cards N]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from idscan import barcodes as bc  # noqa: E402
from idscan.engine import scan_frame  # noqa: E402
from idscan import available_engines, read_card  # noqa: E402
from lpsedesk.nik import regions  # noqa: E402
from tests.synthetic import (NEGATIVE_KINDS, code128_scene, make_person, negative_scene,  # noqa: E402
                             place_in_scene, qr_scene, render_ktp)


def pct(a: list[float], q: float) -> float:
    return float(np.percentile(a, q)) if a else float("nan")


def timed(frame: np.ndarray, ms: list[float], cpu: list[float]):
    c = time.process_time()
    res = scan_frame(frame)
    cpu.append((time.process_time() - c) * 1000)
    ms.append(res.ms)
    return res


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--cards", type=int, default=160)
    ap.add_argument("--negatives", type=int, default=100)
    ap.add_argument("--codes", type=int, default=60)
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    ms: list[float] = []
    cpu: list[float] = []  # process time: less sensitive than wall time to other jobs on the machine
    hits, hits_sharp, n_sharp, corner_err, captured = 0, 0, 0, [], []
    upright, upright_glare, n_glare_found = 0, 0, 0
    guidance_blur = []
    for i in range(args.cards):
        person = make_person(rng)
        blur = float(rng.choice([0, 0, 0.5, 1.0, 1.5, 2.5, 3.5]))
        glare = bool(rng.random() < 0.12)
        frame, quad = place_in_scene(render_ktp(person), rng, blur=blur, glare=glare,
                                     jpeg=int(rng.integers(60, 95)), noise=float(rng.uniform(1, 6)))
        res = timed(frame, ms, cpu)
        ok = res.card and res.in_frame
        if ok:
            corner_err.append(float(np.linalg.norm(np.array(res.corners) - quad, axis=1).mean()))
            # Right way up: the corners match the true TL,TR,BR,BL better than the 180-degree turn.
            turned = float(np.linalg.norm(np.array(res.corners) - np.roll(quad, 2, axis=0), axis=1).mean())
            upright += corner_err[-1] < turned
            if glare:
                n_glare_found += 1
                upright_glare += corner_err[-1] < turned
        hits += ok
        if blur <= 1.5:
            n_sharp += 1
            hits_sharp += ok
        guidance_blur.append((blur, glare, res.guidance, res.sharpness))
        if ok and res.guidance == "ready":
            captured.append((person, res.crop))
    partial_found = 0
    for i in range(args.cards // 4):
        frame, _ = place_in_scene(render_ktp(make_person(rng)), rng, partial=True)
        res = timed(frame, ms, cpu)
        partial_found += res.guidance == "move_into_frame"
    false_cards = 0
    for i in range(args.negatives):
        res = timed(negative_scene(NEGATIVE_KINDS[i % len(NEGATIVE_KINDS)], rng), ms, cpu)
        false_cards += res.card
    engine_ok, raw = 0, {"pyzbar": [0, [], []], "zxing": [0, [], []]}
    for i in range(args.codes):
        text = f"LPSE-TKT-{int(rng.integers(10**6, 10**7))}"
        frame = qr_scene("IKD:" + text, rng) if i % 2 == 0 else code128_scene(text, rng)
        want = ("IKD:" + text) if i % 2 == 0 else text
        res = timed(frame, ms, cpu)
        engine_ok += any(b["text"] == want for b in res.barcodes)
        for name, reader in bc.READERS.items():
            t, c = time.perf_counter(), time.process_time()
            found = reader(frame)
            raw[name][1].append((time.perf_counter() - t) * 1000)
            raw[name][2].append((time.process_time() - c) * 1000)
            raw[name][0] += any(b["text"] == want for b in found)
    ocr_ms, nik_ok, name_ok, turned_reads = [], 0, 0, 0
    engine = (available_engines() or [None])[0]
    for person, crop in captured if engine else []:
        t = time.perf_counter()
        text = read_card(crop, engine, regions())
        ocr_ms.append((time.perf_counter() - t) * 1000)
        nik_ok += text.nik == person.nik
        turned_reads += text.rotated
        name_ok += text.name == person.name
    n_in = args.cards
    print(f"scenes: {args.cards} cards in frame, {args.cards // 4} partial, {args.negatives} negatives, {args.codes} codes")
    print(f"card recall (in frame, all blur): {hits / n_in:.1%} ({hits}/{n_in})")
    print(f"card recall (in frame, blur sigma <= 1.5): {hits_sharp / max(n_sharp, 1):.1%} ({hits_sharp}/{n_sharp})")
    n_part = args.cards // 4
    print(f"partial cards told move_into_frame: {partial_found / max(n_part, 1):.1%} ({partial_found}/{n_part})")
    print(f"false cards per 100 negatives: {100 * false_cards / args.negatives:.1f}")
    print(f"mean corner error: {np.mean(corner_err):.2f} px (p95 {pct(corner_err, 95):.2f})")
    print(f"orientation accuracy (found cards): {upright / max(len(corner_err), 1):.1%} ({upright}/{len(corner_err)}); "
          f"with glare: {upright_glare}/{n_glare_found}")
    for sig in sorted({g[0] for g in guidance_blur}):
        rows = [g for g in guidance_blur if g[0] == sig and not g[1]]
        ready = sum(g[2] == "ready" for g in rows)
        print(f"  blur {sig}: ready {ready}/{len(rows)}, median sharpness {np.median([g[3] for g in rows]):.0f}")
    glare_rows = [g for g in guidance_blur if g[1]]
    print(f"  glare scenes told glare: {sum(g[2] == 'glare' for g in glare_rows)}/{len(glare_rows)}")
    print(f"OCR engine: {engine}; captured cards: {len(captured)}")
    if captured and engine:
        print(f"NIK exact match: {nik_ok / len(captured):.1%}; name exact match: {name_ok / len(captured):.1%}")
        print(f"OCR ms: median {pct(ocr_ms, 50):.0f}, p95 {pct(ocr_ms, 95):.0f}; read turned over: {turned_reads}")
    print(f"barcode decode rate (engine): {engine_ok / args.codes:.1%}")
    for name, (ok, times, cpu_times) in raw.items():
        print(f"  raw {name} full frame: {ok / args.codes:.1%}, median {pct(times, 50):.1f} ms, p95 {pct(times, 95):.1f} ms "
              f"(CPU median {pct(cpu_times, 50):.1f}, p95 {pct(cpu_times, 95):.1f})")
    print(f"detection+decoding ms per frame: median {pct(ms, 50):.1f}, p95 {pct(ms, 95):.1f} "
          f"(CPU ms: median {pct(cpu, 50):.1f}, p95 {pct(cpu, 95):.1f})")


if __name__ == "__main__":
    main()
