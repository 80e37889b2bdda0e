"""A printed birth date Tesseract misread, outvoted by RapidOCR's reading of the same line (issue
10: "fill the form only when the vote is confident and the cross-checks agree"; "a wrong NIK
filled in silently is worse than an empty field").

Digits 7-12 of a NIK are the birth date printed two lines below it (day + 40 for women). Where
both recognisers read the same NIK on the sharpest crop and the date Tesseract read contradicts
it, RapidOCR reads the birth line too: a date there that agrees with the NIK wins, since two
recognisers' reading of the NIK line and a reading of another line all say the same. Anything
else leaves the NIK to the visitor.

The recognisers are replaced by what they would read on each line (tests/idscan/ocr_fakes.py)."""
from __future__ import annotations

import idscan.reader
from idscan.birth_line import outvoted
from idscan.fields import CardFields

from .test_birth_line import NIK, PRINTED, SERIAL_7, YEAR_70, _fake, _read

MISREAD = "SALATIGA, 05-06-1970"  # the printed 1990 with its tens digit misread


def test_a_misread_date_is_outvoted_where_both_recognisers_read_the_nik_alike(monkeypatch):
    calls = _fake(monkeypatch, tess={0: NIK, 1: NIK, 2: NIK}, rapid=NIK, tess_birth=MISREAD, newer_birth=PRINTED)
    reading = _read()
    assert reading.nik == NIK and "nik" in reading.read_from_card
    assert calls["birth"] == 1


def test_without_the_rule_the_misread_date_refuses_the_nik(monkeypatch):
    # This rule alone: the later crops' birth lines are not read (test_birth_of_crops.py).
    monkeypatch.setattr(idscan.reader, "BIRTH_CROPS", False)
    _fake(monkeypatch, tess={0: NIK, 1: NIK, 2: NIK}, rapid=NIK, tess_birth=MISREAD, newer_birth=PRINTED)
    monkeypatch.setattr(idscan.reader, "BIRTH_OUTVOTE", False)
    assert _read().nik is None


def test_a_single_frame_is_filled_the_same_way(monkeypatch):
    _fake(monkeypatch, tess={0: NIK}, rapid=NIK, tess_birth=MISREAD, newer_birth=PRINTED)
    assert _read(1).nik == NIK


def test_tesseract_may_read_the_nik_on_a_later_crop(monkeypatch):
    # The sharpest crop's NIK line unread by Tesseract, the next crop's read as RapidOCR read it.
    _fake(monkeypatch, tess={1: NIK}, rapid=NIK, tess_birth=MISREAD, newer_birth=PRINTED)
    assert _read().nik == NIK


def test_recognisers_that_read_the_nik_otherwise_do_not_read_the_birth_line(monkeypatch):
    # This rule alone: the later crops' birth lines are not read (test_birth_of_crops.py).
    monkeypatch.setattr(idscan.reader, "BIRTH_CROPS", False)
    # The serial digit rests on one recogniser: the date cannot vouch for it.
    calls = _fake(monkeypatch, tess={0: SERIAL_7, 1: SERIAL_7, 2: SERIAL_7}, rapid=NIK, tess_birth=MISREAD,
                  newer_birth=PRINTED)
    assert _read().nik is None
    assert calls["birth"] == 0


def test_a_second_date_that_contradicts_the_nik_too_fills_nothing(monkeypatch):
    _fake(monkeypatch, tess={0: NIK, 1: NIK, 2: NIK}, rapid=NIK, tess_birth=MISREAD,
          newer_birth="SALATIGA, 05-08-1990")
    assert _read().nik is None


def test_a_nik_both_misread_alike_is_not_filled_on_a_date_tesseract_read_right(monkeypatch):
    # Both read the year 1970 in the NIK; both dates say 1990: the NIK is wrong, not the date.
    _fake(monkeypatch, tess={0: YEAR_70, 1: YEAR_70, 2: YEAR_70}, rapid=YEAR_70, tess_birth=PRINTED,
          newer_birth=PRINTED)
    assert _read().nik is None


def test_the_outvoting_date_must_match_day_month_and_year_with_forty_added_for_a_woman():
    # 3373014506900001: a woman (day 05 + 40) born 05-06-1990; Tesseract read 1970.
    frames = [CardFields(nik=NIK, birth=(5, 6, 1970), sex="P"), CardFields(nik=NIK, second_opinion=True),
              CardFields(nik=NIK, birth=(5, 6, 1970), crop=1)]
    printed = CardFields(birth=(5, 6, 1970), sex="P")
    got = outvoted(frames, NIK, printed, (5, 6, 1990))
    assert got is not None and {f.birth for f in got} == {(5, 6, 1990)}
    # Read as a man's card, the NIK's day 45 is no day 05: no agreement.
    assert outvoted(frames, NIK, CardFields(birth=(5, 6, 1970), sex="L"), (5, 6, 1990)) is None
    assert outvoted(frames, NIK, printed, (6, 5, 1990)) is None  # day and month swapped
    assert outvoted(frames, NIK, printed, None) is None  # RapidOCR read no date
    # Tesseract's date already agrees: nothing to outvote.
    assert outvoted(frames, NIK, CardFields(birth=(5, 6, 1990), sex="P"), (5, 6, 1990)) is None
