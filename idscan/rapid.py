"""RapidOCR (rapidocr-onnxruntime, ONNX models inside the wheel): recognition only, line by line."""
from __future__ import annotations

import importlib.util
import threading
from functools import lru_cache
from pathlib import Path
from typing import Callable

import cv2
import numpy as np

from . import threads
from .name_hyphen import with_seen_hyphens
from .once import image_key, once


@lru_cache(maxsize=1)
def _rapid() -> Callable | None:
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        return None
    # One thread: the kiosk's other core runs Tesseract at the same time (reader.py, threads.py).
    return _own_session(RapidOCR(intra_op_num_threads=threads.ORT_THREADS, inter_op_num_threads=1))


def _own_session(engine):
    """`engine` with its recogniser's onnxruntime session built anew with the engine's thread
    settings (threads.ort_session_options): rapidocr-onnxruntime passes the thread counts but not
    the spin-waiting, and drops a count above the machine's cores. Same model, same outputs."""
    import onnxruntime as ort

    holder = getattr(getattr(engine, "text_rec", None), "session", None)
    old = getattr(holder, "session", None)
    path = getattr(old, "_model_path", None)
    if not isinstance(path, str):  # a model given as bytes, or another rapidocr layout: its own session reads
        return engine
    try:
        holder.session = ort.InferenceSession(path, sess_options=threads.ort_session_options(),
                                              providers=old.get_providers())
    except Exception:  # noqa: BLE001 - its own session (one thread too) reads as well; only spinning differs
        pass
    return engine


def rapidocr_available() -> bool:
    # Both models load here, at the first reading, not in the middle of a capture's name rows.
    return _rapid() is not None and _names_engine() is not None


# The name rows get a newer recogniser: PP-OCRv6 small (multilingual, reads word spaces), shipped
# in the `rapidocr` 3.10 wheel, which the Makefile installs with --no-deps for this one file (the
# package itself is never imported: its code needs other libraries). rapidocr-onnxruntime runs it
# with its own pre- and post-processing, the same as rapidocr 3.10's (48 px high, [-1, 1], CTC with
# the blank at 0 and the space last, the characters in the model's metadata). Dev, run 12a: name
# rows read letter for letter 339 -> 403 of 609, ~5 ms more CPU a line; on the NIK lines it read
# more NIKs right but one wrong NIK got filled on dev, so the NIK stays the older model's
# (docs/idscan.md). Without the file the name rows are read by the older model, as before.
NAME_MODEL = "PP-OCRv6_rec_small.onnx"


def name_model_path() -> Path | None:
    """The newer recogniser's model file, where the `rapidocr` wheel is installed."""
    try:
        spec = importlib.util.find_spec("rapidocr")
    except (ImportError, ValueError):
        return None
    for root in (spec.submodule_search_locations or []) if spec else []:
        path = Path(root) / "models" / NAME_MODEL
        if path.is_file():
            return path
    return None


@lru_cache(maxsize=1)
def _names_engine() -> Callable | None:
    path = name_model_path()
    if path is None:
        return _rapid()
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        return None
    try:
        engine = _own_session(RapidOCR(intra_op_num_threads=threads.ORT_THREADS, inter_op_num_threads=1,
                                       rec_model_path=str(path)))
    except Exception:  # a damaged or foreign file: the older model reads the names, as before
        return _rapid()
    decode = engine.text_rec.postprocess_op
    chars = getattr(decode, "character", ())
    if "'" in chars:
        engine.text_rec.postprocess_op = _KeepMarkOdds(decode, chars.index("'"),
                                                       chars.index("-") if "-" in chars else None)
    return engine


