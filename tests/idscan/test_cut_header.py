"""A header cut short mends no region digit (issue 10: "a wrong NIK filled in silently is worse
than an empty field"; docs/idscan.md, Run 14w).

Digits 1-4 of a NIK are the regency printed in the header; a NIK whose code names another regency
than the header is mended to the one-digit neighbour the header names. But many regencies carry a
neighbour's name and more ("Kabupaten Konawe" 7402, "Kabupaten Konawe Kepulauan" 7412): a thumb
or the crop's edge that hides the end of the longer name leaves a header that reads like the
shorter one, and the code read right would be "mended" to the wrong regency."""
from __future__ import annotations

import datetime as dt

from idscan.crosscheck import check_nik
from idscan.fields import CardFields

# Names as the Kemendagri code list writes them (the two Konawe codes of Sulawesi Tenggara, and a
# made-up pair of the same shape elsewhere); kecamatan codes only as the checks need them.
REGIONS = {"74": "Sulawesi Tenggara", "7402": "Kabupaten Konawe", "7412": "Kabupaten Konawe Kepulauan",
           "740201": "Soropia", "741201": "Wawonii Barat",
           "33": "Jawa Tengah", "3373": "Kota Salatiga", "3374": "Kota Semarang", "337301": "Argomulyo"}
TODAY = dt.date(2026, 1, 1)
KEPULAUAN = "7412016412001531"  # Konawe Kepulauan, a woman born 24-12-2000, serial 1531


def card(nik: str, regency: str, **kw) -> CardFields:
    return CardFields(nik=nik, regency=regency, province=kw.pop("province", "SULAWESI TENGGARA"), nik_conf=90.0, **kw)


def test_a_header_cut_after_the_shorter_neighbours_name_does_not_move_the_code_to_it():
    for header in ("KABUPATEN KONAWE KI", "KABUPATEN KONAWE KEP", "KABUPATEN KONAWE"):
        check = check_nik(card(KEPULAUAN, header, birth=(24, 12, 2000), sex="P"), REGIONS, TODAY)
        assert check.nik == KEPULAUAN, header
        assert check.corrected is None and "date" in check.agree


def test_without_the_date_a_cut_header_neither_mends_nor_confirms_the_code():
    check = check_nik(card(KEPULAUAN, "KABUPATEN KONAWE KI"), REGIONS, TODAY)
    assert check.nik in (None, KEPULAUAN) and check.corrected is None and "region" not in check.agree


def test_a_header_that_names_another_regency_still_mends_the_misread_digit():
    # 3374 is Semarang; the header reads Salatiga in full: the neighbour 3373 is meant.
    check = check_nik(card("3374014506900001", "KOTA SALATIGA", province="JAWA TENGAH"), REGIONS, TODAY)
    assert check.status == "corrected" and check.nik == "3373014506900001"
