"""A NIK filled without the printed date whose birth digits RapidOCR doubted (issue 10: "a wrong NIK
that passes validation and would be filled"; "fill nothing ... when the vote is not confident"; "a
wrong NIK filled in silently is worse than an empty field").

Digits 7-12 of a NIK are the birth date printed two lines below it ("SALATIGA, 05-06-1995"; day +
40 for women). On a small soft card that print can be unread, and the NIK is then filled on the
header and the two recognisers reading the same 16 digits. Both can misread a digit of the year
alike there (1995 read ...93). Where RapidOCR itself doubted a birth-date digit, the date is read
once more on the crops' birth lines, and the NIK is filled only where a date read there agrees.

The recognisers are replaced by what they would read on each line (tests/idscan/ocr_fakes.py);
RapidOCR's per-character scores are those its reading of the line gives."""
from __future__ import annotations


import numpy as np
import pytest

import idscan.birth_line
import idscan.rapid
import idscan.reader
import idscan.tesseract
from idscan.date_doubt import DATE_DOUBT, birth_digit_doubted, dates_confirm
from idscan.fields import CardFields

from .ocr_fakes import install, read_marked, recogniser

REGIONS = {"33": "Jawa Tengah", "3373": "Kota Salatiga", "337301": "Argomulyo"}
NIK = "3373014506950001"  # Salatiga, a woman born 05-06-1995 (day 05 + 40)
YEAR_93 = "3373014506930001"  # ... the year's last digit read 3 by both recognisers
YEAR_DIGIT = 11  # 0-based: the year's last digit in the NIK
NIK_LINE, BIRTH_LINE = 2, 4
PRINTED = "SALATIGA, 05-06-1995"
SMUDGE = "SALAT1GA. 0?-0?-19?5"  # the small print on a small soft card: no date


def _fake(monkeypatch, *, read: str = YEAR_93, doubt: float | None = 0.49, at: int = YEAR_DIGIT,
          birth: str | dict[int, str] = SMUDGE) -> dict:
    """Both recognisers read `read` on every crop's NIK line and Tesseract no date; RapidOCR scores
    the digit `at` of its reading `doubt` (every other 0.99), and its newer model (read_names) reads
    `birth` on a birth line (a dict: birth[k] on crop k's, a smudge where it has none). Returns how
    often a birth line was read."""
    def text(j: int) -> str:
        return ["PROVINSI JAWA TENGAH", "KOTA SALATIGA", f"NIK : {read}", "SITI AMINAH", SMUDGE, "PEREMPUAN", ""][j]
    calls = {"birth": 0}

    tesseract = recogniser(lambda _k, j: text(j))

    def rapid_lines(images):
        out = []
        for img in images:
            k, j = divmod(int(img[0, 0]), 10)
            if j == BIRTH_LINE and getattr(idscan.rapid._FOR, "names", False):
                calls["birth"] += 1
                got = birth.get(k, SMUDGE) if isinstance(birth, dict) else birth
            elif j == NIK_LINE:
                got = f"NIK : {read}"
                confs = [0.99] * len(got)
                if doubt is not None:
                    confs[len("NIK : ") + at] = doubt
                idscan.rapid.remember_chars(img, got, confs)  # as the recogniser's reading scores it
            else:
                got = text(j).replace(" ", "")
            out.append((got, [90.0]))
        return out

    install(monkeypatch, tesseract, rapid_lines)
    return calls


def _read(n: int = 1):
    return read_marked(n, REGIONS)


def test_a_year_both_recognisers_misread_alike_is_not_filled_where_rapidocr_doubted_it(monkeypatch):
    # The header agrees, the two recognisers agree, the printed date is unread: the one check that
    # sees the year is missing, and the recogniser doubted that digit.
    calls = _fake(monkeypatch)
    reading = _read()
    assert reading.nik is None and "nik" not in reading.read_from_card
    assert calls["birth"] >= 1  # the birth line was read once more before refusing


def test_the_same_capture_was_filled_without_the_rule(monkeypatch):
    _fake(monkeypatch)
    monkeypatch.setattr(idscan.reader, "DATE_DOUBT_VETO", False)
    assert _read().nik == YEAR_93


def test_a_nik_whose_year_disagrees_with_the_printed_birth_year_is_not_filled(monkeypatch):
    # RapidOCR's reading of the birth line shows 1995: the NIK's ...93 disagrees.
    _fake(monkeypatch, birth=PRINTED)
    assert _read().nik is None


def test_a_doubted_digit_the_printed_date_confirms_is_filled(monkeypatch):
    # The right NIK, its year digit read unsure; the birth line read once more shows 1995.
    _fake(monkeypatch, read=NIK, birth=PRINTED)
    reading = _read()
    assert reading.nik == NIK and "nik" in reading.read_from_card


