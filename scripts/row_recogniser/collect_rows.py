"""The name rows the engine hands the names model, collected from a generator's dev split.

Each sharp found card's frame 0, sent as the kiosk sends it (--transport kiosk --kiosk-width 1280),
is read as the benches read it (read_cards); every row the names model reads meanwhile
(rapid.read_names: the grey-stretched 48 px row) is kept with its reading and per-character scores,
in call order, beside the printed name and the name the engine filled. Dev splits only: the
held-out splits are read once, by bench/idscan.py, after the code is frozen.

    .venv/bin/python scripts/row_recogniser/collect_rows.py ours 100 OUT.pkl
"""
from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench import engine_bench  # noqa: E402
from idscan import rapid, read_cards, scan_frame  # noqa: E402
from lpsedesk.nik import regions  # noqa: E402


def dev_cases(gen: str, n: int) -> list[tuple[object, str]]:
    """(case, printed name) of the first n dev cards of a generator."""
    if gen == "ours":
        from tests.synthetic.splits import DEV, cases
        return [(c, c.person.name) for c in cases(DEV, n)]
    if gen == "stranger4":
        from tests.stranger4.splits import SPLITS, cases
    elif gen == "stranger5":
        from tests.stranger5.splits import SPLITS, cases
    else:
        raise SystemExit(f"unknown generator {gen}")
    return [(c, c.name) for c in cases(SPLITS["dev"], n)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gen")
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    args = ap.parse_args()
    engine_bench.start_engine(engine_bench.arguments({"dev": None}, cards=0, sequences=0, negatives=0)
                              .parse_args(["--split", "dev", "--transport", "kiosk", "--kiosk-width", "1280"]))
    seen: list = []
    plain = rapid.read_lines

    def logging_read_lines(lines):
        out = plain(lines)
        if getattr(rapid._FOR, "names", False):
            for img, (text, _conf) in zip(lines, out):
                got = rapid.chars_read(img)
                seen.append((img.copy(), text, got[1] if got else []))
        return out

    rapid.read_lines = logging_read_lines
    table, rows = regions(), []
    for k, (case, name) in enumerate(dev_cases(args.gen, args.n)):
        scene = case.frame(0)
        res = scan_frame(engine_bench.sent(scene.frame))
        if not (res.card and res.in_frame and scene.blur <= 1.5):
            continue
        seen.clear()
        reading = read_cards([res.crop], None, table)
        rows.append({"k": k, "truth": name, "filled": reading.name, "tags": sorted(scene.tags),
                     "ready": engine_bench.captured(res.guidance), "rows": list(seen)})
        print(k, repr(name), repr(reading.name), [t for _i, t, _c in seen], flush=True)
    args.out.write_bytes(pickle.dumps(rows))


if __name__ == "__main__":
    main()
