"""A capture reads no more than its outcome needs (issue 10: "OCR at capture <= 400 ms median"), and
what it fills stays the same.

The later crops' name rows are read by the names model only while the name is still open: once the
model read the row alike and sure on two crops, a third crop is one voice (1.0) against two (2.0)
in the name vote, and it is not read. Where the two readings differ it is read as before. A later
crop's NIK line whose Tesseract reading lies on another row is not read by RapidOCR for the veto:
its reading would be dropped unread. The recognisers' models are replaced by what they would read
on each line and count their readings (tests/idscan/ocr_fakes.py)."""
from __future__ import annotations

import pytest

import idscan.reader

from .ocr_fakes import install_models, read_marked

REGIONS = {"33": "Jawa Tengah", "3373": "Kota Salatiga", "337301": "Argomulyo"}
NIK = "3373014506900001"  # Salatiga, a woman born 05-06-1990
CARD = ["PROVINSI JAWA TENGAH", "KOTA SALATIGA", f"NIK : {NIK}", "SITI AMINAH", "SALATIGA, 05-06-1990",
        "PEREMPUAN", ""]
NAME_ROW, NIK_ROW, BIRTH_ROW = 3, 2, 4
SMUDGE = "SALAT1GA. 0?-0?-19?0"  # a soft card's birth line: no date, so the NIK rests on both recognisers
# Tesseract's letters of a soft name row, other on every crop: its readings never settle the name.
SOFT_NAMES = {0: "SITL AMINAH", 1: "SITI AMlNAN", 2: "S1TI AMIHAH"}


def _tesseract(k: int, j: int) -> str:
    return {NAME_ROW: SOFT_NAMES[k], BIRTH_ROW: SMUDGE}.get(j, CARD[j])


def _names_alike(k: int, j: int) -> str:
    """RapidOCR's models: the card as printed (the names model reads the name with its spaces)."""
    return SMUDGE.replace(" ", "") if j == BIRTH_ROW else CARD[j] if j == NAME_ROW else CARD[j].replace(" ", "")


def _names_differ(k: int, j: int) -> str:
    """As _names_alike, but the names model reads the name row of crop 1 otherwise."""
    return "SITI AMIRAH" if (k, j) == (1, NAME_ROW) else _names_alike(k, j)


def test_a_name_the_names_model_read_alike_on_two_crops_is_not_read_on_the_third(monkeypatch):
    calls = install_models(monkeypatch, _tesseract, _names_alike)
    reading = read_marked(3, REGIONS)
    assert (reading.nik, reading.name) == (NIK, "SITI AMINAH")
    assert calls.get(("names", 0 * 10 + NAME_ROW)) == 1 and calls.get(("names", 1 * 10 + NAME_ROW)) == 1
    assert ("names", 2 * 10 + NAME_ROW) not in calls


def _outcome(reading) -> tuple:
    return reading.nik, reading.name, reading.status, reading.read_from_card


def test_the_same_capture_read_every_crop_and_filled_the_same(monkeypatch):
    install_models(monkeypatch, _tesseract, _names_alike)
    now = read_marked(3, REGIONS)
    monkeypatch.setattr(idscan.reader, "LATER_NAMES_AGREED", False)
    calls = install_models(monkeypatch, _tesseract, _names_alike)
    assert _outcome(read_marked(3, REGIONS)) == _outcome(now)
    assert calls.get(("names", 2 * 10 + NAME_ROW)) == 1


def test_a_name_the_two_crops_read_otherwise_is_read_on_the_third(monkeypatch):
    calls = install_models(monkeypatch, _tesseract, _names_differ)
    read_marked(3, REGIONS)
    assert calls.get(("names", 2 * 10 + NAME_ROW)) == 1


@pytest.mark.parametrize("mark", ["SITI AMI'NAH", "SITI-AMINAH"])
def test_a_mark_tesseract_read_keeps_the_third_crop_read(monkeypatch, mark):
    # One crop's apostrophe or hyphen is kept against the others' nothing (name_vote.MARKS_KEPT):
    # there the third crop is more than one voice against two.
    calls = install_models(monkeypatch, lambda k, j: mark if (k, j) == (1, NAME_ROW) else _tesseract(k, j),
                           _names_alike)
    read_marked(3, REGIONS)
    assert calls.get(("names", 2 * 10 + NAME_ROW)) == 1


def _nik_elsewhere_on_crop_2(k: int, j: int) -> str:
    """Tesseract on crop 2 reads the NIK on the header's row and the NIK row as a smudge."""
    if k == 2 and j == 1:
        return CARD[NIK_ROW]
    if k == 2 and j == NIK_ROW:
        return "KOTA SALATIGA"
    return _tesseract(k, j)


def test_a_later_crop_whose_nik_tesseract_placed_elsewhere_is_not_read_for_the_veto(monkeypatch):
    calls = install_models(monkeypatch, _nik_elsewhere_on_crop_2, _names_alike)
    reading = read_marked(3, REGIONS)
    assert reading.nik == NIK  # filled on the header and both recognisers' reading, the date unread
    assert calls.get(("rapidocr", 1 * 10 + NIK_ROW)) == 1  # crop 1's NIK line: read for the veto
    assert ("rapidocr", 2 * 10 + NIK_ROW) not in calls
    monkeypatch.setattr(idscan.reader, "VETO_WHERE_KEPT", False)
    calls = install_models(monkeypatch, _nik_elsewhere_on_crop_2, _names_alike)
    assert _outcome(read_marked(3, REGIONS)) == _outcome(reading)
    assert calls.get(("rapidocr", 2 * 10 + NIK_ROW)) == 1
