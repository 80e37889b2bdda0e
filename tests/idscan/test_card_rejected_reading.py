"""A reading of the NIK line the card itself rejects, and a NIK only one recogniser read (issue 10:
"Digits 7-12 are the birth date ..., digits 1-4 the regency: they must agree with the printed birth
date, the printed sex and the header ... Use the agreement to accept a reading ... or to reject
it"; "fill the form only when the vote is confident and the cross-checks agree"; "a wrong NIK
filled in silently is worse than an empty field").

- A second recogniser's reading that the card rejects (its birth digits or region code disagree
  with the printed date or header) does not veto another recogniser's NIK that the date and the
  header confirm, where the date is the other recogniser's reading of the birth lines and the
  rejected reading says nothing against the NIK where the card cannot see (kecamatan, serial).
- A reading the card rejects is never filled.
- A NIK only RapidOCR read fills where the printed date read on two crops and the header read on
  two crops confirm it, and no other reading of the line stands against it; on one crop, not.

The recognisers are replaced by what they would read on each line (tests/idscan/ocr_fakes.py)."""
from __future__ import annotations

from dataclasses import replace

import idscan.lone_reading
import idscan.rapid
import idscan.reader
import idscan.tesseract
import idscan.vote
from idscan.crosscheck import check_nik
from idscan.vote import misread_line, vote

from .test_birth_line import NIK, NIK_LINE, PRINTED, REGIONS, SERIAL_7, YEAR_70, _fake, _read
from .test_crosscheck_vote import TODAY, card

REGION_55 = "5573014506900001"  # NIK with its first two region digits read 55 (the header rejects it)
SHIFTED = "1" + NIK[:-1]  # NIK read one place to the right: a stray "1" taken in first
SERIAL_AND_YEAR = "3373014506700007"  # the year's tens digit and the last serial digit misread


def _vote(frames, overrule=True):
    return vote(frames, [check_nik(f, REGIONS, TODAY) for f in frames], REGIONS, TODAY, overrule=overrule)[0]


def test_a_reading_the_card_rejects_does_not_veto_a_nik_the_date_and_header_confirm():
    tess = [card(NIK) for _ in range(2)]
    for rejected in (REGION_55, YEAR_70, SHIFTED):
        rapid = replace(card(rejected), second_opinion=True)
        assert check_nik(rapid, REGIONS, TODAY).status == "rejected"
        assert _vote([*tess, rapid]) == NIK, rejected


def test_without_the_other_recognisers_date_the_veto_stands():
    # Tesseract's own date confirming Tesseract's own reading is not the other recogniser's word.
    tess = [card(NIK) for _ in range(2)]
    assert _vote([*tess, replace(card(YEAR_70), second_opinion=True)], overrule=False) is None


def test_a_rejected_reading_that_differs_at_a_digit_the_card_cannot_see_still_vetoes():
    # The card rejects RapidOCR's year, but its last serial digit differs too: nothing on the card
    # says which recogniser read the serial right.
    tess = [card(SERIAL_7) for _ in range(2)]
    assert _vote([*tess, replace(card(YEAR_70), second_opinion=True)]) is None
    assert _vote([card(NIK), card(NIK), replace(card(SERIAL_AND_YEAR), second_opinion=True)]) is None


def test_a_reading_the_card_accepts_still_vetoes():
    # RapidOCR's other serial digit: the date and header confirm both readings.
    assert _vote([card(NIK), card(NIK), replace(card(SERIAL_7), second_opinion=True)]) is None


def test_a_nik_the_card_does_not_confirm_is_not_filled_by_the_overrule():
    # The date unread: the header alone does not confirm digits 5-16.
    tess = [card(NIK, birth=None) for _ in range(2)]
    assert _vote([*tess, replace(card(REGION_55, birth=None), second_opinion=True)]) is None


def test_what_the_card_explains():
    assert misread_line(NIK, YEAR_70) and misread_line(NIK, REGION_55) and misread_line(NIK, SHIFTED)
    assert misread_line(NIK, NIK[1:] + "3")  # shifted the other way
    assert not misread_line(NIK, SERIAL_7) and not misread_line(NIK, SERIAL_AND_YEAR)
    assert not misread_line(NIK, None) and not misread_line(NIK, NIK[:15])