def test_a_date_read_with_colons_for_dashes_confirms_too(monkeypatch):
    _fake(monkeypatch, read=NIK, birth="SALATIGA. 05:06:1995")
    assert _read().nik == NIK


def test_birth_digits_read_sure_are_filled_without_reading_the_birth_line(monkeypatch):
    # Nothing to doubt: the rule costs no reading (and no fill) there.
    calls = _fake(monkeypatch, read=NIK, doubt=None)
    assert _read().nik == NIK
    assert calls["birth"] == 0


def test_crops_that_read_different_dates_leave_the_field_to_the_visitor(monkeypatch):
    # A steady run: one crop's birth line reads the date that agrees, another one that does not.
    _fake(monkeypatch, read=NIK, birth={0: PRINTED, 1: "SALATIGA, 05-06-1993"})
    assert _read(3).nik is None


def test_one_crop_reading_the_date_is_enough_where_the_others_read_none(monkeypatch):
    _fake(monkeypatch, read=NIK, birth={2: PRINTED})
    assert _read(3).nik == NIK


@pytest.mark.parametrize("confs, doubted", [
    ([0.99] * 16, False),
    ([0.99] * YEAR_DIGIT + [DATE_DOUBT - 0.01] + [0.99] * 4, True),
    ([0.99] * YEAR_DIGIT + [DATE_DOUBT] + [0.99] * 4, False),
    ([0.99] * 6 + [0.5] + [0.99] * 9, True),  # the day's first digit (day + 40 for women)
    ([0.99] * 15 + [0.5], False),  # the last serial digit: no printed date checks it (last_digit.py)
    ([0.99] * 5 + [0.5] + [0.99] * 10, False),  # a kecamatan digit: no printed date checks it
    (None, False),  # RapidOCR's reading is not this NIK: no doubt of its known
])
def test_birth_digit_doubted(confs, doubted):
    assert birth_digit_doubted(confs) is doubted


def test_dates_confirm_a_womans_day_plus_40_and_refuse_any_other_date():
    woman = CardFields(sex="P")
    assert dates_confirm(NIK, woman, [None, (5, 6, 1995)])
    assert not dates_confirm(NIK, woman, [(5, 6, 1995), (5, 6, 1993)])
    assert not dates_confirm(NIK, woman, [None, None])
    assert not dates_confirm(YEAR_93, woman, [(5, 6, 1995)])
    assert not dates_confirm(NIK, CardFields(sex="L"), [(5, 6, 1995)])  # a man's day stays 05


def test_the_other_recognisers_date_on_the_birth_line_keeps_the_fill(monkeypatch):
    # RapidOCR misreads the year on the birth line too (1993 for 1995) where it doubted that digit of
    # the NIK; Tesseract reads the birth line cut anew at 48 px as 1995: two recognisers' readings agree.
    _fake(monkeypatch, read=NIK, birth="SALATIGA, 05-06-1993")
    monkeypatch.setattr(idscan.birth_line, "tesseract_date_of_row", lambda cut: (5, 6, 1995))
    assert _read().nik == NIK
    monkeypatch.setattr(idscan.reader, "TESSERACT_BIRTH", False)
    assert _read().nik is None


def test_the_other_recognisers_date_that_disagrees_keeps_nothing(monkeypatch):
    _fake(monkeypatch, read=NIK, birth="SALATIGA, 05-06-1993")
    monkeypatch.setattr(idscan.birth_line, "tesseract_date_of_row", lambda cut: (5, 6, 1993))
    assert _read().nik is None


def test_tesseract_reads_the_birth_row_cut_to_the_text_columns_at_48_px(monkeypatch):
    from types import SimpleNamespace

    from idscan.birth_line import TESSERACT_HEIGHT, tesseract_date_of_row
    from idscan.lines import TextLine

    seen = []

    def read_lines(images, whitelist=None):
        seen.extend(images)
        return [("BANGKALAN, 29-11-1980 -", [90.0])]

    monkeypatch.setattr(idscan.tesseract, "read_lines", read_lines)
    card = np.full((270, 430), 255, np.uint8)
    cut = SimpleNamespace(source=(card, TextLine(150, 166, 20, 200, 90)))
    assert tesseract_date_of_row(cut) == (29, 11, 1980)
    assert seen[0].shape[0] == TESSERACT_HEIGHT and seen[0].shape[1] > TESSERACT_HEIGHT
    assert tesseract_date_of_row(SimpleNamespace()) is None  # no row source: nothing read
