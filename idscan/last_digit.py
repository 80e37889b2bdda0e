"""The NIK's last digit: the one digit that nothing on the card checks and that the card's photo
box or a thumb on the card's edge can half hide.

Digits 1-4 are checked against the header, 7-12 against the printed birth date and sex; the
serial (13-16) only against the recognisers themselves. A half-hidden last glyph (a field offset
that slides the NIK under the photo box, a thumb) is read as some digit by both recognisers
alike: on dev (cards of the dev split in OCR-A under low light, the font whose NIK runs widest)
all four wrong fills were such a last digit (8 read 4, 5 read 1, 3 read 7 twice), with the
printed date and the header agreeing. RapidOCR doubted that digit every time: its per-character
score was 0.43-0.66, or it read the 15 digits before it and no digit there; on right fills the
last digit scored 0.76-1.00, except two (0.50, 0.53) that were half hidden too and read right
by luck.
"""
from __future__ import annotations

from .fields import _DIGIT_FIX

# Below this per-character score (0..1) RapidOCR's reading of the last digit is in doubt
# (vote.DOUBT, the same recogniser's doubt measured on the digits Tesseract disputed).
LAST_DOUBT = 0.7


def last_digit_unsure(nik: str, text: str, confs: list[float] | None) -> bool:
    """Whether RapidOCR's reading of the NIK line (`text`, with `confs` per character) shows the
    first 15 digits of `nik` followed by a digit it doubted, by a mark that is no digit, or by
    nothing. A reading of other digits says nothing here (the vote and the checks weigh it)."""
    if not nik or len(nik) != 16 or not text or confs is None or len(confs) != len(text):
        return False
    kept = [(ch.translate(_DIGIT_FIX), c) for ch, c in zip(text, confs) if not ch.isspace()]
    digits = "".join(ch for ch, _c in kept)
    at = digits.find(nik[:15])
    if at < 0:
        return False
    if at + 15 >= len(kept):
        return True  # the last digit not read at all
    ch, c = kept[at + 15]
    return not ch.isdigit() or c < LAST_DOUBT


def sheet_marks_last(nik: str, text: str | None, *, end: bool = False) -> bool:
    """Whether Tesseract's reading of the NIK line (`text`, its sheet's line) shows the first 15
    digits of `nik` followed by a small mark (">" or "." for a glyph a thumb half hides), or
    (end=True) by nothing. A letter or a tall mark (a bracket, a slash) is a whole glyph misread:
    dev, an OCR-A 4 read Y, an OCR-A 1 read ")", both right fills. RapidOCR may read a sure 7 there and
    Tesseract's digits-only cuts, which must put a digit, agree with it: on a fresh dev draw that
    filled a 3 read as 7 under a thumb (docs/idscan.md, Runs 18a and 19r)."""
    if not nik or len(nik) != 16 or not text:
        return False
    kept = "".join(ch.translate(_DIGIT_FIX) for ch in text if not ch.isspace())
    at = kept.find(nik[:15])
    if at < 0:
        return False
    if at + 15 >= len(kept):
        return end
    return not kept[at + 15].isalnum() and kept[at + 15] not in _TALL


_TALL = "()[]{}/\\"  # marks as tall as a digit: Tesseract's reading of a whole glyph


def letter_only_last(nik: str, readings: list[tuple[str | None, tuple[int, ...]]]) -> bool:
    """Whether `nik` ends in 1 and Tesseract's readings of it (`readings`: each reading's NIK and
    the positions it read as a look-alike letter, fields.nik_with_doubt) all read that 1 as a
    letter ("I", "l", "L", "|"), none as a digit. The photo box's edge that cuts the last glyph
    leaves its left stem, which Tesseract reads as such a letter and RapidOCR as a sure 1: the
    letter's mapping to 1, not Tesseract, then agrees with RapidOCR (fresh dev 3434, still run 4:
    an OCR-A 6 read "l" and "I", filled as 1; docs/idscan.md, Run 31w). Other letters (a 7 read
    T, an 8 read B) are whole glyphs misread, as sheet_marks_last takes them."""
    own = [doubt for read, doubt in readings if read == nik]
    return nik[15:] == "1" and bool(own) and all(15 in doubt for doubt in own)
