"""Issue 10, "Find the text, don't assume where it is [...] the name line as the one after it",
"name exact >= 85 %", "long names with apostrophes and hyphens": the name row is cut where the
card's values start even when its own label gap was not found (a short name, a mark left of the
label), that cut is read in a call of its own so the NIK's readings cannot move, a name is read
with its apostrophes and hyphens, and a thumb over the NIK and the header does not lose the name."""
from __future__ import annotations

import dataclasses

import cv2
import numpy as np
import pytest

import idscan.tesseract
from idscan import reader
from idscan.fields import clean_name, identify, respace
from idscan.name_line import drop_split_spaces, name_cut, value_column
from idscan.reader import card_lines, card_rows, read_cards
from tests.synthetic import make_person, render_ktp
from tests.synthetic.styles import CardStyle, DEV_FONTS

NAME_ROW = 3  # two header rows and the NIK above it


def _card(name: str, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    person = dataclasses.replace(make_person(rng), name=name)
    return render_ktp(person, rng, CardStyle(family=DEV_FONTS[0]))


def _value_starts(card: np.ndarray) -> list[int | None]:
    return [row.value_x0 for row, _faint in card_rows(card)[0]]


def test_a_short_name_whose_label_gap_was_not_taken_gets_a_cut_at_the_value_column():
    card = _card("SRI")
    starts = _value_starts(card)
    # "Nama  :  SRI": the name starts beyond half of its short row, so the row's own label gap
    # is not taken and its image still shows the label.
    assert starts[NAME_ROW] is None
    lines = card_lines(card)
    cut = lines[NAME_ROW].name_cut
    assert cut is not None
    labelled, _l, _s = lines[NAME_ROW]
    assert cut[0].shape[1] < 0.6 * labelled.shape[1], "the label's part of the row is left out"
    assert cut[1].shape[0] == reader.NAME_HEIGHT, "RapidOCR gets its own cut of the same row"


def test_a_cut_taken_at_a_mark_left_of_the_label_is_replaced_by_the_column_cut():
    card = _card("SRI")
    rows = [r for r, _f in card_rows(card)[0]]
    clean, gentle = card_rows(card)[1]
    column = value_column(rows, NAME_ROW, card.shape[1])
    assert column is not None
    # The row's own cut taken at a mark before the label (the widest gap in its left half then
    # lies between the mark and the label): the row is cut at the value column all the same,
    # exactly as when no gap was found.
    at_mark = dataclasses.replace(rows[NAME_ROW], value_x0=rows[NAME_ROW].x0)
    cut = name_cut(at_mark, rows, NAME_ROW, (clean, gentle), reader.NAME_HEIGHT)
    no_gap = name_cut(dataclasses.replace(rows[NAME_ROW], value_x0=None), rows, NAME_ROW, (clean, gentle),
                      reader.NAME_HEIGHT)
    assert cut is not None and no_gap is not None
    assert np.array_equal(cut[0], no_gap[0])
    # A row already cut at the column is not cut again.
    assert name_cut(dataclasses.replace(rows[NAME_ROW], value_x0=column), rows, NAME_ROW, (clean, gentle),
                    reader.NAME_HEIGHT) is None


def test_the_name_row_is_read_in_a_call_of_its_own_and_the_nik_sheet_stays_as_it_was(monkeypatch):
    card = _card("SRI")
    sheets: list[list[np.ndarray]] = []

    def read_lines(images, whitelist=None):
        sheets.append(list(images))
        return [("SRI" if len(sheets) > 1 else "", [90.0])] * len(images)

    monkeypatch.setattr(idscan.tesseract, "read_lines", read_lines)
    monkeypatch.setattr(reader, "_identify", lambda lines: identify(
        ["PROVINSI JAWA TENGAH", "KOTA SEMARANG", "NIK : 3374014506900001", "Nama : SRI"][:len(lines)]
        + [t for t, _c, _l in lines[4:]]))
    lines = card_lines(card)
    reading = read_cards([card], "tesseract", try_rotated=False)
    assert len(sheets) == 2
    first, own = sheets
    assert len(first) == len(lines)
    assert all(np.array_equal(a, img) for a, (img, _l, _s) in zip(first, lines)), "the sheet is cut as before"
    assert len(own) == 1 and np.array_equal(own[0], lines[NAME_ROW].name_cut[0])
    assert reading.name == "SRI"


@pytest.mark.skipif(not idscan.tesseract.tesseract_path(), reason="tesseract-ocr not installed")
def test_tesseract_reads_the_short_name_without_its_label():
    lines = card_lines(_card("SRI"))
    (text, _conf), = idscan.tesseract.read_lines([lines[NAME_ROW].name_cut[0]])
    assert clean_name(text) == "SRI"


def test_a_name_with_apostrophe_and_hyphen_is_read_exactly():
    # RapidOCR reads the letters without the marks or spaces; Tesseract's reading puts them back,
    # also beside a letter the two read differently (MA'KUF against MARUF).
    assert respace("NUR'AINI AL-FARISI", "NURAINIALFARISI") == "NUR'AINI AL-FARISI"
    assert respace("MA'KUF KHOIRUN-NISA", "MARUFKHOIRUNNISA") == "MA'RUF KHOIRUN-NISA"
    assert respace("FATHUR-RAHMAN", "FATHUR.RAHMAN") == "FATHUR-RAHMAN"
    assert clean_name("Nama : JUM''AT O' NEIL") == "JUM'AT O'NEIL"


def _name_image(name: str) -> np.ndarray:
    card = _card(name, seed=3)
    return card_lines(card)[NAME_ROW][0]


def test_a_space_inside_a_word_is_dropped_where_the_line_shows_no_gap():
    img = _name_image("HEGO KOGOSOMUT AGUS")
    assert drop_split_spaces("HEGO KOGOSOMU T AGUS", img) == "HEGO KOGOSOMUT AGUS"
    assert drop_split_spaces("HEGO KOGOSOMUT AGUS", img) == "HEGO KOGOSOMUT AGUS"


def test_a_real_one_letter_word_keeps_its_space():
    # Balinese names begin with a one-letter word (I KETUT, I MADE): the gap is in the image.
    img = _name_image("I KETUT SUDARSANA")
    assert drop_split_spaces("I KETUT SUDARSANA", img) == "I KETUT SUDARSANA"


def test_the_name_is_kept_when_a_thumb_hides_the_nik_and_the_header():
    # Neither the header nor the NIK's 16 digits read; the birth line's date places the name.
    lines = ["PRC", "KABt", "3202111. o0b6790", "SODIK PEJIBEHA", "SUKABUMI, 18-06-2000", "LAKI-LAKI"]
    fields = identify(lines)
    assert fields.name == "SODIK PEJIBEHA" and fields.nik is None
    assert fields.nik_line == 2


def test_a_paper_with_a_date_gives_no_name():
    # A line of text above a date, and no NIK's digits above that: not a card's name.
    fields = identify(["SURAT KETERANGAN", "Dengan hormat", "Jakarta, 12-05-2024", "Kepala Dinas"])
    assert fields.name is None and fields.nik_line is None
