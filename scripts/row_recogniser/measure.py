"""The row recogniser beside the names model on dev name rows as the engine cut them (collect_rows.py).

Readings are cleaned as the engine cleans a name row's (fields.clean_name). Each card's name row is the first row the names model read in its capture (reader._read_sets reads the
row after the NIK line first; the birth row comes later). Per model: rows read exactly, and rows read
wrong (not empty, not exact); the same among rows each model is sure of (its least sure character at
or above --sure), which is what a reader fills. Run in the product's venv (onnxruntime):

    .venv/bin/python scripts/row_recogniser/measure.py MODEL.onnx /tmp/dev_ours.pkl [...]
"""
from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from idscan.fields import clean_name  # noqa: E402
from idscan.name_vote import drop_label  # noqa: E402
from onnx_reader import RowReader  # noqa: E402


def as_filled(text: str) -> str:
    """A reading as the engine cleans a name row's reading (label, colon, marks, O for 0)."""
    return clean_name(drop_label(text)) or ""


def agree(a: tuple[str, float], b: tuple[str, float]) -> tuple[str, float]:
    """Both readings alike: that reading, sure; else nothing."""
    return (a[0], 1.0) if a[0] == b[0] else ("", 0.0)


def surer(a: tuple[str, float], b: tuple[str, float]) -> tuple[str, float]:
    """The reading whose least sure character is surer."""
    return a if a[1] >= b[1] else b


def ours_where_unsure(a: tuple[str, float], b: tuple[str, float], line: float = 0.9) -> tuple[str, float]:
    """The names model's reading, ours where the names model's least sure character is under `line`."""
    return a if a[1] >= line else b


def sure_or_agreed(a: tuple[str, float], b: tuple[str, float], line: float = 0.9) -> tuple[str, float]:
    """The names model's reading where it is sure (least sure character >= `line`) or ours reads it
    alike; else nothing."""
    return a if a[1] >= line else agree(a, b)


def ours_where_surer_and_unsure(a: tuple[str, float], b: tuple[str, float], line: float = 0.9) -> tuple[str, float]:
    """The names model's reading, ours where the names model is unsure (under `line`) and ours is surer."""
    return b if a[1] < line and b[1] > a[1] else a


COMBINED = {"(c1) ours where names model < 0.9": ours_where_unsure, "(c2) the surer of the two": surer,
            "(c3) only where both agree": agree,
            "(c5) ours where names model < 0.9 and ours surer": ours_where_surer_and_unsure,
            "(c4) names model where sure (>= 0.9) or both agree": sure_or_agreed}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("model", type=Path)
    ap.add_argument("pickles", type=Path, nargs="+")
    ap.add_argument("--sure", type=float, default=0.5)
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    reader = RowReader(args.model)
    for pk in args.pickles:
        cards = pickle.loads(pk.read_bytes())
        table: dict[str, list[tuple[bool, bool, bool]]] = {}
        ms = []
        engine_exact = sum(c["filled"] == c["truth"] for c in cards)
        # The engine's filled name beside the same name kept only where ours read the row alike or
        # the names model was sure of it (c4 as a veto on what the engine fills)
        engine = {"engine's filled name": [0, 0], "the same, kept where ours agrees or names model sure": [0, 0]}
        for c in cards:
            truth = c["truth"]
            if c["rows"]:
                img, text, confs = c["rows"][0]
                a = (as_filled(text), min(confs) if confs and text else 0.0)
                t = time.process_time()
                got, probs = reader.read(img)
                ms.append((time.process_time() - t) * 1000)
                b = (as_filled(got), min(probs) if probs and got else 0.0)
            else:
                a = b = ("", 0.0)
            readings = {"(a) names model": a, "(b) ours": b}
            readings.update({k: f(a, b) for k, f in COMBINED.items()})
            filled = c["filled"] or ""
            kept = filled if (a[1] >= 0.9 or b[0] == filled) else ""
            for k, name in zip(engine, (filled, kept)):
                engine[k][0] += name == truth
                engine[k][1] += bool(name) and name != truth
            either = truth if truth in (a[0], b[0]) else a[0]
            readings["either right (the most any choice between the two reaches)"] = (either, 1.0)
            for k, (text, sure) in readings.items():
                table.setdefault(k, []).append((text == truth, bool(text) and text != truth, sure >= args.sure))
            if args.show and (a[0] != truth or b[0] != truth):
                print(f"  {c['k']:3d} {truth!r}: names model {a[0]!r} ({a[1]:.2f}), ours {b[0]!r} ({b[1]:.2f})")
        n = len(cards)
        print(f"\n{pk.stem}: {n} sharp found cards ({sum(bool(c['rows']) for c in cards)} with a name row read); "
              f"engine's filled name exact {engine_exact}; ours {np.median(ms):.1f} ms CPU a row (median)")
        print(f"| reader | rows exact | rows wrong | sure (>= {args.sure}) exact | sure wrong |")
        print("| --- | --- | --- | --- | --- |")
        for k, rows in table.items():
            print(f"| {k} | {sum(r[0] for r in rows)} | {sum(r[1] for r in rows)} | "
                  f"{sum(r[0] and r[2] for r in rows)} | {sum(r[1] and r[2] for r in rows)} |")
        for k, (right, wrong) in engine.items():
            print(f"{k}: exact {right}, wrong {wrong} of {n}")


if __name__ == "__main__":
    main()
