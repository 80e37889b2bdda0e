"""The NIK's last digit (issue 10: "a wrong NIK filled in silently is worse than an empty field";
"Cross-check the NIK against the card itself": digits 7-12 against the birth date and sex, 1-4
against the header - nothing printed checks the serial, digits 13-16).

The last digit is the one a field offset of up to 8 % (the NIK sliding under the photo box) or
a thumb on the card's edge can half hide, and both recognisers then read the visible half as
some digit alike. Where RapidOCR itself doubted that digit on the sharpest crop, or read no digit
there, nothing is filled even when the printed date and the header agree.

The recognisers are replaced by what they would read on each line (tests/idscan/ocr_fakes.py);
RapidOCR's per-character scores are those its reading of the line gives."""
from __future__ import annotations


import numpy as np
import pytest

import idscan.rapid
import idscan.reader
import idscan.tesseract
from idscan.last_digit import LAST_DOUBT, last_digit_unsure

from .ocr_fakes import marked_lines, read_marked

REGIONS = {"33": "Jawa Tengah", "3373": "Kota Salatiga", "337301": "Argomulyo"}
NIK = "3373014506900001"  # Salatiga, a woman born 05-06-1990
HIDDEN = "3373014506900007"  # ... its last digit half hidden, read 7 by both recognisers
BIRTH = "SALATIGA, 05-06-1990"  # the printed date agrees with digits 7-12 (day + 40: a woman)
NIK_LINE = 2


def _fake(monkeypatch, *, tess: str, rapid: str, last: float | None = 0.99, crops: int = 1) -> None:
    """Tesseract reads the card with its NIK line as `tess` on every crop; RapidOCR reads the NIK
    line as `rapid`, sure of every character but the last (score `last`)."""
    text = ["PROVINSI JAWA TENGAH", "KOTA SALATIGA", f"NIK : {tess}", "SITI AMINAH", BIRTH, "PEREMPUAN", ""]

    def tesseract(images, whitelist=None):
        out = []
        for img in images:
            read = text[int(img[0, 0]) % 10]
            out.append((read, [90.0] * len(read.split())))
        return out

    def rapid_lines(images):
        out = []
        for img in images:
            j = int(img[0, 0]) % 10
            read = f"NIK : {rapid}" if j == NIK_LINE else text[j].replace(" ", "")
            confs = [0.99] * len(read)
            if j == NIK_LINE and last is not None:
                confs[-1] = last
            idscan.rapid.remember_chars(img, read, confs)  # as the recogniser's reading scores it
            out.append((read, [90.0]))
        return out

    monkeypatch.setattr(idscan.reader, "card_lines", marked_lines)
    monkeypatch.setattr(idscan.tesseract, "read_lines", tesseract)
    monkeypatch.setattr(idscan.rapid, "read_lines", rapid_lines)
    monkeypatch.setattr(idscan.rapid, "read_chars", lambda images: pytest.fail("the line was read once already"))


def _read(n: int = 1):
    return read_marked(n, REGIONS)


def test_a_last_digit_both_misread_alike_is_not_filled_where_rapidocr_doubted_it(monkeypatch):
    # The printed date and the header agree: they check digits 1-12, not the last one.
    _fake(monkeypatch, tess=HIDDEN, rapid=HIDDEN, last=0.5)
    reading = _read()
    assert reading.nik is None and "nik" not in reading.read_from_card


def test_the_same_holds_for_the_vote_of_three_crops(monkeypatch):
    # Frames of one steady card show the same half-hidden digit: more crops read it alike.
    _fake(monkeypatch, tess=HIDDEN, rapid=HIDDEN, last=0.5, crops=3)
    assert _read(3).nik is None


def test_a_last_digit_rapidocr_read_sure_is_filled(monkeypatch):
    _fake(monkeypatch, tess=NIK, rapid=NIK, last=0.99)
    reading = _read()
    assert reading.nik == NIK and "nik" in reading.read_from_card


def test_a_last_digit_rapidocr_did_not_read_leaves_tesseracts_reading_unfilled(monkeypatch):
    # RapidOCR read the 15 digits before it and a mark where the last digit is half hidden:
    # Tesseract's crops reading a digit there alike fill nothing.
    _fake(monkeypatch, tess=HIDDEN, rapid=HIDDEN[:15] + ".", crops=3)
    assert _read(3).nik is None


def test_a_doubt_elsewhere_is_left_to_the_other_checks(monkeypatch):
    # Only the last digit is judged here; digits the card checks are left to the cross-checks.
    _fake(monkeypatch, tess=NIK, rapid=NIK, last=None)
    assert _read().nik == NIK


def test_without_rapidocrs_scores_of_that_reading_nothing_is_refused(monkeypatch):
    _fake(monkeypatch, tess=NIK, rapid=NIK, last=0.5)
    monkeypatch.setattr(idscan.rapid, "chars_read", lambda img: None)
    assert _read().nik == NIK


@pytest.mark.parametrize("text, last, unsure", [
    (f"NIK : {HIDDEN}", 0.43, True),
    (f"NIK : {HIDDEN}", LAST_DOUBT + 0.01, False),
    (f":{HIDDEN[:15]}.", 0.99, True),  # a mark where the digit is
    (f":{HIDDEN[:15]}", 0.99, True),  # nothing read after the 15 digits
    (f"1{HIDDEN}7", 0.99, False),  # the colon read as 1 and the photo box's edge as 7: the 16th is sure
    ("3373014506900 0 0 7", 0.5, True),  # spaces inside the run
    ("9999014506900007", 0.5, False),  # another reading: the vote and the checks weigh it
])
def test_last_digit_unsure(text, last, unsure):
    confs = [0.99] * len(text)
    confs[-1] = last
    assert last_digit_unsure(HIDDEN, text, confs) is unsure


def test_rapidocr_keeps_the_character_scores_of_the_lines_it_read():
    import cv2

    if not idscan.rapid.rapidocr_available():
        pytest.skip("rapidocr-onnxruntime is not installed")
    img = np.full((32, 320), 255, np.uint8)
    cv2.putText(img, NIK, (6, 24), cv2.FONT_HERSHEY_SIMPLEX, 0.8, 0, 2)
    text, _conf = idscan.rapid.read_lines([img])[0]
    kept = idscan.rapid.chars_read(img)
    assert kept is not None and kept[0] == text and len(kept[1]) == len(text)
    assert kept == idscan.rapid.read_chars([img])[0]
    assert idscan.rapid.chars_read(img.copy()) is None  # another image: no scores
