"""A name's title and a Balinese name's first words as the card prints them (issue 10, docs/idscan.md
Run 38n): both recognisers read a title's full stop as a comma or drop the space after it, and glue a
Balinese name's lone I to GUSTI; sure of the letters, the engine filled such names wrong. The
expected names are the ones the fifth generator printed on the card, and how KTPs print titles."""
from __future__ import annotations

import pytest

import idscan.name_titles as name_titles
from bench.transport import kiosk_frame
from idscan import read_cards, rapid, scan_frame
from lpsedesk.nik import regions
from tests.stranger5.splits import SPLITS, cases

needs_names_model = pytest.mark.skipif(not rapid.rapidocr_available(), reason="the names model reads the row")


def _dev_card(index: int):
    """stranger5 dev card `index`, as the kiosk sends it at 1280 px, and its reading."""
    case = cases(SPLITS["dev"], index + 1)[index]
    crop = scan_frame(kiosk_frame(case.frame(0).frame, 1280)).crop
    return case, read_cards([crop], regions=regions())


@needs_names_model
def test_a_balinese_name_is_filled_with_the_space_after_i():
    case, reading = _dev_card(88)
    assert reading.name == case.name == "I GUSTI MAKHO"
    assert reading.nik == case.person.nik


@needs_names_model
def test_a_title_is_filled_with_its_full_stop_and_space():
    case, reading = _dev_card(26)
    assert reading.name == case.name == "DRS. DEJEJOT"
    assert reading.nik == case.person.nik


@needs_names_model
def test_without_the_rule_the_balinese_name_was_filled_glued(monkeypatch):
    # What the engine filled before: both recognisers' "IGUSTIMAKHO", sure of every letter.
    monkeypatch.setattr(name_titles, "ON", False)
    case, reading = _dev_card(88)
    assert reading.name != case.name


@pytest.mark.parametrize("read, printed", [
    ("MOH, NGUJUNYIM", "MOH. NGUJUNYIM"),
    ("DRS.DEJEJOT", "DRS. DEJEJOT"),
    ("HJ,SITI AMINAH", "HJ. SITI AMINAH"),
    ("IGUSTIMACOL", "I GUSTI MACOL"),
    ("IGUSTI NGURAH RAI", "I GUSTI NGURAH RAI"),
    ("NILUH PUTU SARI", "NI LUH PUTU SARI"),
    ("IMADE SUDARSA", "I MADE SUDARSA"),
])
def test_a_title_or_balinese_name_read_with_a_mark_or_space_lost_is_put_back(read, printed):
    assert name_titles.as_printed(read) == printed


@pytest.mark.parametrize("name", [
    "DRAJAT", "IRWAN", "NIKEN", "NINGSIH", "IMADEWI", "HARIS, S.H.", "I GUSTI AYU", "MOH. KASYAKHU", "HJ. S",
])
def test_a_name_without_such_a_misreading_is_left_as_read(name):
    assert name_titles.as_printed(name) == name
