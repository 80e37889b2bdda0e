"""The NIK as Dukcapil issues it, written from the structure of the number, not from lpsedesk.nik.

A NIK is 16 digits: PP RR KK (province, regency/city, kecamatan as in Kemendagri's region codes),
DD MM YY (date of birth, the day plus 40 for a woman), SSSS (a serial from 0001). Every NIK below
is made up from that structure; none belongs to a person.
"""
from __future__ import annotations

import datetime as dt

import pytest

from idscan.nik import nik_facts
from lpsedesk.nik import is_valid_nik, mask_nik, parse_nik

TODAY = dt.date(2026, 11, 23)
SALATIGA = "337302"  # 33 Jawa Tengah, 33.73 Kota Salatiga, 33.73.02 Tingkir


def nik(region: str = SALATIGA, birth: str = "170845", serial: str = "0001") -> str:
    return region + birth + serial


def test_a_man_born_on_independence_day_1945_is_read_from_the_middle_six_digits():
    info = parse_nik(nik(birth="170845"), today=TODAY)
    assert (info.valid, info.error) == (True, None)
    assert (info.birth_date, info.sex) == (dt.date(1945, 8, 17), "L")


def test_a_woman_has_forty_added_to_her_day_of_birth():
    info = parse_nik(nik(birth="570845"), today=TODAY)
    assert (info.valid, info.birth_date, info.sex) == (True, dt.date(1945, 8, 17), "P")


@pytest.mark.parametrize("birth,born,sex", [
    ("010190", dt.date(1990, 1, 1), "L"),    # the first day a man's date can hold
    ("311290", dt.date(1990, 12, 31), "L"),  # the last
    ("410190", dt.date(1990, 1, 1), "P"),    # the first day a woman's date can hold (1 + 40)
    ("711290", dt.date(1990, 12, 31), "P"),  # the last (31 + 40)
    ("290200", dt.date(2000, 2, 29), "L"),   # 2000 was a leap year
    ("690296", dt.date(1996, 2, 29), "P"),
])
def test_every_real_day_of_the_year_is_accepted_for_men_and_women(birth, born, sex):
    info = parse_nik(nik(birth=birth), today=TODAY)
    assert (info.valid, info.birth_date, info.sex) == (True, born, sex)


@pytest.mark.parametrize("birth", [
    "000190",  # day 0
    "320190",  # day 32
    "400190",  # a woman's day 0
    "720190",  # a woman's day 32
    "010090",  # month 0
    "011390",  # month 13
    "310490",  # 31 April
    "290201",  # 29 February 2001 (and 1901): no leap year
    "300296",  # 30 February
])
def test_a_date_that_is_not_on_the_calendar_is_refused(birth):
    info = parse_nik(nik(birth=birth), today=TODAY)
    assert (info.valid, info.error, info.birth_date) == (False, "date", None)
    # the region was fine and is still reported, so the kiosk can show where the number is from
    assert info.regency == "Kota Salatiga"


def test_a_two_digit_year_means_the_latest_century_that_is_not_in_the_future():
    # On 23 November 2026 someone born "today" is a baby; "born tomorrow" must be 1926.
    assert parse_nik(nik(birth="231126"), today=TODAY).birth_date == dt.date(2026, 11, 23)
    assert parse_nik(nik(birth="241126"), today=TODAY).birth_date == dt.date(1926, 11, 24)
    assert parse_nik(nik(birth="010105"), today=TODAY).birth_date == dt.date(2005, 1, 1)
    assert parse_nik(nik(birth="010199"), today=TODAY).birth_date == dt.date(1999, 1, 1)
    assert parse_nik(nik(birth="010100"), today=TODAY).birth_date == dt.date(2000, 1, 1)


def test_without_a_given_day_the_date_is_checked_against_today():
    # Born in 1999: in the past whichever day the test runs.
    assert parse_nik(nik(birth="010199")).birth_date == dt.date(1999, 1, 1)
    assert is_valid_nik(nik(birth="010199"))
    assert not is_valid_nik(nik(birth="320199"))


@pytest.mark.parametrize("serial,valid", [("0000", False), ("0001", True), ("0010", True), ("9999", True)])
def test_the_serial_starts_at_0001(serial, valid):
    info = parse_nik(nik(serial=serial), today=TODAY)
    assert info.valid is valid
    assert info.error == (None if valid else "serial")
    # a NIK refused only for its serial still says who it would describe
    assert (info.birth_date, info.sex, info.regency) == (dt.date(1945, 8, 17), "L", "Kota Salatiga")


@pytest.mark.parametrize("value,error", [
    ("", "length"),
    ("337302170845001", "length"),     # 15 digits
    ("33730217084500011", "length"),   # 17 digits
    ("3373021708450O01", "digits"),    # a letter O typed for a zero
    ("337302170845-001", "digits"),
    ("٣٣٧٣٠٢١٧٠٨٤٥٠٠٠١", "digits"),    # Arabic-Indic digits are digits to Python, not in a NIK
    ("+337302170845001", "digits"),
])
def test_sixteen_plain_digits_or_nothing(value, error):
    info = parse_nik(value, today=TODAY)
    assert (info.valid, info.error) == (False, error)
    assert info.birth_date is None and info.sex is None


