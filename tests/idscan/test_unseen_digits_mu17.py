"""Run 40a (docs/idscan.md, issue 10: "a wrong NIK filled in silently is worse than an empty field"): a NIK
filled from RapidOCR's reading of one crop, the printed date agreeing, is asked of the later crops, and
"a later crop read otherwise at a digit the checks that agreed do not see (5-6 and 13-16; 1-4 too unless the
header agreed) leaves the field to the visitor. A difference at a date digit is the date's to judge".

Positions here count from 1, as the docs do. mu17: the header believed to see the kecamatan's digits too
(the lone reading kept against a later crop that read 5-6 otherwise) survived the suite."""
from __future__ import annotations

import pytest

from idscan.fields import CardFields
from idscan.unseen_digits import later_crops_read_otherwise

FILLED = "6212031208509215"  # dev card 19's printed NIK (Kabupaten Murung Raya, born 12-08-1950)
DATE_AND_HEADER, DATE_ONLY = ("date", "region"), ("date",)


def later_crop(nik: str, crop: int = 1) -> CardFields:
    """RapidOCR's reading of a later crop's NIK line, as the veto reads it."""
    return CardFields(nik=nik, nik_conf=90.0, nik_line=1, second_opinion=True, crop=crop)


def read_otherwise_at(position: int) -> str:
    i = position - 1
    return FILLED[:i] + str((int(FILLED[i]) + 1) % 10) + FILLED[i + 1:]


@pytest.mark.parametrize("position", [5, 6, 13, 14, 15, 16])
def test_a_later_crop_read_otherwise_at_the_kecamatan_or_serial_leaves_the_nik_to_the_visitor(position):
    # Neither the printed date nor the header checks these digits, whatever agreed.
    for agree in (DATE_AND_HEADER, DATE_ONLY):
        assert later_crops_read_otherwise(FILLED, [later_crop(read_otherwise_at(position))], agree)


@pytest.mark.parametrize("position", [1, 2, 3, 4])
def test_the_regency_digits_are_asked_of_the_later_crops_unless_the_header_agreed(position):
    reading = [later_crop(read_otherwise_at(position))]
    assert later_crops_read_otherwise(FILLED, reading, DATE_ONLY)
    assert not later_crops_read_otherwise(FILLED, reading, DATE_AND_HEADER)


@pytest.mark.parametrize("position", [7, 8, 9, 10, 11, 12])
def test_a_difference_at_a_date_digit_is_the_dates_to_judge(position):
    for agree in (DATE_AND_HEADER, DATE_ONLY):
        assert not later_crops_read_otherwise(FILLED, [later_crop(read_otherwise_at(position))], agree)


def test_dev_card_19s_serial_misread_on_the_sharpest_crop_is_caught_by_a_later_crop_read_right():
    misread = "6212031208500215"  # the serial's 9 (position 13) smeared into a 0 on the sharpest crop
    assert later_crops_read_otherwise(misread, [later_crop(FILLED, crop=1)], DATE_ONLY)


def test_later_crops_that_read_the_filled_nik_leave_it_filled():
    assert not later_crops_read_otherwise(FILLED, [later_crop(FILLED, 1), later_crop(FILLED, 2)], DATE_ONLY)
