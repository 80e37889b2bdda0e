"""Issue 10, "name exact >= 85 %" on "soft webcam optics [...] motion blur": where the two
recognisers read the name row too differently to align, the name is RapidOCR's letters (with the
word spaces of Tesseract's reading), not Tesseract's other words; where they align, Tesseract's
spaces, apostrophes and hyphens still go among RapidOCR's letters."""
from __future__ import annotations

import pytest

from idscan import name_pick, reader
from idscan.fields import CardFields
from idscan.name_pick import merge, spaced_like

NIK = "3202114506900001"


@pytest.mark.parametrize("tesseract, rapidocr, printed", [
    # Readings of soft and motion-blurred name rows: Tesseract turns the letters into other words.
    ("HARALEN MONIT", "GAPALENPOPIR", "GAPALEN POPIR"),
    ("SEMPMO TEVADAJONS", "SEHENGYEYADAJON", "SEHENG YEYADAJON"),
    ("WEER", "WIHET", "WIHET"),
    ("HOVOOMIBNL", "HOYOMISRU", "HOYOMISRU"),
    # RapidOCR's reading with its own word spaces keeps them.
    ("MASS CASA", "AGUS GASRUT", "AGUS GASRUT"),
])
def test_a_name_tesseract_read_as_other_words_is_rapidocrs_letters(tesseract, rapidocr, printed):
    assert merge(tesseract, rapidocr) == printed


def test_readings_that_align_keep_tesseracts_spaces_and_marks():
    assert merge("NUR'AINI AL-FARISI", "NURAINIALFARISI") == "NUR'AINI AL-FARISI"
    assert merge("SITI DEWI", "SITIDEW") == "SITI DEWI"


def test_the_spaces_go_where_the_other_reading_has_them():
    assert spaced_like("GAPALENPOPIR", "HARALEN MONIT") == "GAPALEN POPIR"
    assert spaced_like("WIHET", "WEER") == "WIHET"


def test_the_sharpest_crops_name_is_rapidocrs_where_tesseract_read_other_words():
    # The sharpest crop's lines as Tesseract read them (NIK on line 2, the name after it) and
    # RapidOCR's readings of the lines from RAPID_LINES.start: the header, the NIK, the name.
    frame = CardFields(nik=NIK, nik_line=3, name="HARALEN MONIT", lines=["", "", "", NIK, "HARALEN MONIT"])
    second = [["KABUPATEN BANDUNG", NIK, "GAPALENPOPIR"]]
    assert reader.RAPID_LINES.start == 2
    reader._second_opinions([frame], second)
    assert frame.name == "GAPALEN POPIR"


def test_switched_off_tesseracts_other_words_stay(monkeypatch):
    monkeypatch.setattr(name_pick, "FAR_PICK", False)
    assert merge("HARALEN MONIT", "GAPALENPOPIR") == "HARALEN MONIT"
