"""A finger over some of the NIK's birth digits (issue 10, Run 22k): the printed birth date shows
what digits 7-12 must be, but the NIK is not pieced together from it. The date is one of the two
checks the card offers; digits taken from it can no longer be checked by it, and a thumb's edge
reads as a digit that is not there (dev: 3 of 7 NIKs so assembled were wrong). "A wrong NIK filled
in silently is worse than an empty field": the visitor is asked to move the finger, and what a
frame with the digits hidden reads is left to the visitor."""
from __future__ import annotations

import cv2
import numpy as np
import pytest

from idscan import read_cards
from idscan.finger import finger_on_nik
from idscan.reader import available_engines, card_rows
from lpsedesk.nik import regions
from tests.synthetic import make_person, render_ktp
from tests.synthetic.styles import CardStyle, DEV_FONTS

pytestmark = pytest.mark.skipif("both" not in available_engines(), reason="needs Tesseract and RapidOCR")

SKIN = (80, 115, 170)  # medium brown, BGR


def _card(seed: int = 22):
    rng = np.random.default_rng(seed)
    person = make_person(rng)
    return person, render_ktp(person, rng, CardStyle(family=DEV_FONTS[0]))


def _thumb_over_birth_digits(card: np.ndarray) -> np.ndarray:
    """A thumb from the card's top edge, its tip just below the NIK row, over the middle of the
    NIK's sixteen digits (digits 7-12 are the birth date)."""
    nik = [r for r, _f in card_rows(card)[0]][2]
    start = nik.value_x0 if nik.value_x0 is not None else nik.x0
    x = int(start + 0.55 * (nik.x1 - start))
    out = card.copy()
    cv2.ellipse(out, (x, 0), (30, nik.y1 + 12), 0, 0, 360, SKIN, -1, cv2.LINE_AA)
    return out


def test_the_clear_card_fills_its_nik():
    person, card = _card()
    assert read_cards([card], "both", regions()).nik == person.nik


def test_a_thumb_over_the_birth_digits_is_told_and_its_nik_left_to_the_visitor():
    person, card = _card()
    thumbed = _thumb_over_birth_digits(card)
    assert finger_on_nik(thumbed)
    reading = read_cards([thumbed], "both", regions())
    assert reading.nik is None
    assert "nik" not in reading.read_from_card
