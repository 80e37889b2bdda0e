"""A last digit Tesseract's sheet reads as a mark (issue 10: "fill the form only when the vote is
confident and the cross-checks agree. Otherwise fill nothing ... a wrong NIK filled in silently is
worse than an empty field").

Nothing printed on the card checks the serial (digits 13-16). A thumb over the card's edge can
half hide the last glyph: RapidOCR may read the visible half as a sure digit, and Tesseract's
digits-only readings, which must put a digit there, read the same one. Where Tesseract's own
reading of the line (its sheet, which may put any character) read the first 15 digits and then a
mark that is no digit, the last digit is in doubt and nothing is filled.

The recognisers are replaced by what they would read on each line (tests/idscan/ocr_fakes.py)."""
from __future__ import annotations

import pytest

import idscan.reader
from idscan.last_digit import sheet_marks_last

from .ocr_fakes import install_both_models, read_marked, recogniser, sure_rapid

REGIONS = {"33": "Jawa Tengah", "3373": "Kota Salatiga", "337301": "Argomulyo"}
NIK = "3373014506900003"  # Salatiga, a woman born 05-06-1990
HIDDEN = "3373014506900007"  # ... its last 3 half under a thumb, read 7
BIRTH = "SALATIGA, 05-06-1990"  # the printed date agrees with digits 7-12 (day + 40: a woman)
NIK_LINE = 2


def _fake(monkeypatch, *, sheet: str, forced: str, rapid: str) -> None:
    """Tesseract's sheet reads the NIK line as `sheet` on every crop, its digits-only readings as
    `forced`; RapidOCR reads it as `rapid`, sure of every character."""
    text = ["PROVINSI JAWA TENGAH", "KOTA SALATIGA", f"NIK : {sheet}", "SITI AMINAH", BIRTH, "PEREMPUAN", ""]

    sheet_read = recogniser(lambda _k, j: text[j])

    def tesseract(images, whitelist=None):
        if whitelist:  # the digits-only cuts of the NIK line: a digit is forced everywhere
            return [(forced, [90.0]) for _img in images]
        return sheet_read(images)

    rapid_read = sure_rapid(lambda _k, j: f"NIK : {rapid}" if j == NIK_LINE else text[j].replace(" ", ""))
    install_both_models(monkeypatch, tesseract, rapid_read)


def _read(n: int = 3):
    return read_marked(n, REGIONS)


def test_a_last_digit_tesseracts_sheet_read_as_a_mark_is_not_filled(monkeypatch):
    # RapidOCR sure of a 7, the digits-only cuts 7 on every crop, the date and header agree.
    _fake(monkeypatch, sheet=HIDDEN[:15] + ">", forced=HIDDEN, rapid=HIDDEN)
    reading = _read()
    assert reading.nik is None and "nik" not in reading.read_from_card


def test_without_the_rule_that_card_was_filled_wrong(monkeypatch):
    # The case the rule is for: every other check passes it.
    _fake(monkeypatch, sheet=HIDDEN[:15] + ">", forced=HIDDEN, rapid=HIDDEN)
    monkeypatch.setattr(idscan.reader, "SHEET_MARK_VETO", False)
    assert _read().nik == HIDDEN


def test_a_last_digit_every_reading_shows_is_filled(monkeypatch):
    _fake(monkeypatch, sheet=NIK, forced=NIK, rapid=NIK)
    reading = _read()
    assert reading.nik == NIK and "nik" in reading.read_from_card


def test_a_stray_mark_after_sixteen_digits_refuses_nothing(monkeypatch):
    # The photo box's edge read as a mark after the whole NIK is no doubt about the last digit.
    _fake(monkeypatch, sheet=NIK + " >", forced=NIK, rapid=NIK)
    assert _read().nik == NIK


@pytest.mark.parametrize("text, marked", [
    (f": {HIDDEN[:15]}>", True),
    (f"NIK : {HIDDEN[:15]}.", True),
    (f"NIK : {HIDDEN[:4]} {HIDDEN[4:15]} >", True),  # spaces inside the run
    (f"NIK : {HIDDEN[:15]}", False),  # nothing after the 15 digits: Tesseract often stops short
    (f"NIK : {HIDDEN}", False),
    (f"NIK : {HIDDEN[:15]}T", False),  # a letter it takes for a digit (T: 7) is a reading of that digit
    (f"NIK : {HIDDEN[:15]}Y", False),  # any letter: a whole glyph misread (OCR-A's 4 read Y), no half one
    (f"NIK : {HIDDEN[:15]})", False),  # a tall mark too (OCR-A's 1 read as a bracket)
    (f"NIK : {HIDDEN}>", False),
    ("NIK : 9999014506900>", False),  # other digits: the vote and the checks weigh them
    (None, False),
])
def test_sheet_marks_last(text, marked):
    assert sheet_marks_last(HIDDEN, text) is marked


def test_nothing_after_the_fifteen_digits_counts_only_when_asked():
    assert sheet_marks_last(HIDDEN, f"NIK : {HIDDEN[:15]}", end=True)
