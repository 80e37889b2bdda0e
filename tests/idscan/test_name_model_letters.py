"""The names model's sure letters with the vote's word spaces (issue 10: "name exact"; "fill the
form only when the vote is confident ... Otherwise fill nothing").

The names model (RapidOCR) reads a name row's letters better than Tesseract but sometimes glues
two words ("PUTRITAROT"), sure of every letter; Tesseract's reading keeps the words apart. Where
every reading the names model made of the row is the same and doubts no letter, the name is the
model's letters with the vote's word spaces where the model read none (docs/idscan.md, Run 21n).

The recognisers are replaced by what they would read on each line (tests/idscan/ocr_fakes.py)."""
from __future__ import annotations

import idscan.reader
from idscan.name_sure import NAME_LEAST, model_name, with_spaces

from .name_row_fakes import NIK, REGIONS, install_name_row as _fake, sure as _sure
from .ocr_fakes import read_marked


def test_a_name_the_model_read_with_two_words_glued_is_filled_with_its_space(monkeypatch):
    _fake(monkeypatch, tess_name="PUTRI TAROT", model_read="PUTRITAROT")
    reading = read_marked(3, REGIONS)
    assert reading.name == "PUTRI TAROT" and "name" in reading.read_from_card
    assert reading.nik == NIK


def test_a_letter_tesseract_misread_on_two_crops_is_the_models_sure_letter(monkeypatch):
    # The names model read the row on the sharpest crop only, sure of every letter, two words
    # glued; Tesseract read the words apart on every crop, the last T as an I.
    _fake(monkeypatch, tess_name="PUTRI TAROI", model_read="PUTRITAROT", model_crops=1)
    assert read_marked(3, REGIONS).name == "PUTRI TAROT"


def test_a_glued_reading_is_not_made_into_the_name_on_a_single_frame(monkeypatch):
    _fake(monkeypatch, tess_name="AL-FARISI RAHMAT", model_read="AL-FARISIRAHMAT")
    assert read_marked(1, REGIONS).name == "AL-FARISI RAHMAT"


def test_the_models_sure_letter_is_the_names_letter():
    # The names model read the row once, sure; two Tesseract readings shared a V.
    assert model_name("SREVONAS", [("SREYONAS", _sure("SREYONAS"))], vote_spaces=True) == "SREYONAS"


def test_the_models_letters_keep_the_votes_space_between_two_words():
    assert model_name("PUTRI NGABEHL", [("PUTRINGABEHI", _sure("PUTRINGABEHI"))],
                      vote_spaces=True) == "PUTRI NGABEHI"


def test_a_space_among_letters_read_differently_is_not_carried_over():
    # "SRE VONAS": the vote's space sits beside the letter the two read differently
    assert with_spaces("SRE VONAS", "SREYONAS") == "SREYONAS"


def test_the_models_own_spaces_and_the_votes_marks_stay():
    assert model_name("AL-FARISI RAHMAT", [("AL FARISIRAHMAT", _sure("AL FARISIRAHMAT"))],
                      vote_spaces=True) == "AL-FARISI RAHMAT"


def test_a_doubted_glued_reading_is_not_filled(monkeypatch):
    doubted = _sure("PUTRITAROT")
    doubted[6] = NAME_LEAST - 0.2  # the A
    _fake(monkeypatch, tess_name="PUTRI TAROT", model_read="PUTRITAROT", scores=doubted)
    reading = read_marked(3, REGIONS)
    assert reading.name is None and "name" not in reading.read_from_card
    assert reading.nik == NIK  # the name's doubt leaves the NIK as read


def test_readings_of_the_row_that_differ_leave_the_vote():
    readings = [("PUTRITAROT", _sure("PUTRITAROT")), ("PUTRITAROI", _sure("PUTRITAROI"))]
    assert model_name("PUTRI TAROT", readings, vote_spaces=True) == "PUTRI TAROT"


def test_without_the_rule_the_vote_stands(monkeypatch):
    monkeypatch.setattr(idscan.reader, "NAME_MODEL_LETTERS", False)
    assert idscan.reader.judged_name("SREVONAS", [("SREYONAS", _sure("SREYONAS"))]) == "SREVONAS"
