import datetime as dt

from lpsedesk.nik import parse_nik

TODAY = dt.date(2025, 6, 1)


def test_valid_man():
    info = parse_nik("3373020101900001", today=TODAY)
    assert info.valid and info.error is None
    assert info.birth_date == dt.date(1990, 1, 1) and info.sex == "L"
    assert info.province == "Jawa Tengah" and info.regency == "Kota Salatiga" and info.kecamatan == "Tingkir"
    assert info.mask() == "3373********0001"
    assert info.to_dict()["birth_date"] == "1990-01-01"


def test_woman_day_plus_40_and_century():
    info = parse_nik("3373024512050002", today=TODAY)
    assert info.valid and info.sex == "P" and info.birth_date == dt.date(2005, 12, 5)
    assert parse_nik("3373027112300003", today=TODAY).birth_date == dt.date(1930, 12, 31)
    # 20yy in the future relative to today falls back to 19yy
    assert parse_nik("3373020107250004", today=TODAY).birth_date == dt.date(1925, 7, 1)
    assert parse_nik("3373020106250004", today=TODAY).birth_date == dt.date(2025, 6, 1)


def test_errors():
    assert parse_nik("33730201019000", today=TODAY).error == "length"
    assert parse_nik("33730201019000011", today=TODAY).error == "length"
    assert parse_nik("3373O20101900001", today=TODAY).error == "digits"
    assert parse_nik("9999020101900001", today=TODAY).error == "region"
    assert parse_nik("3399020101900001", today=TODAY).error == "region"
    assert parse_nik("3373023201900001", today=TODAY).error == "date"  # day 32
    assert parse_nik("3373027201900001", today=TODAY).error == "date"  # day 72 (woman 32)
    assert parse_nik("3373020013900001", today=TODAY).error == "date"  # month 13
    assert parse_nik("3373023002900001", today=TODAY).error == "date"  # 30 February
    assert parse_nik("3373022902010001", today=TODAY).error == "date"  # 2001 not leap
    assert parse_nik("3373020101900000", today=TODAY).error == "serial"
    assert not parse_nik("3373020101900000", today=TODAY).valid


def test_unknown_kecamatan_is_not_rejected_and_spaces_ignored():
    info = parse_nik("3373 9901 0190 0001", today=TODAY)
    assert info.valid and info.kecamatan is None and info.regency == "Kota Salatiga"
