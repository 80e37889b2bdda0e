"""h43m, mutation testing of idscan/unseen_digits.py: what the veto counts, from its own words.

`later_crops_read_otherwise`: "A RapidOCR reading of a later crop's NIK line differs from `nik` at a digit
that the checks in `agree` did not see" (the module: "RapidOCR reads the later crops' NIK lines"). So only a
second opinion (RapidOCR's) of a crop after the sharpest one counts, and the digits a check sees are those of
a check that agreed: the printed date sees digits 7-12 only when it is among them. Positions count from 1, as
docs/idscan.md does; test_unseen_digits_mu17.py holds the kecamatan, serial, regency and date digits.
"""
from __future__ import annotations

import pytest

from idscan.fields import CardFields
from idscan.unseen_digits import later_crops_read_otherwise, unseen

from .test_unseen_digits_mu17 import FILLED, read_otherwise_at


def reading(nik: str, *, crop: int = 1, second_opinion: bool = True) -> CardFields:
    return CardFields(nik=nik, nik_conf=90.0, nik_line=1, second_opinion=second_opinion, crop=crop)


def test_tesseracts_reading_of_a_later_crop_is_no_second_opinion_and_vetoes_nothing():
    otherwise = read_otherwise_at(13)
    assert not later_crops_read_otherwise(FILLED, [reading(otherwise, second_opinion=False)], ("date",))
    assert later_crops_read_otherwise(FILLED, [reading(otherwise)], ("date",))


def test_the_sharpest_crops_own_reading_is_no_later_crop():
    otherwise = read_otherwise_at(13)
    assert not later_crops_read_otherwise(FILLED, [reading(otherwise, crop=0)], ("date",))
    assert later_crops_read_otherwise(FILLED, [reading(otherwise, crop=2)], ("date",))


@pytest.mark.parametrize("agree", [(), ("region",)])
@pytest.mark.parametrize("position", [7, 12])
def test_without_the_date_among_the_checks_that_agreed_its_digits_are_unseen_too(agree, position):
    assert later_crops_read_otherwise(FILLED, [reading(read_otherwise_at(position))], agree)


def test_the_unseen_positions_of_each_set_of_checks():
    kecamatan_and_serial = {4, 5, 12, 13, 14, 15}  # 0-based: digits 5-6 and 13-16
    assert unseen(("date", "region")) == kecamatan_and_serial
    assert unseen(("date",)) == kecamatan_and_serial | {0, 1, 2, 3}
    assert unseen(("region",)) == kecamatan_and_serial | {6, 7, 8, 9, 10, 11}
    assert unseen(()) == set(range(16))
