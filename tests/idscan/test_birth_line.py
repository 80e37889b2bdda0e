"""The printed birth date read once more where the NIK is still unconfirmed (issue 10: "fill the
form only when the vote is confident and the cross-checks agree"; "a wrong NIK filled in silently
is worse than an empty field").

Digits 7-12 of a NIK are the birth date printed two lines below it ("Tempat/Tgl Lahir ...
DD-MM-YYYY"; day + 40 for women). Where Tesseract read no date on any crop and the vote filled
nothing, RapidOCR's newer model (the one that reads the name rows) reads the sharpest crop's birth
line; the NIK is then checked against that date as against a date Tesseract read.

The recognisers are replaced by what they would read on each line (tests/idscan/ocr_fakes.py)."""
from __future__ import annotations


import numpy as np

import idscan.rapid
import idscan.reader
import idscan.tesseract
from idscan.birth_line import birth_line_at, with_birth
from idscan.fields import CardFields

from .ocr_fakes import marked_lines, read_marked

REGIONS = {"33": "Jawa Tengah", "3373": "Kota Salatiga", "337301": "Argomulyo"}
NIK = "3373014506900001"  # Salatiga, a woman born 05-06-1990 (day 05 + 40)
YEAR_70 = "3373014506700001"  # ... the year's tens digit read 7
SERIAL_7 = "3373014506900007"  # ... the last serial digit read 7
NIK_LINE, BIRTH_LINE = 2, 4
PRINTED = "SALATIGA, 05-06-1990"
SMUDGE = "SALAT1GA. 0?-0?-19?0"  # the small print as Tesseract reads it on a soft frame: no date


def _fake(monkeypatch, *, tess: dict[int, str], rapid: str, tess_birth: str = SMUDGE,
          newer_birth: str | dict[int, str] = PRINTED) -> dict:
    """Tesseract reads tess[k] (or no digits) on crop k's NIK line and `tess_birth` on every birth
    line; RapidOCR reads `rapid` on the sharpest crop's NIK line, and its newer model (read_names)
    reads `newer_birth` on a birth line (a dict: newer_birth[k] on crop k's, a smudge where it has
    none). Returns how often a birth line was read."""
    def text(k: int, j: int) -> str:
        return ["PROVINSI JAWA TENGAH", "KOTA SALATIGA", f"NIK : {tess.get(k, '')}", "SITI AMINAH",
                tess_birth, "PEREMPUAN", ""][j]
    calls = {"birth": 0}

    def tesseract(images, whitelist=None):
        out = []
        for img in images:
            k, j = divmod(int(img[0, 0]), 10)
            read = "" if k == 9 else text(k, j)  # 9: the re-cut NIK lines (digits-only reading)
            out.append((read, [90.0] * len(read.split())))
        return out

    def rapid_lines(images):
        out = []
        for img in images:
            k, j = divmod(int(img[0, 0]), 10)
            if j == BIRTH_LINE and getattr(idscan.rapid._FOR, "names", False):
                calls["birth"] += 1
                read = newer_birth.get(k, SMUDGE) if isinstance(newer_birth, dict) else newer_birth
            elif j == NIK_LINE:
                read = f"NIK : {rapid}"
            else:
                read = text(k, j).replace(" ", "")
            out.append((read, [90.0]))
        return out

    monkeypatch.setattr(idscan.reader, "card_lines", marked_lines)
    monkeypatch.setattr(idscan.reader, "nik_line_cuts",
                        lambda crops, at, images=None: [(k, np.full((20, 60), 90 + k, np.uint8)) for k in range(len(crops))])
    monkeypatch.setattr(idscan.tesseract, "read_lines", tesseract)
    monkeypatch.setattr(idscan.tesseract, "best_model", lambda: False)
    monkeypatch.setattr(idscan.rapid, "read_lines", rapid_lines)
    return calls


def _read(n: int = 3):
    return read_marked(n, REGIONS)


