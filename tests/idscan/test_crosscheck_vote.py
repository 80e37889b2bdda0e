"""The NIK is filled only when the card agrees with it (issue 10): digits 7-12 are the birth date,
day + 40 for women; digits 1-4 the regency named in the header. Frames are voted per character."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from idscan.crosscheck import check_nik
from idscan.fields import CardFields, identify
from idscan.vote import vote, vote_name, vote_nik

# A made-up table in the shape lpsedesk passes in (dotless code -> name); not the real one.
REGIONS = {"33": "Jawa Tengah", "3373": "Kota Salatiga", "337301": "Argomulyo",
           "3374": "Kota Semarang", "337401": "Semarang Tengah"}
TODAY = dt.date(2026, 1, 1)


def card(nik: str, **kw) -> CardFields:
    base = dict(nik=nik, birth=(5, 6, 1990), sex="P", province="JAWA TENGAH", regency="KOTA SALATIGA", nik_conf=90.0)
    base.update(kw)
    return CardFields(**base)


def test_a_nik_that_agrees_with_the_printed_birth_date_sex_and_header_is_accepted():
    check = check_nik(card("3373014506900001"), REGIONS, TODAY)
    assert check.status == "accepted" and check.nik == "3373014506900001"
    assert set(check.agree) == {"date", "region"}


def test_a_man_whose_nik_has_a_womans_day_is_rejected():
    assert check_nik(card("3373014506900001", sex="L"), REGIONS, TODAY).nik is None


def test_a_region_digit_misread_is_corrected_from_the_header_name():
    # 3374 is Semarang, but the header says Salatiga: the one-digit neighbour 3373 is meant.
    check = check_nik(card("3374014506900001"), REGIONS, TODAY)
    assert check.status == "corrected" and check.nik == "3373014506900001" and check.corrected == 3


def test_a_date_digit_is_mended_only_where_the_nik_showed_a_look_alike_letter():
    misread = card("3373014506980001")  # year 98 against the printed 1990
    assert check_nik(misread, REGIONS, TODAY).nik is None
    doubtful = card("3373014506980001", nik_doubt=(11,))  # the 8 was read as a B
    assert check_nik(doubtful, REGIONS, TODAY).nik == "3373014506900001"


def test_a_nik_with_nothing_printed_to_compare_is_not_confirmed():
    bare = CardFields(nik="3373014506900001", nik_conf=95.0)
    assert check_nik(bare, REGIONS, TODAY).status == "unconfirmed"
    nik, _name, _check = vote([bare], [check_nik(bare, REGIONS, TODAY)], REGIONS, TODAY)
    assert nik is None, "an unconfirmed NIK is not filled in"


def test_frames_vote_per_character_and_an_unclear_position_fills_nothing():
    assert vote_nik(["3373014506900001", "3373014506900007", "3373014506900001"]) == "3373014506900001"
    assert vote_nik(["3373014506900001", "3373014506900007"]) is None


def test_names_vote_by_line_then_by_character():
    assert vote_name(["SITI NUR'AINI", "SITI NUR'AINI", "SITL NUR'AINI"]) == "SITI NUR'AINI"
    assert vote_name(["SITI NURAINI", "SITL NURAINI", "SITI NURAlNI"]) == "SITI NURAINI"


def test_a_wrong_serial_read_once_is_outvoted_by_two_frames():
    frames = [card("3373014506900001"), card("3373014506900007"), card("3373014506900001")]
    checks = [check_nik(f, REGIONS, TODAY) for f in frames]
    nik, _name, check = vote(frames, checks, REGIONS, TODAY)
    assert nik == "3373014506900001" and check.status == "accepted"


def test_fields_are_named_by_content_not_by_position():
    lines = ["a", "PROVINSI JAWA TENGAH", "KOTA SALATIGA", "NIK : 33730145O6900001", "SITI NUR'AINI",
             "SALATIGA, 05-06-1990", "PEREMPUAN Gol. Darah : -"]
    fields = identify(lines)
    assert fields.nik == "3373014506900001" and fields.nik_doubt == (8,)
    assert fields.name == "SITI NUR'AINI" and fields.birth == (5, 6, 1990) and fields.sex == "P"
    assert fields.province == "JAWA TENGAH" and fields.regency == "KOTA SALATIGA"


def _vote(frames):
    return vote(frames, [check_nik(f, REGIONS, TODAY) for f in frames], REGIONS, TODAY)


def test_the_birth_date_checks_the_nik_when_the_sex_line_is_unread():
    # Day 45 = the 5th, a woman; the month and year must agree still.
    assert check_nik(card("3373014506900001", sex=None), REGIONS, TODAY).agree == ("date", "region")
    assert check_nik(card("3373014507900001", sex=None), REGIONS, TODAY).nik is None


def test_two_recognisers_reading_the_same_nik_fill_it_without_the_printed_date():
    # Header read, birth line not: the region alone leaves digits 5-16 unchecked; a second
    # engine that reads the same 16 digits stands in for the date.
    tess = card("3373014506900001", birth=None)
    same = replace(tess, second_opinion=True)
    assert _vote([tess])[0] is None, "one engine and the region alone fill nothing"
    assert _vote([tess, same])[0] == "3373014506900001"


def test_engines_that_disagree_on_a_digit_fill_nothing():
    # Tesseract read the last digit alike in every frame; RapidOCR read it otherwise. The date
    # agrees with both (a serial digit): nothing on the card tells which engine is right.
    frames = [card("3373014506900007") for _ in range(3)]
    frames.append(replace(card("3373014506900001"), second_opinion=True))
    assert _vote(frames)[0] is None


def test_the_printed_date_is_voted_per_part():
    frames = [card("3373014506900001", birth=b) for b in [(5, 5, 1990), (5, 6, 1990), (5, 6, 1998)]]
    nik, _name, check = _vote(frames)
    assert nik == "3373014506900001" and "date" in check.agree


def test_a_date_misread_in_one_frame_does_not_overrule_two_engines():
    tess = card("3373014506900001", birth=(5, 6, 1960))  # 1990 read as 1960, once
    others = [card("3373014506900001", birth=None) for _ in range(2)]
    rapid = replace(others[0], second_opinion=True)
    assert _vote([tess, *others, rapid])[0] == "3373014506900001"
    assert _vote([tess, *others])[0] is None, "one engine: the contradiction stands"


def test_a_lone_reading_by_the_second_recogniser_fills_nothing():
    # Tesseract read no NIK; RapidOCR's single reading agrees with the date and the region, but
    # nothing checks its serial digits and its score says nothing about them.
    tess = card(None)
    rapid = replace(card("3373014506900001"), second_opinion=True)
    assert _vote([tess, rapid])[0] is None


def test_a_letter_rapidocr_dropped_is_put_back_from_tesseracts_reading():
    from idscan.fields import respace
    # RapidOCR has no spaces and drops thin letters; Tesseract kept both.
    assert respace("DEWI RIRIPRIMOK PUTRI", "DEWRIRIPRIMOKPUTR") == "DEWI RIRIPRIMOK PUTRI"
    assert respace("SITL AMINAH", "SITIAMINAH") == "SITI AMINAH"


def test_a_misread_kabupaten_still_names_the_regency():
    check = check_nik(card("3374014506900001", regency="KABLPATEN SALATIGA"), {**REGIONS, "3373": "Kabupaten Salatiga"}, TODAY)
    assert check.nik == "3373014506900001"
