"""The name under a NIK line whose 16 digits were read broken (issue 10, docs/idscan.md Run 14t).

A thumb over the header (PROVINSI and KABUPATEN lost) and a soft birth line leave nothing but the
NIK's own digits to say where the NIK line lies. Read with a speck among them ("3471v..1605675320")
they are no 16-digit run, so no NIK is read; still no other row of a KTP's top carries so many
digits (a birth date has 8, RT/RW 6), and the name is printed on the row after the NIK."""
from __future__ import annotations

from idscan import fields
from idscan.fields import identify

THUMB_HEADER = ["%AH ISTIMEWA YOGY", "A YOGYAKARTA"]  # the province and regency half under a thumb
BROKEN_NIK = "3471v..1605675320"  # 14 digits of the NIK read, a speck read as letters among them
BIRTH_UNREAD = "YUQYARKR/MT TA be ity"


def test_the_row_after_a_line_of_broken_nik_digits_is_the_name():
    lines = THUMB_HEADER + [BROKEN_NIK, "YOHIS NEGUPIKET YAYITAS", BIRTH_UNREAD]
    got = identify(lines)
    assert got.name == "YOHIS NEGUPIKET YAYITAS"
    assert got.nik is None  # only where the name lies: a broken run of digits fills no NIK
    assert got.nik_line == 2


def test_a_birth_line_is_not_taken_for_the_nik_line():
    # The NIK and name rows lost: a date has 8 digits, and the address row under it is no name.
    lines = THUMB_HEADER + ["2 ;ewq eras Ge", "Tempat/Tgl Lahir BOGOR, 05-06-1990", "JL MAWAR INDAH"]
    got = identify(lines)
    assert got.name is None
    assert got.nik_line is None


def test_a_line_of_digits_followed_by_no_name_places_nothing():
    # The row after the digits carries digits itself (the birth line, the name row lost): no name.
    lines = THUMB_HEADER + [BROKEN_NIK, "JAKARTA, 16-08-1990", "PEREMPUAN"]
    got = identify(lines)
    assert got.name is None


def test_measurement_switch_off_gives_no_name(monkeypatch):
    monkeypatch.setattr(fields, "NIK_LINE_BY_DIGITS", False)
    lines = THUMB_HEADER + [BROKEN_NIK, "YOHIS NEGUPIKET YAYITAS", BIRTH_UNREAD]
    assert identify(lines).name is None