def test_tesseracts_nik_is_filled_though_rapidocr_read_the_line_shifted(monkeypatch):
    # Tesseract read the NIK on every crop but no date; RapidOCR read the NIK line one place
    # shifted (the card rejects it) and the printed date on the crops' birth lines.
    _fake(monkeypatch, tess={0: NIK, 1: NIK, 2: NIK}, rapid=SHIFTED, newer_birth={0: PRINTED, 1: PRINTED})
    reading = _read()
    assert reading.nik == NIK and "nik" in reading.read_from_card


def test_without_the_rule_the_shifted_reading_vetoes(monkeypatch):
    _fake(monkeypatch, tess={0: NIK, 1: NIK, 2: NIK}, rapid=SHIFTED, newer_birth={0: PRINTED, 1: PRINTED})
    monkeypatch.setattr(idscan.reader, "REJECTED_NO_VETO", False)
    # A shifted reading is also let through by the vote itself where the date confirms (Run 43k).
    monkeypatch.setattr(idscan.vote, "SHIFTED_NO_VETO", False)
    assert _read().nik is None


def test_a_rejected_reading_is_never_filled(monkeypatch):
    # Only RapidOCR read a NIK, and the date read on every crop's birth line rejects it.
    _fake(monkeypatch, tess={}, rapid=YEAR_70, newer_birth={0: PRINTED, 1: PRINTED, 2: PRINTED})
    assert _read().nik is None
    _fake(monkeypatch, tess={0: NIK, 1: NIK, 2: NIK}, rapid=SHIFTED, newer_birth={0: PRINTED, 1: PRINTED})
    assert _read().nik != SHIFTED


def test_a_nik_only_rapidocr_read_fills_where_date_and_header_confirm_it_on_two_crops(monkeypatch):
    # Tesseract read no NIK on any crop (a soft serif "£118..."), but the header on every crop;
    # RapidOCR read the NIK on the sharpest crop and the printed date on two crops' birth lines.
    _fake(monkeypatch, tess={}, rapid=NIK, newer_birth={0: PRINTED, 1: PRINTED})
    reading = _read()
    assert reading.nik == NIK and "nik" in reading.read_from_card


def test_a_date_read_on_one_crop_does_not_fill_a_lone_reading(monkeypatch):
    _fake(monkeypatch, tess={}, rapid=NIK, newer_birth={1: PRINTED})
    assert _read().nik is None


def test_a_single_frame_does_not_fill_a_lone_reading(monkeypatch):
    _fake(monkeypatch, tess={}, rapid=NIK, newer_birth=PRINTED)
    assert _read(1).nik is None


def test_a_header_read_on_one_crop_does_not_fill_a_lone_reading(monkeypatch):
    _fake(monkeypatch, tess={}, rapid=NIK, newer_birth={0: PRINTED, 1: PRINTED, 2: PRINTED})
    tess = idscan.tesseract.read_lines

    def header_once(images, whitelist=None):
        # The regency line of the later crops unread (a thumb over the header).
        return [("", []) if int(img[0, 0]) in (11, 21) else out for img, out in zip(images, tess(images, whitelist))]
    monkeypatch.setattr(idscan.tesseract, "read_lines", header_once)
    assert _read().nik is None


def test_a_later_crop_reading_another_nik_keeps_a_lone_reading_unfilled(monkeypatch):
    _fake(monkeypatch, tess={}, rapid=NIK, newer_birth={0: PRINTED, 1: PRINTED})
    rapid = idscan.rapid.read_lines

    def later_serial_7(images):
        out = rapid(images)
        return [(f"NIK : {SERIAL_7}", c) if int(img[0, 0]) in (10 + NIK_LINE, 20 + NIK_LINE) else (t, c)
                for img, (t, c) in zip(images, out)]
    monkeypatch.setattr(idscan.rapid, "read_lines", later_serial_7)
    assert _read().nik is None


def test_without_the_rule_a_lone_reading_fills_nothing(monkeypatch):
    _fake(monkeypatch, tess={}, rapid=NIK, newer_birth={0: PRINTED, 1: PRINTED})
    monkeypatch.setattr(idscan.lone_reading, "ON", False)
    assert _read().nik is None