def test_groups_typed_with_spaces_are_one_number():
    info = parse_nik(" 3373 0217 0845 0001 ", today=TODAY)
    assert info.valid and info.nik == "3373021708450001"


def test_the_place_is_read_from_the_region_codes():
    info = parse_nik(nik(region="317101"), today=TODAY)  # 31 DKI Jakarta, 31.71 Jakarta Pusat, Gambir
    assert info.valid
    assert "Jakarta" in info.province and "Jakarta Pusat" in info.regency and info.kecamatan == "Gambir"
    salatiga = parse_nik(nik(), today=TODAY)
    assert (salatiga.province, salatiga.regency, salatiga.kecamatan) == ("Jawa Tengah", "Kota Salatiga", "Tingkir")


def test_a_province_or_regency_that_does_not_exist_is_refused_but_an_unknown_kecamatan_is_not():
    no_province = parse_nik(nik(region="993702"), today=TODAY)   # there is no province 99
    assert (no_province.valid, no_province.error, no_province.province) == (False, "region", None)
    no_regency = parse_nik(nik(region="339902"), today=TODAY)    # Jawa Tengah has no regency 99
    assert (no_regency.valid, no_regency.error) == (False, "region")
    assert no_regency.province == "Jawa Tengah" and no_regency.regency is None
    new_kecamatan = parse_nik(nik(region="337399"), today=TODAY)
    assert new_kecamatan.valid and new_kecamatan.kecamatan is None


def test_the_checks_run_in_the_order_a_person_would_fix_them():
    # wrong length beats everything, letters beat a bad region, a bad region beats a bad date
    assert parse_nik("99", today=TODAY).error == "length"
    assert parse_nik("99999999999999AA", today=TODAY).error == "digits"
    assert parse_nik("9999993299990000", today=TODAY).error == "region"
    assert parse_nik(nik(birth="329999", serial="0000"), today=TODAY).error == "date"


def test_what_the_kiosk_shows_to_confirm_is_the_date_sex_and_place():
    info = parse_nik(nik(region="317101", birth="570845"), today=TODAY)
    assert info.to_dict() == {"birth_date": "1945-08-17", "sex": "P", "province": info.province,
                              "regency": info.regency, "kecamatan": "Gambir"}
    refused = parse_nik(nik(birth="320190"), today=TODAY).to_dict()
    assert refused["birth_date"] is None and refused["sex"] is None and refused["regency"] == "Kota Salatiga"


def test_a_masked_nik_keeps_where_it_was_issued_and_the_serial_and_hides_the_birth_date():
    assert mask_nik("3373021708450001") == "3373********0001"
    assert parse_nik(nik(), today=TODAY).mask() == "3373********0001"
    assert mask_nik("3373 0217 0845 0001") == "3373********0001"
    # masking twice changes nothing (the retention job may meet a NIK it masked before)
    assert mask_nik(mask_nik("3373021708450001")) == "3373********0001"


@pytest.mark.parametrize("value,masked", [(None, ""), ("", ""), ("12345", "*****"), ("3373021708450001999", "*" * 19)])
def test_anything_that_is_not_a_nik_is_hidden_whole(value, masked):
    assert mask_nik(value) == masked


@pytest.mark.parametrize("typed,error", [
    (" 3373 0217 0845 000 ", "length"), ("3373 0217 0845 00O1", "digits"), ("9999 0217 0845 0001", "region"),
    ("3373 0232 0845 0001", "date"), ("3373 0217 0845 0000", "serial"),
])
def test_a_refused_nik_keeps_the_digits_as_typed_without_spaces(typed, error):
    info = parse_nik(typed, today=TODAY)
    assert (info.error, info.nik) == (error, "".join(typed.split()))


@pytest.mark.parametrize("birth,serial,error", [("329999", "0001", "date"), ("170845", "0000", "serial")])
def test_a_nik_refused_for_its_date_or_serial_still_says_where_it_is_from(birth, serial, error):
    info = parse_nik(nik(region="317101", birth=birth, serial=serial), today=TODAY)
    assert info.error == error
    assert "Jakarta" in info.province and "Jakarta Pusat" in info.regency and info.kecamatan == "Gambir"


def test_without_a_region_table_only_the_date_and_serial_are_checked():
    # The ID engine runs without the region table (the caller passes it); the names stay unknown.
    facts = nik_facts(nik(region="990101", birth="570845"), None, TODAY)  # a woman born 17-08-1945
    assert (facts.valid, facts.province, facts.regency, facts.kecamatan) == (True, None, None, None)
    assert (facts.birth_date.isoformat(), facts.sex) == ("1945-08-17", "P")
