"""A NIK filled on RapidOCR's reading alone while the printed date agrees (issue 10: "a wrong NIK
filled in silently is worse than an empty field"; docs/idscan.md, Run 14w).

The birth date printed on the card checks digits 7-12 of the NIK only; the kecamatan (5-6) and the
serial (13-16) are checked by nothing on the card. Where no Tesseract reading of the card is the
NIK RapidOCR read, a digit RapidOCR was unsure of that a Tesseract reading of the same line reads
otherwise leaves the NIK to the visitor, as it does where the date is unread.

The recognisers are replaced by what they would read on each line (tests/idscan/ocr_fakes.py)."""
from __future__ import annotations

import idscan.reader

from .test_nik_digits import NIK, YEAR_70, _fake, _read

# The visitor's card: a woman born 05-06-1990 in Salatiga, serial 0001. RapidOCR read the serial's
# third digit 0 as 8 (dates and header cannot see it); Tesseract's digits-only reading of the same
# line has the serial right but the year's tens digit wrong, so the date rejects it.
SERIAL_MISREAD = NIK[:14] + "8" + NIK[15:]
DATE = "SALATIGA, 05-06-1990"


def test_a_serial_digit_rapidocr_doubted_and_tesseract_read_otherwise_is_not_filled_though_the_date_agrees(monkeypatch):
    _fake(monkeypatch, tess=None, rapid=SERIAL_MISREAD, digits={0: YEAR_70}, unsure=14, birth=DATE)
    reading = _read()
    assert reading.nik is None and "nik" not in reading.read_from_card


def test_a_digit_rapidocr_read_sure_is_filled_though_tesseract_read_it_otherwise(monkeypatch):
    # The other reader's slip: RapidOCR sure of every digit, the date and the header agree.
    _fake(monkeypatch, tess=None, rapid=NIK, digits={0: YEAR_70[:14] + "8" + YEAR_70[15:]}, birth=DATE)
    assert _read().nik == NIK


def test_a_doubted_digit_of_the_birth_date_is_filled_where_the_printed_date_agrees_with_it(monkeypatch):
    # The day 45 (05 + 40, a woman): RapidOCR unsure of its 5, Tesseract read 43. The printed
    # date and sex are the card's own check of exactly these digits (a stranger run: 53 read 33).
    _fake(monkeypatch, tess=None, rapid=NIK, digits={0: NIK[:7] + "3" + NIK[8:]}, unsure=7, birth=DATE)
    assert _read().nik == NIK


def test_a_doubted_digit_is_filled_where_tesseract_read_the_same_nik(monkeypatch):
    # Not RapidOCR alone: Tesseract's sheet read the whole NIK alike.
    _fake(monkeypatch, tess=NIK, rapid=NIK, digits={0: YEAR_70}, unsure=14, birth=DATE)
    assert _read().nik == NIK


def test_the_rule_can_be_switched_off_for_measurements(monkeypatch):
    monkeypatch.setattr(idscan.reader, "ALONE_VETO", False)
    _fake(monkeypatch, tess=None, rapid=SERIAL_MISREAD, digits={0: YEAR_70}, unsure=14, birth=DATE)
    assert _read().nik == SERIAL_MISREAD, "without the rule the stranger card's wrong fill comes back"
