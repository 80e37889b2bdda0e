"""The printed birth date read once more, by RapidOCR, where the NIK is still unconfirmed.

Digits 7-12 of a NIK are the birth date the card prints on the line "Tempat/Tgl Lahir", two
lines below the NIK. Tesseract's sheet reads that small print on the sharpest crop, and on many
soft or dim frames it reads no date there (docs/idscan.md, Run 13a: on dev the commonest reason
a NIK read right was not filled). RapidOCR reads the same line cut once more; a date it finds
there becomes that crop's printed evidence, and the NIK is checked against it as against
Tesseract's date. Nothing here fills a NIK by itself: the vote and its vetoes decide.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

import numpy as np

from .fields import CardFields, birth_from_text

LINES_BELOW_NIK = 2  # NIK, name, then the birth line


def birth_line_at(nik_line: int, count: int) -> int | None:
    """Index of the birth line among a crop's lines, the NIK line at `nik_line`."""
    at = nik_line + LINES_BELOW_NIK
    return at if 0 <= at < count else None


def read_birth(line: np.ndarray, read: Callable[[list[np.ndarray]], list[tuple[str, list[float]]]]):
    """The date `read` (a recogniser's read_lines) finds on the birth line image, or None."""
    return birth_from_text(read([line])[0][0])


def with_birth(frames: list[CardFields], birth: tuple[int, int, int]) -> list[CardFields]:
    """The frames with the sharpest crop's printed birth date set where it was unread: the crop's
    own frame and the second recogniser's copies of it, which carry its printed evidence."""
    return [replace(f, birth=birth) if f.crop == 0 and f.birth is None and (f.second_opinion or k == 0) else f
            for k, f in enumerate(frames)]