def test_a_nik_whose_birth_digits_agree_with_the_printed_birth_date_is_filled(monkeypatch):
    # Tesseract read the year 1970 on the sharpest crop and no date; RapidOCR read the NIK. The
    # printed date, read by RapidOCR's newer model, agrees with RapidOCR's digits 7-12.
    calls = _fake(monkeypatch, tess={0: YEAR_70}, rapid=NIK)
    reading = _read()
    assert reading.nik == NIK and "nik" in reading.read_from_card
    assert calls["birth"] == 1


def test_without_the_birth_line_read_again_the_same_capture_fills_nothing(monkeypatch):
    # This rule alone: the later crops' birth lines are not read (test_birth_of_crops.py).
    monkeypatch.setattr(idscan.reader, "BIRTH_CROPS", False)
    calls = _fake(monkeypatch, tess={0: YEAR_70}, rapid=NIK)
    monkeypatch.setattr(idscan.reader, "BIRTH_READ", False)
    assert _read().nik is None
    assert calls["birth"] == 0


def test_a_nik_the_printed_date_contradicts_is_not_filled(monkeypatch):
    # RapidOCR read 1970 and Tesseract another misreading; the card prints 1990.
    _fake(monkeypatch, tess={0: SERIAL_7}, rapid=YEAR_70)
    assert _read().nik is None


def test_two_readers_disagreeing_on_a_digit_the_date_does_not_cover_fill_nothing(monkeypatch):
    # The printed date confirms digits 7-12 of both readings; the last serial digit, which nothing
    # on the card checks, is read 1 by RapidOCR and 7 by Tesseract.
    _fake(monkeypatch, tess={0: SERIAL_7}, rapid=NIK)
    assert _read().nik is None


def test_a_birth_line_the_newer_model_reads_no_date_on_leaves_the_nik_unfilled(monkeypatch):
    # This rule alone: the later crops' birth lines are not read (test_birth_of_crops.py).
    monkeypatch.setattr(idscan.reader, "BIRTH_CROPS", False)
    calls = _fake(monkeypatch, tess={0: YEAR_70}, rapid=NIK, newer_birth="SALATIGA, 05-0")
    assert _read().nik is None
    assert calls["birth"] == 1


def test_the_birth_line_is_not_read_again_when_tesseract_read_a_date(monkeypatch):
    # Tesseract read the date: it contradicts Tesseract's 1970, confirms RapidOCR's NIK.
    calls = _fake(monkeypatch, tess={0: YEAR_70}, rapid=NIK, tess_birth=PRINTED, newer_birth="SALATIGA, 05-06-1970")
    assert _read().nik == NIK
    assert calls["birth"] == 0


def test_the_birth_line_is_not_read_again_when_the_nik_is_filled(monkeypatch):
    # Both recognisers read the NIK alike and the header names its regency: filled without a date.
    calls = _fake(monkeypatch, tess={0: NIK, 1: NIK, 2: NIK}, rapid=NIK)
    assert _read().nik == NIK
    assert calls["birth"] == 0


def test_a_single_frame_is_filled_the_same_way(monkeypatch):
    _fake(monkeypatch, tess={0: YEAR_70}, rapid=NIK)
    assert _read(1).nik == NIK


def test_the_birth_line_lies_two_lines_below_the_nik():
    assert birth_line_at(2, 7) == 4
    assert birth_line_at(5, 7) is None  # the crop's lines end before it


def test_the_date_becomes_the_sharpest_crops_printed_evidence_only():
    frames = [CardFields(nik=YEAR_70), CardFields(name="SITI"), CardFields(nik=NIK, second_opinion=True),
              CardFields(nik=NIK, second_opinion=True, crop=1), CardFields(birth=(1, 1, 1990))]
    got = with_birth(frames, (5, 6, 1990))
    assert [f.birth for f in got] == [(5, 6, 1990), None, (5, 6, 1990), None, (1, 1, 1990)]
