"""Issue 10, names (run 13b): long names with apostrophes and hyphens are read whole, the "Nama"
label is never part of the name, and a name read differently on the crops of one steady card is
voted per character (no two crops need to read the whole name alike)."""
from __future__ import annotations

import numpy as np

import idscan.rapid as rapid
from idscan.crosscheck import check_nik
from idscan.fields import CardFields, drop_glued_label
from idscan.name_pick import merge
from idscan.name_vote import drop_label, vote_names
from idscan.vote import vote

NIK = "3316044808830001"


def test_a_long_name_with_apostrophes_and_hyphens_is_read_whole():
    # The newer recogniser reads the word spaces but an apostrophe as a space (JUM'AT -> JUM AT)
    # and may drop a hyphen; Tesseract's reading of the same row has the marks, not the letters.
    tess = "NUR'AINI JUM'AT KHOIRUN-NISA AL-FARISI WIDYA-NINGSIH"
    v6 = "NUR AINI JUM AT KHOIRUN NISA AL-FARISI WIDYA-NINGSIH"
    assert merge("NUR'AIN JUM'AT KHOIRUN-NISA AL-FARIS WIDYA-NINGSH", v6) == tess
    assert merge("JUM'AT SRUYATE", "JUM AT SRUYATE") == "JUM'AT SRUYATE"
    assert merge("MA'RUF TUBUNUDIN", "MARUF TUBUNUDIN") == "MA'RUF TUBUNUDIN"
    # A mark Tesseract did not see is not made up; the newer model's own marks and letters stand.
    assert merge("SR1 HOBIS BUWONG", "SRI HOBIS BUWONG PRABIN") == "SRI HOBIS BUWONG PRABIN"
    assert merge("O NEIL", "O'NEIL LISI") == "O'NEIL LISI"


def test_the_label_is_never_part_of_the_name():
    # Read in small letters and glued to the name, whatever letters the label was read as.
    for read in ("NamuSRI", "Nama:SRI", "NarnaSRI", "lamaSRI", "Nam SRI"):
        assert drop_label(read) == "SRI", read
    assert drop_label("lamaAGUS BOMIBUBI") == "AGUS BOMIBUBI"
    # In capitals (a row whose label was seen in the image).
    assert drop_glued_label("NAMUSRI") == "SRI"
    assert drop_glued_label("NAMASRI") == "SRI"
    # A name is printed in capitals: none of it is taken for a label.
    for name in ("NAMIRA PUTRI", "AL-FARISI", "SRI", "NGABEHI MA'RUF"):
        assert drop_label(name) == name


def test_the_name_rows_reading_comes_without_the_label(monkeypatch):
    row = np.full((48, 300), 255, np.uint8)

    class _Model:
        def text_rec(self, images, _word_boxes=False):
            return [("NamuSITI AMINAH", 0.9, [[0, 0], [0], [[2, 5, 8, 11, 14, 16, 19, 22, 25, 28, 31, 34, 37, 40, 43]],
                                            [], [0.9] * 15]) for _ in images], 0.0

    monkeypatch.setattr(rapid, "_names_engine", lambda: _Model())
    ((text, _conf),) = rapid.read_names([row])
    assert text == "SITI AMINAH"
    assert rapid.chars_read(row)[0] == "SITI AMINAH"  # what later rules look up agrees


def test_a_name_read_differently_on_the_crops_is_voted_per_character():
    # No two crops read the whole name alike; every letter has a majority.
    assert vote_names(["SEHENG YEYADAJOM", "SEHENG YEYADAJON", "SEHENG TEYADAJON"]) == "SEHENG YEYADAJON"
    # A letter one crop dropped and one another crop read twice.
    assert vote_names(["PTRI DIWOBUHO", "PUTRI DIWOBUHO", "PUTRI DIWOBUHOO"]) == "PUTRI DIWOBUHO"
    # Two crops and Tesseract's own reading of the sharpest: the crops' reading wins a tie.
    assert vote_names(["KEJENIR RUPRUBUNIN", "KEJENR RUPRUBUNIN"], ["KEJENIR RUPRUGUNIN"]) == "KEJENIR RUPRUBUNIN"


def test_readings_too_unlike_to_align_fill_no_name():
    assert vote_names(["AGUS GASRUT", "MASS CASA", "PWN JUEAWS"]) is None
    assert vote_names([None, None]) is None
    assert vote_names(["SRI"]) == "SRI"


def test_the_capture_vote_fills_the_name_voted_per_character():
    frames = [CardFields(nik=NIK, nik_line=2, birth=(8, 8, 1983), sex="P", name=name, crop=k)
              for k, name in enumerate(["WIDYA-NINGSIM", "WIDYA-NINGSIH", "WLDYA-NINGSIH"])]
    checks = [check_nik(f, None) for f in frames]
    _nik, name, _check = vote(frames, checks, None)
    assert name == "WIDYA-NINGSIH"
