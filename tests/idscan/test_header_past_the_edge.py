"""The card's left edge read as a bar before the header (issue 10: digits 1-4 of the NIK "must
agree with ... the header"; docs/idscan.md, Runs 46b and 47a).

Every KTP's top two lines are "PROVINSI <name>" and "KABUPATEN <name>" or "KOTA <name>", printed
in capitals. Tesseract often reads the card's edge beside them as a word of its own: "| PROVINSI
ACEH", "! PROVINSI ...". Such a line is still the province line, and its neighbour the regency;
a bar is no word of the header, but a printed word always is. The lines below are what a
recogniser would return for a synthetic card (a made-up person of Kota Salatiga)."""
from __future__ import annotations

import datetime as dt

from idscan.crosscheck import check_nik
from idscan.fields import identify

REGIONS = {"33": "Jawa Tengah", "3373": "Kota Salatiga", "337301": "Argomulyo",
           "11": "Aceh", "1118": "Kabupaten Pidie Jaya"}
NIK = "3373014506900001"  # Salatiga, a woman born 05-06-1990 (day 05 + 40)
TODAY = dt.date(2026, 1, 1)


def card(province_line: str, regency_line: str = "KOTA SALATIGA", nik_line: str = "NIK : " + NIK) -> list[str]:
    return [province_line, regency_line, nik_line, "Nama : SRI WAHYUNI",
            "Tempat/Tgl Lahir : SALATIGA, 05-06-1990", "Jenis Kelamin : PEREMPUAN"]


EDGES = ("| PROVINSI JAWA TENGAH", "! PROVINSI JAWA TENGAH", "|PROVINSI JAWA TENGAH",
         "|| PROVINSI JAWA TENGAH", "| | PROVINSI JAWA TENGAH", "l PROVINSI JAWA TENGAH", "  | PROVINSI JAWA TENGAH")


def test_a_bar_before_provinsi_is_read_as_the_province_line():
    for line in EDGES:
        fields = identify(card(line))
        assert fields.province == "JAWA TENGAH", line
        assert fields.regency == "KOTA SALATIGA", line


def test_the_header_read_past_the_bar_is_the_region_check_of_the_nik():
    for line in EDGES:
        fields = identify(card(line, regency_line="| KOTA SALATIGA", nik_line="NIK : " + NIK))
        check = check_nik(fields, REGIONS, TODAY)
        assert check.nik == NIK and "region" in check.agree, line
        other = identify(card(line.replace("JAWA TENGAH", "ACEH"), regency_line="KABUPATEN PIDIE JAYA"))
        assert check_nik(other, REGIONS, TODAY).nik != NIK, line  # the header names another regency


def test_without_the_nik_read_the_header_past_the_bar_still_places_the_nik_line_and_the_name():
    # A thumb over the NIK's digits and label: only the header says where the NIK line is.
    fields = identify(card("| PROVINSI JAWA TENGAH", nik_line="~~ ~~"))
    assert fields.province == "JAWA TENGAH" and fields.regency == "KOTA SALATIGA"
    assert fields.nik_line == 2 and fields.name == "SRI WAHYUNI"


def test_a_bar_before_the_regency_line_keeps_its_first_word():
    fields = identify(card("| PROVINSI ACEH", regency_line="| KABUPATEN PIDIE JAYA"))
    assert fields.province == "ACEH" and fields.regency == "KABUPATEN PIDIE JAYA"
    # The province line unread (a thumb): the line above the NIK still names the regency.
    fields = identify(card("", regency_line="! KABUPATEN PIDIE JAYA"))
    assert fields.regency == "KABUPATEN PIDIE JAYA"
    fields = identify(card("", regency_line="l KOTA SALATIGA"))
    assert fields.regency == "KOTA SALATIGA"


def test_a_real_first_word_is_never_dropped():
    fields = identify(card("PROVINSI NUSA TENGGARA BARAT", regency_line="KOTA MATARAM"))
    assert fields.province == "NUSA TENGGARA BARAT" and fields.regency == "KOTA MATARAM"
    # A word of print before PROVINSI (a capital letter, a digit) is not the card's edge: the line
    # is not taken for the province line.
    for line in ("I PROVINSI JAWA TENGAH", "1 PROVINSI JAWA TENGAH", "A PROVINSI JAWA TENGAH"):
        assert identify(card(line)).province is None, line


def test_a_line_of_bars_alone_names_nothing():
    for line in ("|", "| |", "!", "||| !", "l"):
        fields = identify([line, line, "~~ ~~", "SRI WAHYUNI"])
        assert fields.province is None and fields.regency is None and fields.nik_line is None, line
