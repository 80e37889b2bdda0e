"""The printed birth date read on the birth line of every crop of the capture (issue 10: "fill the
form only when the vote is confident and the cross-checks agree"; "a wrong NIK filled in silently
is worse than an empty field").

Digits 7-12 of a NIK are the birth date printed two lines below it ("Tempat/Tgl Lahir : SALATIGA,
05-06-1990"; day + 40 for women). Where the vote filled nothing, RapidOCR reads the birth line of
each crop, not only the sharpest one's: a date read there becomes the printed evidence the NIK is
checked against - where Tesseract read no date, one crop's reading is enough; where Tesseract read
a date that the NIK contradicts, two crops must read the other date alike. Crops that read
different dates leave everything as it was. The NIK is still filled only by the vote and its
checks: a NIK the date or the header contradicts is never filled.

The recognisers are replaced by what they would read on each line (tests/idscan/ocr_fakes.py)."""
from __future__ import annotations

import numpy as np
import pytest

import idscan.reader
from idscan.birth_line import crop_dates, date_of_row, date_on_line, read_birth
from idscan.rapid import rapidocr_available, read_names
from idscan.reader import NAME_HEIGHT, card_lines, card_rows
from tests.synthetic import make_person, render_ktp
from tests.synthetic.styles import CardStyle, DEV_FONTS

from .test_birth_line import NIK, PRINTED, SERIAL_7, YEAR_70, _fake, _read

REGION_9 = "9373014506900001"  # the NIK with the first region digit read 9
MISREAD = "SALATIGA, 05-06-1970"  # the printed 1990 with its tens digit misread


def test_a_date_read_on_a_later_crop_fills_the_nik_it_agrees_with(monkeypatch):
    # No date on any crop for Tesseract, none on the sharpest crop's birth line for RapidOCR; the
    # next crop's birth line shows it.
    calls = _fake(monkeypatch, tess={0: YEAR_70}, rapid=NIK, newer_birth={1: PRINTED})
    reading = _read()
    assert reading.nik == NIK and "nik" in reading.read_from_card
    assert calls["birth"] >= 3  # the sharpest crop's birth line, then every crop's


def test_without_the_rule_the_same_capture_fills_nothing(monkeypatch):
    _fake(monkeypatch, tess={0: YEAR_70}, rapid=NIK, newer_birth={1: PRINTED})
    monkeypatch.setattr(idscan.reader, "BIRTH_CROPS", False)
    assert _read().nik is None


def test_a_date_read_with_colons_for_dashes_counts(monkeypatch):
    _fake(monkeypatch, tess={0: YEAR_70}, rapid=NIK, newer_birth={0: "SALATIGA. 05:06:1990"})
    assert _read().nik == NIK


def test_crops_that_read_different_dates_fill_nothing(monkeypatch):
    _fake(monkeypatch, tess={0: YEAR_70}, rapid=NIK, newer_birth={1: PRINTED, 2: "SALATIGA, 05-06-1970"})
    assert _read().nik is None


def test_a_misread_printed_year_is_outvoted_by_two_crops_reading_the_date_alike(monkeypatch):
    # Tesseract read 1970 on the birth line (and in the NIK); RapidOCR read the NIK and, on two
    # crops, the printed 1990.
    _fake(monkeypatch, tess={0: YEAR_70}, rapid=NIK, tess_birth=MISREAD, newer_birth={1: PRINTED, 2: PRINTED})
    assert _read().nik == NIK


def test_one_crop_does_not_outvote_a_date_tesseract_read(monkeypatch):
    _fake(monkeypatch, tess={0: YEAR_70}, rapid=NIK, tess_birth=MISREAD, newer_birth={1: PRINTED})
    assert _read().nik is None


def test_misread_niks_are_never_filled_on_the_date_read_on_the_crops(monkeypatch):
    # RapidOCR misread the year, Tesseract the last serial digit; the crops' birth lines read the
    # printed date, which contradicts the first and cannot see the second.
    _fake(monkeypatch, tess={0: SERIAL_7}, rapid=YEAR_70, newer_birth={0: PRINTED, 1: PRINTED, 2: PRINTED})
    assert _read().nik is None


def test_a_serial_digit_the_date_cannot_see_is_not_filled_on_a_date(monkeypatch):
    # The date confirms digits 7-12 of both readings; the last digit is read 1 and 7.
    _fake(monkeypatch, tess={0: SERIAL_7}, rapid=NIK, newer_birth={0: PRINTED, 1: PRINTED, 2: PRINTED})
    assert _read().nik is None


def test_readings_the_card_contradicts_do_not_keep_the_nik_both_recognisers_read_from_being_filled(monkeypatch):
    # RapidOCR and Tesseract (on the sharpest crop) read the NIK; Tesseract read a 9 for the
    # region's 3 on the later crops: the header contradicts those readings.
    _fake(monkeypatch, tess={0: NIK, 1: REGION_9, 2: REGION_9}, rapid=NIK, newer_birth={1: PRINTED})
    assert _read().nik == NIK


def test_a_single_frame_is_filled_the_same_way(monkeypatch):
    _fake(monkeypatch, tess={0: YEAR_70}, rapid=NIK, newer_birth={0: "SALATIGA, 05:06:1990"})
    assert _read(1).nik == NIK


def test_a_date_on_the_birth_line():
    assert date_on_line("SALATIGA, 05-06-1990") == (5, 6, 1990)
    assert date_on_line("SEMARANG. 30:11:1974") == (30, 11, 1974)
    assert date_on_line("GORONTALO, 16.06:19") is None  # the year cut off
    assert date_on_line("EMARANG.30-11:4974") is None  # no such year
    assert date_on_line("GARU100.00:1979") is None  # no day 00


def test_the_crops_date_needs_enough_crops_and_no_other_date():
    d, other = (5, 6, 1990), (5, 6, 1970)
    assert crop_dates([None, d, None], 1) == d
    assert crop_dates([None, d, None], 2) is None
    assert crop_dates([d, None, d], 2) == d
    assert crop_dates([d, other, d], 1) is None
    assert crop_dates([None, None, None], 1) is None


def test_a_date_faded_past_the_rows_end_is_read_on_the_cut_to_the_text_columns_end():
    # A synthetic card whose date (the birth row's last word) a glare band has faded: the row's
    # ink ends before it, so the row's own cut holds no date (dev: "TANJUNG JABUN"). RapidOCR reads
    # it on the row cut on to the end of the text columns, and it is the date the NIK encodes.
    if not rapidocr_available():
        pytest.skip("RapidOCR not installed")
    rng = np.random.default_rng(5)
    person = make_person(rng)
    card = render_ktp(person, rng, CardStyle(family=DEV_FONTS[0]))
    birth_row = [r for r, _f in card_rows(card)[0]][4]
    faded = card.astype(np.float32)
    band = faded[birth_row.y0 - 4:birth_row.y1 + 4, birth_row.x1 - 170:]
    faded[birth_row.y0 - 4:birth_row.y1 + 4, birth_row.x1 - 170:] = band * 0.3 + 255 * 0.7
    row = card_lines(faded.astype(np.uint8))[4]
    assert read_birth(row[2], read_names, loose=True) is None
    day, month, year = date_of_row(row, read_names, NAME_HEIGHT)
    nik = person.nik
    assert (int(nik[6:8]) % 40, int(nik[8:10]), year % 100) == (day, month, int(nik[10:12]))
