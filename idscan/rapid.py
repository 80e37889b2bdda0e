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


# The input column (4 px each at 48 px height) at which the model placed each character of its
# last readings, by the text read: name_pick.join_tight asks how far apart two letters of a name
# stood. A few dozen readings: those of one capture are looked up while it is read.
_COLUMNS: dict[str, list[int]] = {}
_KEEP = 64
_COLUMNS_LOCK = threading.Lock()  # kiosks' captures may be read in several threads at once


def read_lines(lines: list[np.ndarray]) -> list[tuple[str, list[float]]]:
    """Whole lines, recognised in batches (the det and cls models are not needed: lines are found)."""
    engine = _rapid()
    if engine is None:
        raise RuntimeError("rapidocr-onnxruntime is not installed")
    if not lines:
        return []
    res, _elapse = engine.text_rec([cv2.cvtColor(img, cv2.COLOR_GRAY2BGR) for img in lines], True)
    for text, _score, info in res:
        cols = [int(c) for word in info[2] for c in word] if text else []
        if len(cols) == len(text):
            with _COLUMNS_LOCK:
                if len(_COLUMNS) >= _KEEP:
                    _COLUMNS.pop(next(iter(_COLUMNS)))
                _COLUMNS[text] = cols
    # One score for the whole line, on Tesseract's 0..100 scale.
    return [(text, [100.0 * score] * max(1, len(text.split()))) for text, score, _info in res]


def columns() -> dict[str, list[int]]:
    """The columns of each character of the last readings (read_lines), by the text read."""
    with _COLUMNS_LOCK:
        return dict(_COLUMNS)


def read_chars(lines: list[np.ndarray]) -> list[tuple[str, list[float]]]:
    """Whole lines as read_lines reads them, each with the confidence (0..1) of every character:
    the recogniser's own doubt about one digit (vote._disputed) where its line score averages it
    away."""
    engine = _rapid()
    if engine is None:
        raise RuntimeError("rapidocr-onnxruntime is not installed")
    if not lines:
        return []
    res, _elapse = engine.text_rec([cv2.cvtColor(img, cv2.COLOR_GRAY2BGR) for img in lines], True)
    out = []
    for text, _score, info in res:
        confs = [float(c) for c in info[4]] if text else []
        out.append((text, confs if len(confs) == len(text) else []))
    return out
