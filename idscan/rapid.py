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


# The per-character scores of the lines read_lines read last, by image (the same object): the
# last-digit check (last_digit.py) takes them from the reading already made instead of running
# the recogniser on the NIK line again (~40 ms of CPU).
# Kept by id with the image itself (an id is not reused while the image lives); a kiosk may read
# captures in several threads.
_CHARS: dict[int, tuple[np.ndarray, str, list[float]]] = {}
_CHARS_KEPT = 256  # ~8 lines a capture, ~13 KB a line: room for many captures read at once
_CHARS_LOCK = threading.Lock()


def remember_chars(img: np.ndarray, text: str, confs: list[float]) -> None:
    with _CHARS_LOCK:
        while len(_CHARS) >= _CHARS_KEPT:
            _CHARS.pop(next(iter(_CHARS)))
        _CHARS[id(img)] = (img, text, confs)


def chars_read(img: np.ndarray) -> tuple[str, list[float]] | None:
    """(text, per-character scores) of `img` if read_lines read this very image, else None."""
    with _CHARS_LOCK:
        got = _CHARS.get(id(img))
    return (got[1], got[2]) if got is not None and got[0] is img else None


def read_lines(lines: list[np.ndarray]) -> list[tuple[str, list[float]]]:
    """Whole lines, recognised in batches (the det and cls models are not needed: lines are found)."""
    engine = _rapid()
    if engine is None:
        raise RuntimeError("rapidocr-onnxruntime is not installed")
    if not lines:
        return []
    # With the word boxes: the same recognition, and the score of every character besides.
    res, _elapse = engine.text_rec([cv2.cvtColor(img, cv2.COLOR_GRAY2BGR) for img in lines], True)
    out = []
    for img, (text, score, *info) in zip(lines, res):
        confs = [float(c) for c in info[0][4]] if text and info else []
        remember_chars(img, text, confs if len(confs) == len(text) else [])
        # One score for the whole line, on Tesseract's 0..100 scale.
        out.append((text, [100.0 * score] * max(1, len(text.split()))))
    return out


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
