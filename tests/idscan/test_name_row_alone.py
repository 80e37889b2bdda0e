"""A name Tesseract alone read, where a thumb kept RapidOCR from reading the NIK line, and a name no
reading of the names model resembles (issue 10:
"name exact >= 85 %"; "fill the form only when the vote is confident ... Otherwise fill nothing").

RapidOCR reads the sharpest crop's lines until one reads as a NIK and its names model reads the
line after it. With the NIK half under a thumb it read none, so the names model never saw the name
row and Tesseract's garbled reading was filled unjudged. Tesseract still placed the NIK line: the
names model reads the row after it, and the name rules judge the name by that reading
(docs/idscan.md, Run 22n). A name the names model read no row like is left to the visitor: nothing
judged it. Synthetic card; the recognisers are replaced by what they would read
on each line (tests/idscan/ocr_fakes.py)."""
from __future__ import annotations

import idscan.rapid
import idscan.reader

from .name_row_fakes import LINES, NIK, REGIONS, sure
from .ocr_fakes import install, read_marked, recogniser

NAME = 3  # the name row's line index on the marked card


def _thumb_over_nik(monkeypatch, *, tess_name: str, model_read: str, scores: list[float] | None = None,
                    rapid_nik: str = "NIK : 33730145") -> list[int]:
    """Tesseract reads every line right but the name (`tess_name`); RapidOCR reads the NIK line as
    `rapid_nik` (a thumb over the last digits: no NIK) and, asked by the names model, the name row
    as `model_read`. Returns the crops whose name row the names model read."""
    asked: list[int] = []

    def rapid_lines(images):
        out = []
        for img in images:
            k, j = divmod(int(img[0, 0]), 10)
            if j == NAME:
                if getattr(idscan.rapid._FOR, "names", False):
                    asked.append(k)
                read, confs = model_read, list(scores) if scores is not None else sure(model_read)
            else:
                read = rapid_nik if j == 2 else LINES[j]
                confs = sure(read)
            idscan.rapid.remember_chars(img, read, confs)
            out.append((read, [90.0]))
        return out

    install(monkeypatch, recogniser(lambda _k, j: tess_name if j == NAME else LINES[j]), rapid_lines)
    return asked


def test_a_garbled_name_tesseract_alone_read_is_the_names_models_sure_reading(monkeypatch):
    asked = _thumb_over_nik(monkeypatch, tess_name="NODESNGABER", model_read="KODIS NGABEHI")
    reading = read_marked(1, REGIONS)
    assert reading.name == "KODIS NGABEHI" and "name" in reading.read_from_card
    assert asked == [0]  # one more reading, of the name row only


def test_a_name_row_the_names_model_doubted_is_left_to_the_visitor(monkeypatch):
    doubted = sure("MOJAS RAHAT")
    doubted[0] = 0.3  # the first letter
    _thumb_over_nik(monkeypatch, tess_name="MOJAS RAHAT", model_read="MOJAS RAHAT", scores=doubted)
    reading = read_marked(1, REGIONS)
    assert reading.name is None and "name" not in reading.read_from_card


def test_a_right_name_both_read_alike_stays_filled(monkeypatch):
    _thumb_over_nik(monkeypatch, tess_name="WIDYA-NINGSIH", model_read="WIDYA NINGSIH")
    assert read_marked(1, REGIONS).name == "WIDYA-NINGSIH"  # Tesseract's hyphen kept


def test_the_nik_reads_as_without_the_names_models_reading(monkeypatch):
    _thumb_over_nik(monkeypatch, tess_name="NODESNGABER", model_read="KODIS NGABEHI")
    with_row = read_marked(3, REGIONS)
    monkeypatch.setattr(idscan.reader, "NAME_ROW_ALONE", False)
    without = read_marked(3, REGIONS)
    assert (with_row.nik, with_row.status) == (without.nik, without.status)
    assert with_row.nik in (None, NIK)


def test_where_rapidocr_read_the_nik_the_name_row_is_read_once(monkeypatch):
    asked = _thumb_over_nik(monkeypatch, tess_name="KODIS NGABEHI", model_read="KODIS NGABEHI",
                            rapid_nik=f"NIK : {NIK}")
    assert read_marked(1, REGIONS).name == "KODIS NGABEHI"
    assert asked == [0]


def test_without_the_rules_tesseracts_reading_is_filled_unjudged(monkeypatch):
    monkeypatch.setattr(idscan.reader, "NAME_ROW_ALONE", False)
    monkeypatch.setattr(idscan.reader, "NAME_UNSEEN_EMPTY", False)
    asked = _thumb_over_nik(monkeypatch, tess_name="NODESNGABER", model_read="KODIS NGABEHI")
    assert read_marked(1, REGIONS).name == "NODESNGABER"
    assert asked == []


def test_a_name_the_names_model_read_nothing_of_is_left_to_the_visitor(monkeypatch):
    # The names model read no letter on the row: nothing judged Tesseract's name.
    _thumb_over_nik(monkeypatch, tess_name="NODESNGABER", model_read="")
    reading = read_marked(1, REGIONS)
    assert reading.name is None and "name" not in reading.read_from_card


def test_a_name_judged_by_a_reading_of_another_row_is_not_filled():
    # Every reading of the names model is of another row ("T"), sure: no reading judged "WERA".
    assert idscan.reader.judged_name("WERA", [("T", [0.9]), ("", None)]) is None
    assert idscan.reader.judged_name("WERA", [("WERA", sure("WERA"))]) == "WERA"


def test_without_the_rule_a_name_no_reading_resembles_stands(monkeypatch):
    monkeypatch.setattr(idscan.reader, "NAME_UNSEEN_EMPTY", False)
    assert idscan.reader.judged_name("WERA", [("T", [0.9])]) == "WERA"


def test_rapidocr_alone_still_fills_the_name_it_read(monkeypatch):
    # Without Tesseract RapidOCR reads every line with its text model: no names-model reading is
    # sought, the name stands as read.
    import numpy as np

    from idscan.reader import read_cards

    _thumb_over_nik(monkeypatch, tess_name="KODIS NGABEHI", model_read="KODIS NGABEHI", rapid_nik=f"NIK : {NIK}")
    reading = read_cards([np.zeros((2, 2, 3), np.uint8)], "rapidocr", REGIONS)
    assert reading.name == "KODIS NGABEHI"
