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


# A space Tesseract put inside a word (JE BONG, YEK A): RapidOCR read the letters of the row
# close together there, so the space is not in the printed name.
from idscan.name_pick import join_tight  # noqa: E402


def _rapid_reading(name: str) -> str:
    import dataclasses

    import numpy as np

    from idscan.reader import card_lines
    from tests.synthetic import make_person, render_ktp
    from tests.synthetic.styles import CardStyle, DEV_FONTS

    rng = np.random.default_rng(3)
    card = render_ktp(dataclasses.replace(make_person(rng), name=name), rng, CardStyle(family=DEV_FONTS[0]))
    from idscan.rapid import read_lines

    return read_lines([card_lines(card)[3][2]])[0][0]  # the name row, as RapidOCR reads it


needs_rapidocr = pytest.mark.skipif(not reader.available_engines() or "both" not in reader.available_engines(),
                                    reason="needs Tesseract and RapidOCR")


@needs_rapidocr
def test_a_space_tesseract_put_inside_a_word_is_dropped():
    from idscan.fields import clean_name

    letters = clean_name(_rapid_reading("MUHAMMAD JEBONG TIWOTIN"))
    assert merge("MUHAMMAD JE BONG TIWOTIN", letters) == "MUHAMMAD JEBONG TIWOTIN"


@needs_rapidocr
@pytest.mark.parametrize("printed", ["I KETUT SUDARSANA", "NI LUH PUTU"])
def test_a_balinese_one_or_two_letter_word_keeps_its_space(printed):
    from idscan.fields import clean_name

    letters = clean_name(_rapid_reading(printed))
    assert merge(printed, letters) == printed


def test_only_a_space_beside_a_short_word_read_close_together_goes():
    # Column steps between the letters of MUHAMMADJEBONGTIWOTIN: 3 inside the words, 5 across
    # the printed spaces (D|J, G|T); Tesseract's extra space at E|B splits off a two-letter word.
    steps = [3] * 20
    steps[7] = steps[13] = 5
    assert join_tight("MUHAMMAD JE BONG TIWOTIN", steps) == "MUHAMMAD JEBONG TIWOTIN"
    # A space between long words stays however close their letters were read.
    assert join_tight("MUHAMMADJE BONG TIWOTIN", steps) == "MUHAMMADJE BONG TIWOTIN"
    steps[9] = 5  # E|B read 5 apart: JE is a word of its own
    assert join_tight("MUHAMMAD JE BONG TIWOTIN", steps) == "MUHAMMAD JE BONG TIWOTIN"
    assert join_tight("MUHAMMAD JE BONG TIWOTIN", None) == "MUHAMMAD JE BONG TIWOTIN"


def test_switched_off_tesseracts_spaces_stay(monkeypatch):
    monkeypatch.setattr(name_pick, "JOIN_TIGHT", False)
    steps = [3] * 20
    steps[7] = steps[13] = 5
    assert join_tight("MUHAMMAD JE BONG TIWOTIN", steps) == "MUHAMMAD JE BONG TIWOTIN"
