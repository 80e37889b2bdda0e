"""What the engine's benches (bench/idscan.py, bench/idscan_stranger.py) share: their command line,
the engine set up as the served app runs it, the camera frame as the kiosk sends it (--transport,
bench/transport.py), CPU time, and how a figure is put in a line."""
from __future__ import annotations

import argparse
import resource
import time
from collections import defaultdict
from pathlib import Path

import cv2
import numpy as np

from idscan import blurry_wait, other_card, pick_sharpest, read_cards, scan_frame
from idscan.sequence import CAPTURABLE, look_again_run, steady_capture  # noqa: F401 (the benches' and tests' import)
from idscan.tesslib import best_dir as tesslib_best_dir, use_best_tessdata
from lpsedesk.nik import regions

from bench.transport import KIOSK_WIDTH, TRANSPORTS, transport

# What the kiosk captures: a ready frame, and one with a finger on the NIK or its NIK row smeared
# ("hold_still") once it has waited (idscan/tracker.py; Runs 14x, 15b). The finger and smear lines
# say how often it waited.
CAPTURED = CAPTURABLE
_sent = transport("raw")  # start_engine sets it from --transport and --kiosk-width


def captured(guidance: str) -> bool:
    """A frame the kiosk captures, at once or after its wait (a too blurred one too: Run 22v)."""
    return guidance in CAPTURED or blurry_wait.waits_for(guidance)


