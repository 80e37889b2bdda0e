"""A NIK digit that only the printed date supplied, where a reading of the NIK line read another.

The cross-check mends one birth digit of a NIK from the printed date where the NIK showed a
look-alike letter there (crosscheck._check_one). The mended digit is then a reading of the small
birth line, not of the NIK line. Fresh dev draw 9393, card 56 (a woman born on the 26th: digits
7-8 are 66): Tesseract's digits-only cut read the second 6 as "L", RapidOCR's names model read the
birth line "20-02-1972" (the 6 of 26 as 0) and Tesseract read no date; the date mended the "L" to 0,
and Run 17a's overrule let that same date reject RapidOCR's reading of the NIK line, sure (0.99) of
its 6. No recogniser read the filled 0 on the NIK line; the date alone put it there, against a
reading that agreed with every other digit. Such a NIK is left to the visitor (reader.MENDED_VETO,
docs/idscan.md, Run 21w): two readings of two lines disagree, and nothing on the card says which.
"""
from __future__ import annotations

from .crosscheck import DATE_DIGITS
from .fields import CardFields

# The NIK positions (0-based) a mending from the printed date can touch.
MENDED = tuple(DATE_DIGITS)


def _aligned(nik: str, frames: list[CardFields]) -> list[tuple[str, tuple[int, ...]]]:
    """Every 16-digit reading of the NIK line (a 17-character reading's options too), with the
    positions it read as look-alike letters, that agrees with `nik` outside the mendable digits:
    a reading of the same 16 places, not one shifted by a dropped or added digit."""
    out = []
    for f in frames:
        readings = ([(f.nik, f.nik_doubt)] if f.nik else []) + [(o, ()) for o in f.nik_options]
        for read, doubt in readings:
            if len(read) == 16 and all(a == b for i, (a, b) in enumerate(zip(nik, read)) if i not in MENDED):
                out.append((read, tuple(doubt)))
    return out


def mended_against_reading(nik: str | None, frames: list[CardFields]) -> bool:
    """Whether a birth digit of the filled `nik` was read by no reading of the NIK line (the date
    mended it) while a reading of that line read another digit there as a digit, not a look-alike
    letter. A NIK some reading read as it is was read, not mended: kept."""
    if not nik or len(nik) != 16:
        return False
    aligned = _aligned(nik, frames)
    if any(read == nik for read, _doubt in aligned):
        return False
    for i in MENDED:
        if any(read[i] == nik[i] for read, _doubt in aligned):
            continue  # some reading read this digit: not the date's alone
        if any(read[i] != nik[i] and i not in doubt for read, doubt in aligned):
            return True
    return False
