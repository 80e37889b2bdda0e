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
from .lines import TEXT_SPAN, TextLine, line_image
from .fields import CardFields, birth_from_text

LINES_BELOW_NIK = 2  # NIK, name, then the birth line


def birth_line_at(nik_line: int, count: int) -> int | None:
    """Index of the birth line among a crop's lines, the NIK line at `nik_line`."""
    at = nik_line + LINES_BELOW_NIK
    return at if 0 <= at < count else None


# A date whose separators RapidOCR read as colons ("SEMARANG, 30:11:1974"): on the birth line
# nothing else has two digits, a separator, two digits, a separator and four digits.
LOOSE_DATE = True  # False: measurements (only "-" and "." separate)


def date_on_line(text: str) -> tuple[int, int, int] | None:
    """The printed birth date in a reading of the birth line, or None."""
    found = birth_from_text(text)
    if found is None and LOOSE_DATE:
        found = birth_from_text(text.replace(":", "-").replace(";", "-"))
    return found


def read_birth(line: np.ndarray, read: Callable[[list[np.ndarray]], list[tuple[str, list[float]]]],
               loose: bool = False):
    """The date `read` (a recogniser's read_lines) finds on the birth line image, or None;
    `loose`: colons read as separators too (date_on_line)."""
    text = read([line])[0][0]
    return date_on_line(text) if loose else birth_from_text(text)


WIDE_CUT = True  # False: measurements (the row's own extent)


def wide_cut(cut, height: int) -> np.ndarray | None:
    """The birth line for RapidOCR, cut to the end of the text columns (lines.TEXT_SPAN) where its
    row's ink stopped short of them, else None: the date is the row's last word, and a glare band
    or faint print can end the row's extent before it (dev: "TANJUNG JABUN", the date cut off)."""
    source, gentle = getattr(cut, "source", None), getattr(cut, "gentle", None)
    if not WIDE_CUT or source is None or gentle is None:
        return None
    line = source[1]
    end = int(gentle.shape[1] * TEXT_SPAN)
    if line.x1 >= end:
        return None
    return line_image(gentle, TextLine(line.y0, line.y1, line.x0, end, line.value_x0), height=height)


TESSERACT_HEIGHT = 48  # px: fresh dev 5151, card 41's date read at 48 px, not at 32, 64, 80 or 96


def tesseract_date_of_row(cut) -> tuple[int, int, int] | None:
    """The date Tesseract reads on a birth row (reader.card_lines' cut) cut anew from the clean
    card at TESSERACT_HEIGHT and to the end of the text columns, or None."""
    from . import tesseract

    source = getattr(cut, "source", None)
    if source is None:
        return None
    img, line = source
    wide = TextLine(line.y0, line.y1, line.x0, max(line.x1, int(img.shape[1] * TEXT_SPAN)), line.value_x0)
    return date_on_line(tesseract.read_lines([line_image(img, wide, height=TESSERACT_HEIGHT)])[0][0])


def date_of_row(cut, read: Callable, height: int) -> tuple[int, int, int] | None:
    """The date RapidOCR (`read`) reads on a birth row (reader.card_lines' cut): on its own cut,
    then, where that reads none, on the cut to the end of the text columns (wide_cut)."""
    found = read_birth(cut[2], read, loose=True)
    if found is None:
        wide = wide_cut(cut, height)
        if wide is not None:
            found = read_birth(wide, read, loose=True)
    return found


def crop_dates(dates: list[tuple[int, int, int] | None], least: int) -> tuple[int, int, int] | None:
    """The date RapidOCR read on the birth lines of at least `least` crops alike (`dates`: one per
    crop, None where it read none), where no crop read another date; else None."""
    read = [d for d in dates if d is not None]
    if not read or len(set(read)) > 1 or len(read) < least:
        return None
    return read[0]


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
