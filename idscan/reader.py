"""Read NIK and name from one or several straightened crops of the same card.

Per crop: clean and deskew the card, find its text lines (lines.py). The first lines of every crop
go into one sheet and one OCR call; each crop's lines are then named by content (fields.py),
checked against the card (crosscheck.py) and the crops are voted (vote.py).
"""
from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from typing import Mapping

import cv2
import numpy as np

from . import tesseract
from .crosscheck import Check, check_nik
from .fields import CardFields, identify
from .lines import clean_gray, find_lines, ink_mask, line_image, rotate, skew_angle
from .vote import vote

LINES_PER_CARD = 7  # header (2), NIK, name, birth, sex, and one spare for a split header


@dataclass
class CardReading:
    nik: str | None  # filled only when confident and cross-checked
    name: str | None
    status: str  # the NIK check: accepted, corrected, unconfirmed, rejected
    read_from_card: list[str]
    frames: list[CardFields] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    engine: str = "tesseract"
    rotated: bool = False
    ms: float = 0.0

    @property
    def raw_nik(self) -> str | None:
        """The most common 16-digit reading, filled or not (for measurements)."""
        read = [f.nik for f in self.frames if f.nik]
        return max(set(read), key=read.count) if read else None


def card_lines(crop: np.ndarray) -> list[tuple[np.ndarray, bool]]:
    """Line images of the card's top lines, each with whether it still shows its label."""
    clean = clean_gray(crop)
    clean = rotate(clean, skew_angle(ink_mask(clean)))
    return [(line_image(clean, line), line.value_x0 is None) for line in find_lines(clean, LINES_PER_CARD)]


def _read_sets(crops: list[np.ndarray], engine: str) -> list[list[tuple[str, list[float], bool]]]:
    per_card = [card_lines(c) for c in crops]
    flat = [img for lines in per_card for img, _labelled in lines]
    if engine == "rapidocr":
        from .rapid import read_lines as rapid_lines
        texts = rapid_lines(flat)
    else:
        texts = tesseract.read_lines(flat)
    out, i = [], 0
    for lines in per_card:
        out.append([(text, conf, labelled) for (text, conf), (_img, labelled) in zip(texts[i:i + len(lines)], lines)])
        i += len(lines)
    return out


def _identify(lines: list[tuple[str, list[float], bool]]) -> CardFields:
    return identify([t for t, _c, _l in lines], [c for _t, c, _l in lines], [lab for _t, _c, lab in lines])


def available_engines() -> list[str]:
    from .rapid import rapidocr_available

    found = ["tesseract"] if tesseract.tesseract_path() else []
    if rapidocr_available():
        found.append("rapidocr")
    return found


def read_cards(crops: list[np.ndarray], engine: str | None = None, regions: Mapping[str, str] | None = None, *,
               try_rotated: bool = True, today: dt.date | None = None) -> CardReading:
    """Read crops of one card (sharpest first is best; 1-5 of them) and vote."""
    t0 = time.perf_counter()
    engines = [engine] if engine else available_engines()
    if not engines:
        raise RuntimeError("no OCR engine: install tesseract-ocr or rapidocr-onnxruntime")
    engine = engines[0]
    sets = _read_sets(crops, engine)
    frames = [_identify(lines) for lines in sets]
    rotated = False
    if try_rotated and not any(f.nik or f.nik_options for f in frames):
        # No NIK line anywhere: the card may lie upside down (orientation cues fooled).
        turned = [cv2.rotate(c, cv2.ROTATE_180) for c in crops]
        turned_frames = [_identify(lines) for lines in _read_sets(turned, engine)]
        if any(f.nik or f.nik_options for f in turned_frames):
            frames, rotated = turned_frames, True
    checks = [check_nik(f, regions, today) for f in frames]
    nik, name, check = vote(frames, checks, regions, today)
    fields = [k for k, v in (("nik", nik), ("name", name)) if v]
    return CardReading(nik, name, check.status, fields, frames, checks, engine, rotated,
                       (time.perf_counter() - t0) * 1000)


def read_card(crop: np.ndarray, engine: str | None = None, regions: Mapping[str, str] | None = None, *,
              try_rotated: bool = True) -> CardReading:
    return read_cards([crop], engine, regions, try_rotated=try_rotated)
