"""A NIK whose disputed birth digits only the recogniser that read it confirms.

Digits 7-12 of a NIK are the birth date the card prints two lines below it, so the printed date
is the check that settles a dispute at those digits. But where Tesseract reads no date (or another
one), the date that confirms RapidOCR's NIK is RapidOCR's own reading of the birth line, and one
recogniser can misread a digit alike on both lines: fresh dev draw 8484, card 7 (rotated, a thumb),
the month's 8 read 6 in the NIK and in the date (11-06-1964), while Tesseract's second model read
the NIK with the right 08 and the vote let that date reject it (Run 17a's overrule). Where the
other recogniser's NIK readings differ from the filled NIK only at the date's digits, a date that
no Tesseract reading supports settles nothing where RapidOCR itself doubted a birth digit of its
NIK (date_doubt.birth_digit_doubted; reader.OWN_DATE_VETO): the NIK is left to the visitor unless
Tesseract read the same NIK or a date that agrees with it (docs/idscan.md, Run 20v). Sure of every
birth digit, RapidOCR keeps its fill (fresh dev 5151, card 29: Tesseract's year digit an "L").
"""
from __future__ import annotations

from .crosscheck import DATE_DIGITS, date_digits
from .fields import CardFields


def differs_at_date_only(nik: str, other: str) -> bool:
    """Whether `other` differs from `nik` at some digit, and only at digits 7-12."""
    apart = [i for i, (a, b) in enumerate(zip(nik, other)) if a != b]
    return len(nik) == len(other) and bool(apart) and all(i in DATE_DIGITS for i in apart)


def settles_nothing(nik: str, tesseract_niks: list[str], printed: CardFields) -> bool:
    """Whether the filled `nik` (confirmed by a date) rests on RapidOCR's date alone against a
    Tesseract reading that differs from it only at the date's digits. `tesseract_niks`: every NIK
    Tesseract read on the capture's NIK lines (sheet, fused, digits-only, second model; a
    17-character reading's options too); `printed`: Tesseract's own reading of the card (its
    date, None where it read none, and the sex)."""
    if nik in tesseract_niks:
        return False  # the other recogniser read this NIK: independent
    if date_digits(printed, nik) == nik[6:12]:
        return False  # the other recogniser's date agrees: independent
    return any(differs_at_date_only(nik, other) for other in tesseract_niks)


def tesseract_niks(frames: list[CardFields]) -> list[str]:
    """The NIKs Tesseract read (frames that are not RapidOCR's second opinion)."""
    out: list[str] = []
    for f in frames:
        if not f.second_opinion:
            out += ([f.nik] if f.nik else []) + list(f.nik_options)
    return out

