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

from .crosscheck import date_digits
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


def outvoted(frames: list[CardFields], nik: str, printed: CardFields,
             birth: tuple[int, int, int] | None) -> list[CardFields] | None:
    """The frames with `birth` (RapidOCR's reading of the sharpest crop's birth line) in place of
    every date Tesseract read, where `birth` agrees with digits 7-12 of `nik` (the NIK both
    recognisers read alike) and the date Tesseract's crops agree on (`printed`) does not; else
    None. Two recognisers reading the NIK line alike and a third reading of another line of the
    card agreeing with them outweigh one recogniser's reading of the small print."""
    if birth is None or printed.birth is None:
        return None
    if date_digits(replace(printed, birth=birth), nik) != nik[6:12]:
        return None
    if date_digits(printed, nik) == nik[6:12]:
        return None  # Tesseract's date agrees already: nothing to outvote
    return [replace(f, birth=birth) if f.birth is not None or f.crop == 0 else f for f in frames]
