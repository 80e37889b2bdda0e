"""Recognisers replaced by what they would read on each line: crop k's line j is an image marked
k * 10 + j, and a fake recogniser reads the text `read(k, j)` gives for it."""
from __future__ import annotations

import datetime as dt
from typing import Callable

import numpy as np

from idscan.reader import NAME_HEIGHT, read_cards


def marked_lines(crop: np.ndarray) -> list[tuple[np.ndarray, bool, np.ndarray]]:
    """reader.card_lines for a crop marked k (its first pixel): 7 lines marked k * 10 + j."""
    k = int(crop[0, 0, 0])
    return [(np.full((20, 60), k * 10 + j, np.uint8), False, np.full((NAME_HEIGHT, 90), k * 10 + j, np.uint8))
            for j in range(7)]


def recogniser(read: Callable[[int, int], str], per_word: bool = True):
    """A read_lines that reads read(k, j) on line j of crop k, 90 % sure of each word (per_word,
    as Tesseract reports) or of the line (as RapidOCR does)."""
    def read_lines(images, whitelist=None):
        out = []
        for img in images:
            text = read(*divmod(int(img[0, 0]), 10))
            out.append((text, [90.0] * len(text.split()) if per_word else [90.0]))
        return out
    return read_lines


def install(monkeypatch, tesseract_lines: Callable, rapid_lines: Callable) -> None:
    """Crops cut into marked lines (marked_lines), read by these fake recognisers; no second model."""
    import idscan.rapid
    import idscan.reader
    import idscan.tesseract

    monkeypatch.setattr(idscan.reader, "card_lines", marked_lines)
    monkeypatch.setattr(idscan.tesseract, "read_lines", tesseract_lines)
    monkeypatch.setattr(idscan.tesseract, "best_model", lambda: False)
    monkeypatch.setattr(idscan.rapid, "read_lines", rapid_lines)


def read_marked(n: int, regions: dict[str, str], today: dt.date = dt.date(2026, 1, 1)):
    """read_cards on n crops marked 0 .. n-1, the way every fake-recogniser test reads its card."""
    crops = [np.full((2, 2, 3), k, np.uint8) for k in range(n)]
    return read_cards(crops, "both", regions, today=today)
