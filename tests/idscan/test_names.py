"""The name on a KTP (issue 10): the line after the NIK, printed in capitals after "Nama :", words
with apostrophes and hyphens kept (NUR'AINI, O'NEIL, AL-FARISI), long names printed whole on
one line at a smaller size."""
from __future__ import annotations

from dataclasses import replace

from idscan.crosscheck import check_nik
from idscan.fields import CardFields, drop_glued_label, identify, respace
from idscan.vote import vote

HEADER = ["PROVINSI JAWA BARAT", "KABUPATEN BOGOR"]


def test_the_name_is_the_line_after_the_nik_line_even_when_its_digits_were_unread():
    # A small or soft card: the NIK's digits came out as noise, but the NIK line sits where every
    # KTP prints it, under the two header lines, and the name follows it.
    lines = HEADER + ["2 ;ewq eras Ge", "Nama  SITI AMINAH", "Tempat/Tgl Lahir BOGOR, 05-06-1990"]
    fields = identify(lines, None, [False, False, False, True, True])
    assert fields.name == "SITI AMINAH"


def test_the_birth_line_is_never_taken_for_the_name():
    # The name line was lost (not found in the image): the line after the NIK is the birth line,
    # which carries a date, so no name is read rather than a wrong one.
    lines = HEADER + ["2 ;ewq eras Ge", "Tempat/Tgl Lahir BOGOR, 05-06-1990"]
    assert identify(lines, None, [False, False, False, True]).name is None


def test_a_card_whose_nik_line_was_placed_but_not_read_still_gives_its_name():
    unread = CardFields(name="SITI AMINAH", nik_line=2, province="JAWA BARAT", regency="KABUPATEN BOGOR")
    frames = [unread, replace(unread)]
    _nik, name, _check = vote(frames, [check_nik(f, {}, None) for f in frames], {}, None)
    assert name == "SITI AMINAH"


def test_the_nama_label_read_glued_to_the_name_is_dropped():
    # A recogniser without spaces reads "Nama  SRI" as NAMASRI.
    assert drop_glued_label("NAMASRI") == "SRI"
    assert drop_glued_label("Nama: YUHANG") == "YUHANG"
    assert drop_glued_label("NAMESRI DEWI") == "SRI DEWI"


def test_an_apostrophe_only_tesseract_read_stays_in_the_name():
    # O'NEIL is printed with its apostrophe; RapidOCR's letters have none.
    assert respace("TUNEPAMAT BIREN O'NEIL", "TUNEPAMATBIRENONEIL") == "TUNEPAMAT BIREN O'NEIL"
    assert respace("FATHUR-RAHMAN MA'RUF", "FATHURRAHMANMARUF") == "FATHUR-RAHMAN MA'RUF"


def test_the_end_of_a_long_name_only_the_second_recogniser_read_is_kept():
    # A long name is printed small; Tesseract lost its last letters, RapidOCR read them.
    assert respace("PROMUPA PUTRI MAMISON TIGUS", "PROMUPAPUTRIMAMISONTIGUSRIKIR") == \
        "PROMUPA PUTRI MAMISON TIGUSRIKIR"


def test_every_frame_of_a_steady_card_gets_the_second_recognisers_name_reading(monkeypatch):
    # Frames after the sharpest: Tesseract read SITL for SITI on the name line; RapidOCR's letters
    # (without spaces) of that same line are taken, with Tesseract's spaces.
    import numpy as np

    import idscan.rapid
    from idscan.reader import _second_names

    monkeypatch.setattr(idscan.rapid, "read_lines", lambda images: [("SITIAMINAH", [90.0])] * len(images))
    first = CardFields(name="SITI AMINAH", nik_line=2)
    second = CardFields(name="SITL AMINAH", nik_line=1)
    blank = np.full((32, 200), 255, np.uint8)
    images = [[(blank, False, blank)] * 5, [(blank, False, blank)] * 4]
    _second_names([first, second], images, {})
    assert second.name == "SITI AMINAH"


def test_a_letter_tesseract_dropped_at_a_word_end_stays_in_that_word():
    # SITI, DEWI, SRI end in a thin I that Tesseract drops; RapidOCR's letters have it but no
    # spaces: the space goes after the I, not before it (SIT IDEW).
    assert respace("SIT DEW MUPREN", "SITIDEWIMUPREN") == "SITI DEWI MUPREN"
    assert respace("SR HOBIS", "SRIHOBIS") == "SRI HOBIS"