# An apostrophe the newer model saw but did not write. On a soft row the model reads JUM'AT as
# "JUMAT" or MA'RUF as "MA RUF": the mark is too faint to win its column, but the model still
# gives it some probability there, where between two letters without one it gives it next to
# none (dev, run 15c: see docs/idscan.md). Where the apostrophe's probability between two
# letters the model wrote (or a space between them) reaches MARK_SEEN, the apostrophe is put
# there. False: measurements.
SEEN_MARKS = True
MARK_SEEN = 0.01
# ... and a fainter one where it stands apart: on a soft or small row the apostrophe's probability
# at its place can stay at 0.003-0.006 (BE'NIR, POT'BAK, NUR'AINI read "BENIR", "POTBAK", "NUR
# AINI" and filled so), while a name without one has faint odds scattered over many gaps (Run 15c:
# 7 of 743 gaps >= 0.003). Where no place reached MARK_SEEN, the one place whose odds reach
# MARK_FAINT and MARK_APART times every other gap's is taken as the apostrophe (docs/idscan.md,
# Run 44n). False: measurements.
FAINT_MARK = True
MARK_FAINT = 0.0025
MARK_APART = 5.0


class _KeepMarkOdds:
    """The names model's CTC decoder, which also gives each reading the apostrophe's highest
    probability between each two characters it wrote, and the hyphen's where `hyphen` is given
    (name_hyphen.py): the same inference, no second call."""

    def __init__(self, decode: Callable, mark: int, hyphen: int | None = None) -> None:
        self.decode, self.mark, self.hyphen, self.character = decode, mark, hyphen, decode.character

    def __call__(self, preds: np.ndarray, return_word_box: bool = False, **kwargs) -> list:
        out = self.decode(preds, return_word_box, **kwargs)
        best = preds.argmax(axis=2)
        marks = (self.mark,) if self.hyphen is None else (self.mark, self.hyphen)
        return [(*res, *(_mark_odds(best[i], preds[i, :, m]) for m in marks)) for i, res in enumerate(out)]


def _mark_odds(best: np.ndarray, mark: np.ndarray) -> list[float]:
    """Between each two characters greedy CTC writes from `best` (blank 0, a repeat merged),
    the highest probability `mark` gives the apostrophe from the first one's step to the next's."""
    steps = [t for t in range(len(best)) if best[t] != 0 and (t == 0 or best[t] != best[t - 1])]
    return [float(mark[a:b + 1].max()) for a, b in zip(steps, steps[1:])]


def with_seen_marks(text: str, confs: list[float], cols: list[int], odds: list[float]) -> tuple[str, list[float], list[int]]:
    """`text` with an apostrophe where the model gave it MARK_SEEN or more between two letters
    (in place of a space between them, or inserted); the scores and columns kept aligned."""
    if not (SEEN_MARKS and odds and len(odds) == len(text) - 1 and len(confs) == len(text)):
        return text, confs, cols
    if FAINT_MARK and "'" not in text and max(odds) < MARK_SEEN:
        odds = _faint_mark(text, odds)
    chars, scores, where = list(text), list(confs), list(cols) if len(cols) == len(text) else []
    i = len(text) - 2
    while i >= 0:  # from the end, so that the earlier places stay where they are
        a, b = text[i], text[i + 1]
        if a.isalpha() and b.isalpha() and odds[i] >= MARK_SEEN:
            chars.insert(i + 1, "'")
            scores.insert(i + 1, odds[i])
            if where:
                where.insert(i + 1, where[i])
        elif (b == " " and i + 2 < len(text) and a.isalpha() and text[i + 2].isalpha()
              and max(odds[i], odds[i + 1]) >= MARK_SEEN):
            chars[i + 1] = "'"
            scores[i + 1] = max(odds[i], odds[i + 1])
        i -= 1
    return "".join(chars), scores, where


def _faint_mark(text: str, odds: list[float]) -> list[float]:
    """`odds` with the one place where the apostrophe's faint probability stands apart raised to
    MARK_SEEN (with_seen_marks then puts it there); else as they are. A place is a gap between two
    letters, or a space between two letters (its two gaps, which share the space's steps)."""
    places = []  # (odds, gaps): where with_seen_marks could put an apostrophe
    for i in range(len(text) - 1):
        if text[i].isalpha() and text[i + 1].isalpha():
            places.append((odds[i], (i,)))
        elif text[i + 1] == " " and text[i].isalpha() and i + 2 < len(text) and text[i + 2].isalpha():
            places.append((max(odds[i], odds[i + 1]), (i, i + 1)))
    if not places:
        return odds
    best, gaps = max(places)
    rest = [o for i, o in enumerate(odds) if i not in gaps]
    if best < MARK_FAINT or best < MARK_APART * max(rest, default=0.0):
        return odds  # faint everywhere, or as faint elsewhere: no mark told apart
    return [MARK_SEEN if i in gaps else o for i, o in enumerate(odds)]


