"""RapidOCR (rapidocr-onnxruntime, ONNX models inside the wheel): recognition only, line by line."""
from __future__ import annotations

import threading
from functools import lru_cache
from typing import Callable

import cv2
import numpy as np


@lru_cache(maxsize=1)
def _rapid() -> Callable | None:
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        return None
    # One thread: the kiosk's other core runs Tesseract at the same time (reader.py).
    return RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1)


def rapidocr_available() -> bool:
    return _rapid() is not None


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


def _recognise(lines: list[np.ndarray]) -> list[tuple[str, float, list[float], list[int]]]:
    """The recogniser's reading of each line with the word boxes: (text, line score, each
    character's score, each character's input column); a list is empty where its length is not
    the text's."""
    engine = _rapid()
    if engine is None:
        raise RuntimeError("rapidocr-onnxruntime is not installed")
    if not lines:
        return []
    res, _elapse = engine.text_rec([cv2.cvtColor(img, cv2.COLOR_GRAY2BGR) for img in lines], True)
    out = []
    for text, score, *info in res:
        confs = [float(c) for c in info[0][4]] if text and info else []
        cols = [int(c) for word in info[0][2] for c in word] if text and info else []
        out.append((text, score, confs if len(confs) == len(text) else [],
                    cols if len(cols) == len(text) else []))
    return out


def read_lines(lines: list[np.ndarray]) -> list[tuple[str, list[float]]]:
    """Whole lines, recognised in batches (the det and cls models are not needed: lines are found)."""
    out = []
    for img, (text, score, confs, cols) in zip(lines, _recognise(lines)):
        remember_chars(img, text, confs, cols)
        # One score for the whole line, on Tesseract's 0..100 scale.
        out.append((text, [100.0 * score] * max(1, len(text.split()))))
    return out


def read_chars(lines: list[np.ndarray]) -> list[tuple[str, list[float]]]:
    """Whole lines as read_lines reads them, each with the confidence (0..1) of every character:
    the recogniser's own doubt about one digit (vote._disputed) where its line score averages it
    away. Not remembered: the reading read_lines made of the same image stays the one kept."""
    return [(text, confs) for text, _score, confs, _cols in _recognise(lines)]
