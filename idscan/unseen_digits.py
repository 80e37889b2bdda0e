"""The NIK's digits that nothing printed on the card checks, where only RapidOCR read them.

The printed birth date checks digits 7-12 (and the sex), the header's regency digits 1-4; the
kecamatan (5-6) and the serial (13-16) are checked by nothing but the recognisers. Where no
Tesseract reading of any crop is the filled NIK, those digits rest on RapidOCR's reading of one
crop, and a moving or glared card smears a digit into another alike for both recognisers: dev card
19 of our generator (glare, motion, small) read the serial's 9 as 0 on its sharpest crop, RapidOCR
sure of it (0.95), Tesseract's readings of that crop rejected by the card but 0 there too, the
date agreeing - a wrong NIK filled. RapidOCR read the same line right on a later crop of the run.
So RapidOCR reads the later crops' NIK lines there too, and one that reads such a digit otherwise
leaves the field to the visitor (docs/idscan.md, Run 40a).
"""
from __future__ import annotations

from .crosscheck import DATE_DIGITS
from .fields import CardFields

REGION_DIGITS = range(0, 4)


def unseen(agree: tuple[str, ...]) -> set[int]:
    """NIK positions (0-based) that none of the checks in `agree` saw."""
    seen = set(DATE_DIGITS if "date" in agree else ()) | set(REGION_DIGITS if "region" in agree else ())
    return set(range(16)) - seen


def later_crops_read_otherwise(nik: str, frames: list[CardFields], agree: tuple[str, ...]) -> bool:
    """A RapidOCR reading of a later crop's NIK line (`frames`) differs from `nik` at a digit that
    the checks in `agree` did not see. A difference the printed date or header saw is theirs to
    judge, and they judged `nik`."""
    blind = unseen(agree)
    return any(f.second_opinion and f.crop > 0 and f.nik and len(f.nik) == 16
               and any(a != b for i, (a, b) in enumerate(zip(nik, f.nik)) if i in blind)
               for f in frames)