# What read_lines saw of its last readings, by image (the same object), at no extra cost: the
# score of every character (the last-digit check, last_digit.py, takes them from the reading
# already made instead of running the recogniser on the NIK line again, ~40 ms of CPU) and the
# input column (4 px each at 48 px height) where the model placed each character
# (name_pick.join_tight asks how far apart two letters of a name stood).
# Kept by id with the image itself (an id is not reused while the image lives); a kiosk may read
# captures in several threads.
_READ: dict[int, tuple[np.ndarray, str, list[float], list[int]]] = {}
_READ_KEPT = 256  # ~8 lines a capture, ~13 KB a line: room for many captures read at once
_READ_LOCK = threading.Lock()


def remember_chars(img: np.ndarray, text: str, confs: list[float], cols: list[int] | None = None) -> None:
    with _READ_LOCK:
        while len(_READ) >= _READ_KEPT:
            _READ.pop(next(iter(_READ)))
        _READ[id(img)] = (img, text, confs, cols or [])


def chars_read(img: np.ndarray) -> tuple[str, list[float]] | None:
    """(text, per-character scores) of `img` if read_lines read this very image, else None."""
    with _READ_LOCK:
        got = _READ.get(id(img))
    return (got[1], got[2]) if got is not None and got[0] is img else None


def columns() -> dict[str, list[int]]:
    """The columns of each character of the last readings (read_lines), by the text read."""
    with _READ_LOCK:
        return {text: cols for _img, text, _confs, cols in _READ.values() if cols}


def _recognise(lines: list[np.ndarray], engine: Callable | None = None) -> list[tuple[str, float, list[float], list[int]]]:
    """The recogniser's reading of each line with the word boxes: (text, line score, each
    character's score, each character's input column); a list is empty where its length is not
    the text's."""
    engine = engine or _rapid()
    if engine is None:
        raise RuntimeError("rapidocr-onnxruntime is not installed")
    if not lines:
        return []
    # The same lines read by the same model before in this capture: that reading (once.py). The
    # batch is the key, not each line: a batch's lines are padded to its widest.
    got = once(lambda: image_key(lines, "rapidocr", id(engine)), lambda: _recognised(lines, engine))
    return [(text, score, list(confs), list(cols)) for text, score, confs, cols in got]


def _recognised(lines: list[np.ndarray], engine: Callable) -> list[tuple[str, float, list[float], list[int]]]:
    res, _elapse = engine.text_rec([cv2.cvtColor(img, cv2.COLOR_GRAY2BGR) for img in lines], True)
    out = []
    for img, (text, score, *info) in zip(lines, res):
        confs = [float(c) for c in info[0][4]] if text and info else []
        cols = [int(c) for word in info[0][2] for c in word] if text and info else []
        confs, cols = confs if len(confs) == len(text) else [], cols if len(cols) == len(text) else []
        if len(info) > 2:  # the hyphen's odds (_KeepMarkOdds): a space in place, lengths kept
            text = with_seen_hyphens(img, text, cols, info[2])
        if len(info) > 1:  # the names model's decoder (_KeepMarkOdds)
            text, confs, cols = with_seen_marks(text, confs, cols, info[1])
        out.append((text, score, confs, cols))
    return out


def read_lines(lines: list[np.ndarray]) -> list[tuple[str, list[float]]]:
    """Whole lines, recognised in batches (the det and cls models are not needed: lines are found)."""
    out = []
    engine = _names_engine() if getattr(_FOR, "names", False) else None
    for img, (text, score, confs, cols) in zip(lines, _recognise(lines, engine)):
        remember_chars(img, text, confs, cols)
        # One score for the whole line, on Tesseract's 0..100 scale.
        out.append((text, [100.0 * score] * max(1, len(text.split()))))
    return out


