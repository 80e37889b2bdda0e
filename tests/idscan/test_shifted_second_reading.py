"""A second recogniser's reading of the NIK line one place shifted does not veto the NIK it shifts
(issue 10: "Use the agreement [with the printed birth date, the printed sex and the header] to
accept a reading ... or to reject it"; "fill the form only when the vote is confident and the
cross-checks agree"; "a wrong NIK filled in silently is worse than an empty field").

RapidOCR reads a glared, small card's NIK line twice on the sharpest crop: once right, once with
the label's colon taken in as a 1 and the last digit lost ("5070242030074601" for
"1507024203007460"; our generator's dev still run 8, docs/idscan.md Run 43k). The shifted reading
is the same digits in the same order, so it says nothing against the NIK; the card rejects it.
The NIK still needs the printed date and the header to confirm it: without them, or with any
digit of the other reading differing beyond the shift, nothing is filled."""
from __future__ import annotations

from dataclasses import replace

from idscan.crosscheck import check_nik
from idscan.vote import vote

from .test_birth_line import NIK, REGIONS, SERIAL_7
from .test_crosscheck_vote import TODAY, card

LABEL_TAKEN_IN = "1" + NIK[:-1]  # a stray 1 read first, the last digit lost
FIRST_LOST = NIK[1:] + "3"  # the first digit lost, a mark after the last read as a digit


def _vote(frames):
    # overrule=False: the vote as it runs on the capture's own readings (no RapidOCR date read).
    return vote(frames, [check_nik(f, REGIONS, TODAY) for f in frames], REGIONS, TODAY)[0]


def _rapid(nik, **kw):
    return replace(card(nik, **kw), second_opinion=True)


def test_a_shifted_second_reading_does_not_veto_a_nik_the_printed_date_and_header_confirm():
    for shifted in (LABEL_TAKEN_IN, FIRST_LOST):
        assert check_nik(card(shifted), REGIONS, TODAY).status == "rejected"
        assert _vote([card(NIK), card(NIK), _rapid(shifted)]) == NIK, shifted


def test_rapidocrs_right_reading_fills_beside_its_shifted_one_where_tesseract_read_only_the_print():
    # Still run 8's shape: Tesseract read the date, sex and header on each crop but no NIK line;
    # RapidOCR read the sharpest crop's NIK line right and, on another cut, shifted.
    tess = [card(None) for _ in range(3)]
    assert _vote([*tess, _rapid(LABEL_TAKEN_IN), _rapid(NIK)]) == NIK


def test_without_the_printed_date_the_shifted_reading_still_vetoes():
    # The header alone checks digits 1-4: the rest would rest on one recogniser.
    tess = [card(NIK, birth=None) for _ in range(2)]
    assert _vote([*tess, _rapid(LABEL_TAKEN_IN, birth=None)]) is None


def test_a_printed_date_that_rejects_the_nik_fills_nothing():
    tess = [card(NIK, birth=(5, 6, 1970)) for _ in range(3)]
    assert _vote([*tess, _rapid(LABEL_TAKEN_IN, birth=(5, 6, 1970))]) is None


def test_a_shifted_reading_that_differs_at_another_digit_too_still_vetoes():
    # Shifted and a serial digit read otherwise: nothing on the card says which serial is right.
    other = "1" + (NIK[:13] + "8" + NIK[14:])[:-1]
    assert check_nik(card(other), REGIONS, TODAY).status == "rejected"
    assert _vote([card(NIK), card(NIK), _rapid(other)]) is None
    assert _vote([card(NIK), card(NIK), _rapid(SERIAL_7)]) is None
