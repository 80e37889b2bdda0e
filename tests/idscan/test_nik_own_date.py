"""A NIK confirmed only by the date the same recogniser read (issue 10: "a wrong NIK that passes
validation and would be filled"; "fill nothing ... when the vote is not confident"; "a wrong NIK
filled in silently is worse than an empty field").

Digits 7-12 of a NIK are the birth date printed two lines below it ("SALATIGA, 11-08-1964"). One
recogniser can misread a digit alike on both lines (the month's 8 as 6: NIK ...110664..., date
11-06-1964), and its own date then confirms its own NIK. Where the other recogniser read another
month, that agreement settles nothing: a NIK whose birth month only one recogniser read, confirmed
only by that recogniser's own date, while the other recogniser read another month, is not filled
where the recogniser doubted its birth digits (its per-character score). An independent reading
(the other recogniser's date, or its reading of the same NIK) fills it.

The recognisers are replaced by what they would read on each line (tests/idscan/ocr_fakes.py)."""
from __future__ import annotations

import pytest

import idscan.reader
from idscan.fields import CardFields
from idscan.own_date import differs_at_date_only, settles_nothing

from .ocr_fakes import install_nik_and_birth, read_marked

REGIONS = {"33": "Jawa Tengah", "3373": "Kota Salatiga", "337301": "Argomulyo"}
NIK = "3373011108640001"  # Salatiga, a man born 11-08-1964
MONTH_06 = "3373011106640001"  # ... the month's 8 read 6
PRINTED = "SALATIGA, 11-08-1964"
MISREAD = "SALATIGA, 11-06-1964"  # the same slip on the birth line
SMUDGE = "SALAT1GA. 1?-0?-19?4"  # the small print as Tesseract reads it on a rotated card: no date
MONTH_DIGIT = 9  # 0-based: the month's last digit in the NIK


def _fake(monkeypatch, *, rapid_nik: str = MONTH_06, rapid_birth: str = MISREAD, tess_nik: str = NIK,
          tess_birth: str = SMUDGE, doubt: float = 0.56) -> None:
    """RapidOCR reads `rapid_nik` on the NIK line, scoring the month's last digit `doubt` (every
    other 0.99), and its names model `rapid_birth` on the birth line; Tesseract reads `tess_nik`
    and `tess_birth` there."""
    def tess_text(j: int) -> str:
        return ["PROVINSI JAWA TENGAH", "KOTA SALATIGA", f"NIK : {tess_nik}", "BUDI SANTOSO", tess_birth,
                "LAKI-LAKI", ""][j]

    install_nik_and_birth(monkeypatch, tess_text, rapid_nik, rapid_birth, doubt={MONTH_DIGIT: doubt})


def _read(n: int = 1):
    return read_marked(n, REGIONS)


def test_a_month_only_one_recogniser_read_confirmed_by_its_own_date_is_not_filled(monkeypatch):
    # RapidOCR: ...1106... and 11-06-1964; Tesseract: ...1108... and no date.
    _fake(monkeypatch)
    reading = _read()
    assert reading.nik is None and "nik" not in reading.read_from_card


def test_the_same_capture_filled_the_misread_nik_without_the_rule(monkeypatch):
    _fake(monkeypatch)
    monkeypatch.setattr(idscan.reader, "OWN_DATE_VETO", False)
    assert _read().nik == MONTH_06


def test_a_month_rapidocr_read_sure_of_every_digit_is_filled(monkeypatch):
    # No doubt of its own (fresh dev 5151, card 29: Tesseract's year digit was a letter read as 1):
    # the one-recogniser date is not refused where that recogniser is sure of the NIK's birth digits.
    _fake(monkeypatch, doubt=0.99)
    assert _read().nik == MONTH_06


def test_the_other_recognisers_date_agreeing_fills_it(monkeypatch):
    # Tesseract read the same date on the birth line: two recognisers saw 06 there.
    _fake(monkeypatch, tess_birth=MISREAD)
    assert _read().nik == MONTH_06


def test_both_recognisers_reading_the_nik_alike_fill_it(monkeypatch):
    _fake(monkeypatch, rapid_nik=NIK, rapid_birth=PRINTED)
    assert _read().nik == NIK


@pytest.mark.parametrize("other, only_date", [
    (MONTH_06, True),
    (NIK, False),  # the same NIK: no dispute
    ("3373011108640007", False),  # the serial: the date cannot settle it
    ("3373021106640001", False),  # a kecamatan digit too
    ("33730111086400", False),  # not 16 digits
])
def test_differs_at_date_only(other, only_date):
    assert differs_at_date_only(NIK, other) is only_date


def test_settles_nothing_only_without_an_independent_reading():
    man = CardFields(sex="L")
    assert settles_nothing(MONTH_06, [NIK], man)
    assert not settles_nothing(MONTH_06, [NIK, MONTH_06], man)  # Tesseract read it too
    assert not settles_nothing(MONTH_06, [NIK], CardFields(sex="L", birth=(11, 6, 1964)))  # its date agrees
    assert settles_nothing(MONTH_06, [NIK], CardFields(sex="L", birth=(11, 8, 1964)))  # its date disagrees
    assert not settles_nothing(MONTH_06, [], man)  # Tesseract read no NIK: nothing disputes the date
    assert not settles_nothing(MONTH_06, ["3373011108640007"], man)  # a dispute beyond the date's digits