# Set while read_names reads: read_lines (or a test's stand-in for it) reads the name rows.
_FOR = threading.local()


# The rows read_names reads (the name rows, the birth line) are handed to the recogniser with their
# grey scale stretched: the row's darkest 1 % to black, its 90th percentile (the paper between the
# letters) to white. A dim, soft or small card's row spans a narrow band of greys, in which the
# thin strokes (an I between two letters) are lost; the gentle grey it is cut from (lines.
# clean_grays) is scaled for the whole card, not for this row. Dev, run 14t: see docs/idscan.md.
# False: measurements.
NAME_STRETCH = True
STRETCH = (1, 90)  # percentiles of the row's greys taken to black and to white
STRETCH_MIN = 10  # grey levels: a row flatter than this (no ink) is left as it is


def stretched(img: np.ndarray) -> np.ndarray:
    """`img` (a grey row) with its greys from the STRETCH percentiles spread to 0..255."""
    lo, hi = np.percentile(img, STRETCH)
    if hi - lo < STRETCH_MIN:
        return img
    return np.clip((img.astype(np.float32) - lo) / (hi - lo) * 255.0, 0, 255).astype(np.uint8)


# The names model's readings (text, per-character scores) made in this thread while a capture is
# read (names_log): reader.read_cards judges its voted name by them (name_sure.py).
_LOG = threading.local()


class names_log:
    """with names_log() as readings: every read_names reading made in this thread meanwhile."""

    def __enter__(self) -> list[tuple[str, list[float] | None]]:
        self.outer = getattr(_LOG, "readings", None)
        _LOG.readings = []
        return _LOG.readings

    def __exit__(self, *exc) -> None:
        _LOG.readings = self.outer


def logged_names() -> list[tuple[str, list[float] | None]]:
    """The names model's readings made so far in this thread's names_log (a copy; [] outside one)."""
    return list(getattr(_LOG, "readings", None) or [])


def read_names(lines: list[np.ndarray]) -> list[tuple[str, list[float]]]:
    """Name rows, as read_lines reads lines, by the newer recogniser where it is installed."""
    shown = [stretched(img) for img in lines] if NAME_STRETCH else lines
    _FOR.names = True
    try:
        out = read_lines(shown)
    finally:
        _FOR.names = False
    for img, copy in zip(lines, shown):
        with _READ_LOCK:
            got = _READ.get(id(copy))
        if copy is not img and got is not None and got[0] is copy:
            # Remembered by the row given, not by its stretched copy: reader._recut_names asks
            # whether this very row was read already (chars_read) instead of reading it again.
            remember_chars(img, got[1], got[2], got[3])
    out = [_without_label(img, text, conf) for img, (text, conf) in zip(lines, out)]
    log = getattr(_LOG, "readings", None)
    if log is not None:
        for img, (text, _conf) in zip(lines, out):
            got = chars_read(img)
            log.append((text, got[1] if got is not None and got[0] == text else None))
    return out


def _without_label(img: np.ndarray, text: str, conf: list[float]) -> tuple[str, list[float]]:
    """A name row's reading without the "Nama" label read glued to it in small letters
    (name_vote.drop_label); what read_lines remembered of it is cut alike."""
    from .name_vote import drop_label

    kept = drop_label(text)
    if kept == text:
        return text, conf
    cut = len(text) - len(kept)
    got = chars_read(img)
    if got is not None:
        with _READ_LOCK:
            cols = _READ[id(img)][3] if id(img) in _READ else []
        remember_chars(img, kept, got[1][cut:], cols[cut:])
    return kept, conf


def read_chars(lines: list[np.ndarray]) -> list[tuple[str, list[float]]]:
    """Whole lines as read_lines reads them, each with the confidence (0..1) of every character:
    the recogniser's own doubt about one digit (vote._disputed) where its line score averages it
    away. Not remembered: the reading read_lines made of the same image stays the one kept."""
    return [(text, confs) for text, _score, confs, _cols in _recognise(lines)]