def arguments(splits, *, cards: int, sequences: int, negatives: int) -> argparse.ArgumentParser:
    """The options both benches take; a bench adds its own."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=sorted(splits), default="test")
    ap.add_argument("--cards", type=int, default=cards)
    ap.add_argument("--sequences", type=int, default=sequences)
    ap.add_argument("--frames", type=int, default=5)
    ap.add_argument("--negatives", type=int, default=negatives)
    ap.add_argument("--seed", type=int, default=None,
                    help="draw the split with this seed instead (fresh dev draws for tuning; never with --split test)")
    ap.add_argument("--engine", choices=["both", "tesseract", "rapidocr"], default=None)
    ap.add_argument("--tessdata", default=str(Path(__file__).resolve().parents[1] / "var" / "tessdata"),
                    help="folder of the second Tesseract model, as the kiosk's IDSCAN_TESSDATA ('' : none)")
    ap.add_argument("--transport", choices=TRANSPORTS, default="raw",
                    help="kiosk: each camera frame scaled and JPEG-encoded as camera.js sends it (Run 35r); "
                         "raw: the generator's array as it is")
    ap.add_argument("--kiosk-width", type=int, default=KIOSK_WIDTH,
                    help="with --transport kiosk: camera.js's MAX_WIDTH, the widest frame sent")
    return ap


def start_engine(args: argparse.Namespace) -> None:
    """The engine as the served app runs it, and which second Tesseract model it has."""
    use_best_tessdata(args.tessdata or None)
    # One OpenCV thread, as the served app runs the engine (kiosk/scan_api.py): its pool's second
    # thread only adds CPU (dev, Run 13c: the same results, ~1-2 ms less per frame).
    cv2.setNumThreads(1)
    global _sent
    _sent = transport(args.transport, args.kiosk_width)
    print(f"second Tesseract model: {tesslib_best_dir() or 'none'}")
    print("camera frames: " + (f"as the kiosk sends them (at most {args.kiosk_width} px wide, JPEG 85)"
                               if args.transport == "kiosk" else "raw (the generator's arrays)"))


def sent(frame: np.ndarray) -> np.ndarray:
    """A camera frame as the engine receives it (start_engine's --transport); an uploaded photo is
    not one (the browser sends the file as it is)."""
    return _sent(frame)


# steady_capture now lives in idscan/sequence.py (the CLI runs it too, Run 24t); its frames are timed at
# the camera loop's 5 a second (sequence.run_time, Run 45p).


def cpu_ms() -> float:
    """CPU time of this process and its finished children (Tesseract): wall time on a 2-core
    machine shared with other jobs says more about the other jobs."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return (own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime) * 1000


def pct(a: list[float], q: float) -> float:
    return float(np.percentile(a, q)) if a else float("nan")


def spread(a: list[float], rounds: int = 1000) -> str:
    """The middle 95 % of the median over resampled (bootstrap) sets of the samples: ~30 captures
    give a median that moves by tens of ms from one run to the next (docs/idscan.md, Run 13c)."""
    if len(a) < 2:
        return "-"
    rng = np.random.default_rng(0)
    meds = np.median(rng.choice(np.asarray(a), (rounds, len(a))), axis=1)
    return f"{np.percentile(meds, 2.5):.0f}-{np.percentile(meds, 97.5):.0f}"


def share(rows: list[dict], key: str, where: str | None = None) -> str:
    rows = [r for r in rows if where is None or r.get(where)]
    if not rows:
        return "-"
    hit = sum(bool(r.get(key)) for r in rows)
    return f"{100 * hit / len(rows):.0f}% ({hit}/{len(rows)})"


def by_tag(rows: list[dict]) -> defaultdict[str, list[dict]]:
    """The rows under "all" and under each of their tags, for the per-condition table."""
    groups = defaultdict(list)
    for r in rows:
        for t in ("all", *r["tags"]):
            groups[t].append(r)
    return groups


def finger_told(sharp: list[dict], which: str) -> None:
    """How often a finger is told on ready frames: a finger told where there is no thumb holds a
    visitor back for seconds, so it must stay rare."""
    thumbs = [r for r in sharp if r["ready"] and "thumb" in r["tags"]]
    clear = [r for r in sharp if r["ready"] and "thumb" not in r["tags"]]
    print(f"finger on the NIK told ({which}): thumb scenes {share(thumbs, 'finger')}; "
          f"scenes without a thumb {share(clear, 'finger')}")


def smeared_told(rows: list[dict]) -> None:
    """How often a frame otherwise ready is held back as smeared (Run 15b): on motion scenes it
    should, on the others it holds a visitor back for nothing, so it must stay rare."""
    ready = [r for r in rows if r["ready"]]
    print(f"NIK row smeared, hold still told (ready frames): motion scenes "
          f"{share([r for r in ready if 'motion' in r['tags']], 'smear')}; scenes without motion "
          f"{share([r for r in ready if 'motion' not in r['tags']], 'smear')}")


def read_frame(scene, nik: str, name: str, engine: str | None, table, index: int, uploaded: bool = False):
    """One frame as the kiosk sees it (scan_frame; an uploaded photo may be all card, as
    kiosk/scan_api.py scans it) and, when a sharp enough card is found, its crop read (read_cards):
    the row a stranger bench counts, and the scan result."""
    res = scan_frame(scene.frame if uploaded else sent(scene.frame), whole_picture=uploaded)
    row = {"tags": set(scene.tags), "blur_ok": scene.blur <= 1.5, "found": res.card and res.in_frame,
           "guidance": res.guidance, "ready": captured(res.guidance), "finger": res.guidance == "finger_on_text",
           "smear": res.guidance == "hold_still", "index": index}
    if row["found"] and row["blur_ok"]:
        reading = read_cards([res.crop], engine, table)
        row.update(read=True, nik_raw=reading.raw_nik == nik, nik_filled=reading.nik == nik,
                   wrong=reading.nik is not None and reading.nik != nik, name=reading.name == name,
                   got_nik=reading.raw_nik, got_name=reading.name, status=reading.status,
                   refused=row["ready"] and other_card.shows_other_card(reading))
    return row, res


def keep_miss(crops: Path, stem: str, scene, res, row: dict, nik: str, name: str) -> None:
    """Save a frame (and its crop) not read right, and say what the engine made of it."""
    crops.mkdir(parents=True, exist_ok=True)
    cv2.imwrite(str(crops / f"{stem}_frame.png"), scene.frame)
    if res.crop is not None:
        cv2.imwrite(str(crops / f"{stem}_crop.png"), res.crop)
    print(f"  {stem} {'/'.join(sorted(row['tags']))}: found={row['found']} "
          f"guidance={res.guidance} nik {nik} read {row.get('got_nik')} filled="
          f"{row.get('nik_filled')} status={row.get('status')} name {name!r} read {row.get('got_name')!r}", flush=True)


def steady_run(frame_at, frames: int, engine: str | None, table) -> dict:
    """One steady run as the kiosk captures it: scan_frame on its frames (steady_capture), the
    sharpest capturable crops voted by read_cards, and where that filled no NIK the look again on
    the frames after them (look_again_run; Run 24t). frame_at(i): frame i of the run (an array).
    Returns best and seen; where captured, the reading before the look (`first`, main's before Run
    24t: look_again.ON = False) and after it (`reading`), the later frames watched, and CPU ms: the
    capture's reading (`cpu_first`; wall `ms_first`: what the visitor waits, the two recognisers' threads
    overlapping on the kiosk's two cores), with the look (`cpu`: the later frames' scans, which the camera
    loop makes anyway, and the second reading; `look_cpu` alone) - wall ms likewise (`ms`)."""
    def camera(i: int) -> np.ndarray:
        return sent(frame_at(i))

    best, seen = steady_capture(camera, frames, lambda f: scan_frame(f, barcodes=False))
    run = {"best": best, "seen": seen}
    if not best:
        return run
    t, c = time.perf_counter(), cpu_ms()
    first = read_cards([r.crop for r in best], engine, table)
    run.update(first=first, cpu_first=cpu_ms() - c, ms_first=(time.perf_counter() - t) * 1000,
               refused=other_card.shows_other_card(first))
    t2, c2 = time.perf_counter(), cpu_ms()
    reading, looked = look_again_run(best, first, lambda i: scan_frame(camera(seen + i), barcodes=False),
                                     lambda crops: read_cards(crops, engine, table))
    run.update(reading=reading, looked=looked, look_cpu=cpu_ms() - c2 if looked else None,
               cpu=cpu_ms() - c, ms=(time.perf_counter() - t) * 1000)
    return run


def run_row(run: dict, tags: set, nik: str, name: str, frames: int) -> dict:
    """A steady run's row for the tables: the NIK and name after the look, and before it (first_*)."""
    row = {"tags": tags, "read": bool(run["best"]), "engine": None, "watched": run["seen"] > frames,
           "refused": run.get("refused", False),
           "fingered": any(r.guidance == "finger_on_text" for r in run["best"])}
    if run["best"]:
        reading, first = run["reading"], run["first"]
        row.update(engine=reading.engine, nik_filled=reading.nik == nik, wrong=reading.nik not in (None, nik),
                   name=reading.name == name, voters=len(run["best"]), looked=run["looked"],
                   first_right=first.nik == nik, first_wrong=first.nik not in (None, nik),
                   first_name=first.name == name)
    return row


def steady_runs(run_cases, frames: int, engine: str | None) -> tuple[list[dict], list[float]]:
    """Each case's steady run of frames read as the kiosk reads it (steady_run): rows and the OCR at
    capture CPU ms of the captured runs, the look included."""
    rows, cpu, table = [], [], regions()
    for case in run_cases:
        first = case.frame(0)
        if first.blur > 1.5:
            continue
        run = steady_run(lambda i, case=case, first=first: (first if i == 0 else case.frame(i)).frame, frames, engine, table)
        rows.append(run_row(run, set(first.tags), case.person.nik, case.name, frames))
        if run["best"]:
            cpu.append(run["cpu"])
    return rows, cpu


def unfingered_line(voted: list[dict]) -> str:
    """NIK filled right of the captured runs none of whose voted crops was told a finger: a run whose
    digits a thumb covers has nothing to fill, so a finger told where the thumb is moves such runs out
    of this line and shows what the runs without one fill (Runs 39a, 41a)."""
    told = [r for r in voted if r.get("fingered")]
    return (f"NIK filled right, captured runs whose crops were not told a finger: "
            f"{share([r for r in voted if not r.get('fingered')], 'nik_filled')} "
            f"(told a finger: {len(told)}, filled right {sum(bool(r.get('nik_filled')) for r in told)})")


def look_line(voted: list[dict]) -> str:
    """How the look again (Run 24t) changed the captured runs: main's reading is the one before it."""
    looked = [r for r in voted if r.get("looked")]
    frames = f"{pct([r['looked'] for r in looked], 50):.0f}" if looked else "-"
    return (f"look again: {len(looked)} captures looked again, {frames} later frames median; before the look "
            f"(main, look_again.ON = False) filled right {share(voted, 'first_right')}, wrong "
            f"{share(voted, 'first_wrong')}, names {share(voted, 'first_name')}")


def report_readings(rows: list[dict], seq: list[dict], seq_cpu: list[float], neg: list[dict], frames: int) -> None:
    """The single-frame, multi-frame and negative summary lines of a stranger bench."""
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
    print(f"ready frames whose reading the not-KTP rule refuses (a KTP lost): {share(read, 'refused', 'ready')}")
    if seq:
        voted = [r for r in seq if r.get("read")]
        print(f"\nmulti-frame: {len(seq)} steady runs of {frames} frames; captured (a frame ready, or too blurred "
              f"after the wait): {len(voted)}; the sharpest 3 voted; watched past {frames} frames for a 3rd: "
              f"{sum(r['watched'] for r in seq)}")
        print(f"NIK filled and right, of captured runs: {share(voted, 'nik_filled')}; of all runs: {share(seq, 'nik_filled')}")
        print(f"wrong NIK filled, of captured runs: {share(voted, 'wrong')}; name exact: {share(voted, 'name')}")
        print(unfingered_line(voted))
        print(look_line(voted))
        print(f"captured runs the not-KTP rule refuses (other_card.py, Run 29n; a KTP lost): {share(voted, 'refused')}")
        print(f"OCR at capture CPU ms (the look included): median {pct(seq_cpu, 50):.0f} (resampled 95 %: {spread(seq_cpu)})")
    if neg:
        print(f"\nnegatives: {len(neg)}; captured (handed to the visitor's form): {sum(r['ready'] for r in neg)} "
              f"(told ready or waited out: {sum(r['told_capture'] for r in neg)}, refused at capture as not a KTP: "
              f"{sum(r['refused'] for r in neg)}); "
              f"move_into_frame: {share(neg, 'move')}; any card: {share(neg, 'card')}")


def condition_table(sharp: list[dict], seq: list[dict], keys, only_in_test, skip_empty: bool = False) -> None:
    """The per-condition table: single frames (blur <= 1.5) and steady runs under each key."""
    print("\n| condition | n | found | NIK exact | NIK filled right | wrong filled | name exact | runs | vote right | vote wrong | vote name |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    groups, seq_groups = by_tag(sharp), by_tag(seq)
    for key in keys(groups, seq_groups):
        g, s = groups.get(key, []), seq_groups.get(key, [])
        if skip_empty and not g and not s:
            continue
        rd, sv = [r for r in g if r.get("read")], [r for r in s if r.get("read")]
        label = key + (" (test only)" if key in only_in_test else "")
        print(f"| {label} | {len(g)} | {share(g, 'found')} | {share(rd, 'nik_raw')} | {share(rd, 'nik_filled')} | "
              f"{share(rd, 'wrong')} | {share(rd, 'name')} | {len(s)} | {share(sv, 'nik_filled')} | {share(sv, 'wrong')} | "
              f"{share(sv, 'name')} |")


def scan_negatives(scenes) -> list[dict]:
    """Frames with no KTP: what the engine makes of each (a card, captured, "move into frame").
    "ready" is what the kiosk hands to the visitor's form: a frame it captures whose reading
    (read_cards on its crop, as at capture) shows another card is refused and told not_ktp
    (other_card.py, Run 29n); `told_capture` counts the captures before that refusal."""
    rows, table = [], regions()
    for scene in scenes:
        res = scan_frame(sent(scene.frame))
        rows.append({"kind": scene.tags[0], "card": res.card, **negative_handed(res, table),
                     "move": res.guidance == "move_into_frame"})
    return rows


def negative_handed(res, table) -> dict:
    """A negative frame's scan as the kiosk ends it: "ready" when handed to the visitor's form (a
    capture not refused at its reading as another card), "told_capture" when captured at all."""
    told = captured(res.guidance)
    refused = told and res.crop is not None and other_card.shows_other_card(read_cards([res.crop], None, table))
    return {"ready": told and not refused, "told_capture": told, "refused": refused}


def negative_kinds(neg: list[dict], kinds) -> None:
    """One line per kind of scene with no KTP: how often it was captured, told "move into frame", or
    showed a card at all."""
    for kind in kinds:
        g = [r for r in neg if r["kind"] == kind]
        if g:
            print(f"  {kind}: n {len(g)}, captured {sum(r['ready'] for r in g)}, move_into_frame "
                  f"{sum(r['move'] for r in g)}, any card {sum(bool(r['card']) for r in g)}")


def told_per_condition(rows: list[dict], conditions) -> None:
    """What the kiosk told on the sharp frames whose NIK was not filled right, per condition (the
    condition: the one of `conditions` among a row's tags)."""
    told: dict[str, dict[str, int]] = {}
    for r in rows:
        if r["blur_ok"] and not r.get("nik_filled"):
            counts = told.setdefault(next(t for t in r["tags"] if t in conditions), {})
            counts[r["guidance"]] = counts.get(r["guidance"], 0) + 1
    print("\nwhat the kiosk told on frames whose NIK was not filled right, per condition:")
    for condition, counts in told.items():
        print(f"  {condition}: " + ", ".join(f"{g} {k}" for g, k in sorted(counts.items(), key=lambda x: -x[1])))


def read_single_frames(prefix: str, frame_cases, engine: str | None, crops: Path | None,
                       uploaded=lambda case: False) -> list[dict]:
    """Each case's first frame read as read_frame does (uploaded(case): a photo sent in, not a
    camera frame); the frames not read right kept in crops."""
    rows, table = [], regions()
    for case in frame_cases:
        scene = case.frame(0)
        row, res = read_frame(scene, case.person.nik, case.name, engine, table, case.index, uploaded(case))
        if crops is not None and not (row.get("nik_filled") and row.get("name")):
            keep_miss(crops, f"{prefix}{case.index:03d}", scene, res, row, case.person.nik, case.name)
        rows.append(row)
    return rows
