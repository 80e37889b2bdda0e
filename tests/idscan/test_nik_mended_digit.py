"""A NIK digit that only the printed birth date supplied (issue 10: "a wrong NIK that passes
validation and would be filled <= 0.5 %"; "use the agreement to accept a reading, to correct a
single ambiguous digit, or to reject it"; "a wrong NIK filled in silently is worse than an empty
field").

Digits 7-12 of a NIK are the birth date printed two lines below it, day + 40 for a woman: a woman
born 26-02-1972 has ...660272... ("LANGKAT, 26-02-1972"). The date may correct one ambiguous digit
of the NIK (a look-alike letter read where a digit is). But the small print is read as fallibly as
the NIK: where the birth line is misread (26 as 20), the "corrected" digit is the misread one, and
no reading of the NIK line ever saw it. Where a reading of the NIK line read another digit there, as
a digit, the NIK is left to the visitor; a correction nothing on the NIK line disputes is still made.

The recognisers are replaced by what they would read on each line (tests/idscan/ocr_fakes.py)."""
from __future__ import annotations

import pytest

import idscan.reader
from idscan.fields import CardFields
from idscan.mended_digit import mended_against_reading

from .ocr_fakes import install_nik_and_birth, read_marked

REGIONS = {"12": "Sumatera Utara", "1205": "Kabupaten Langkat", "120510": "Hinai"}
NIK = "1205106602722898"  # Langkat, a woman born 26-02-1972 (day + 40 = 66)
MENDED = "1205106002722898"  # ... the day's 6 taken from a birth line misread 20-02-1972
LETTER = "1205106L02722898"  # the NIK line with a look-alike letter at the day's second digit
PRINTED = "LANGKAT, 26-02-1972"
MISREAD = "LANGKAT, 20-02-1972"  # the 6 of 26 read as 0
SMUDGE = "oft W197"  # the small print as Tesseract reads it on a soft card: no date


def _fake(monkeypatch, *, rapid_nik: str = NIK, rapid_birth: str = MISREAD, tess_nik: str = LETTER,
          tess_birth: str = SMUDGE) -> None:
    """RapidOCR reads `rapid_nik` on the NIK line (sure of every digit) and its names model
    `rapid_birth` on the birth line; Tesseract reads `tess_nik` and `tess_birth` there."""
    def tess_text(j: int) -> str:
        return ["PROVINSI SUMATERA UTARA", "KABUPATEN LANGKAT", f"NIK : {tess_nik}", "PUTRI", tess_birth,
                "PEREMPUAN", ""][j]

    install_nik_and_birth(monkeypatch, tess_text, rapid_nik, rapid_birth)


def _read(n: int = 1):
    return read_marked(n, REGIONS)


def test_a_birth_digit_only_a_misread_birth_line_supplied_against_the_nik_line_is_not_filled(monkeypatch):
    # Tesseract: an "L" at the day's second digit and no date; RapidOCR: 66 on the NIK line, sure,
    # and 20-02-1972 on the birth line. The date would turn the "L" into 0 against RapidOCR's 6.
    _fake(monkeypatch)
    reading = _read()
    assert reading.nik is None and "nik" not in reading.read_from_card


def test_the_same_capture_filled_the_mended_nik_without_the_rule(monkeypatch):
    _fake(monkeypatch)
    monkeypatch.setattr(idscan.reader, "MENDED_VETO", False)
    assert _read().nik == MENDED


def test_a_birth_line_read_right_mends_the_letter_and_fills_the_nik(monkeypatch):
    # The same capture with the birth line read right: the date and RapidOCR's 6 agree.
    _fake(monkeypatch, rapid_birth=PRINTED)
    assert _read().nik == NIK


def test_a_letter_mended_to_the_digit_the_nik_line_read_is_filled(monkeypatch):
    # A woman born on the 20th (...600272...): RapidOCR reads 60 on the NIK line and 20-02-1972 on
    # the birth line, Tesseract an "L" for the 0. The date mends the letter to the digit read there.
    _fake(monkeypatch, rapid_nik=MENDED, rapid_birth=MISREAD)
    assert _read().nik == MENDED


@pytest.mark.parametrize("readings, refused", [
    # (NIK, look-alike positions) of each reading of the NIK line; the filled NIK is MENDED
    ([(NIK[:7] + "1" + NIK[8:], (7,)), (NIK, ())], True),  # a letter mended to 0, the other read 6
    ([(NIK[:7] + "1" + NIK[8:], (7,))], False),  # only the letter: the date corrects it
    ([(NIK[:7] + "1" + NIK[8:], (7,)), (NIK[:7] + "1" + NIK[8:], (7,))], False),  # letters alike
    ([(NIK[:7] + "1" + NIK[8:], (7,)), (MENDED, ())], False),  # a reading read the filled NIK
    ([(NIK[:7] + "1" + NIK[8:], (7,)), ("1205106602722890", ())], False),  # the other differs at the serial too
    ([(NIK[:7] + "1" + NIK[8:], (7,)), ("2051066027228981", ())], False),  # shifted by a digit
])
def test_mended_against_reading(readings, refused):
    frames = [CardFields(nik=nik, nik_doubt=doubt) for nik, doubt in readings]
    assert mended_against_reading(MENDED, frames) is refused


def test_a_seventeen_character_reading_counts_by_its_options():
    frames = [CardFields(nik=NIK[:7] + "1" + NIK[8:], nik_doubt=(7,)), CardFields(nik_options=(NIK, "1205106602722899"))]
    assert mended_against_reading(MENDED, frames)
