"""Issue 10, names on cards "with a laminate glare band": a band of light over the right part of
the name row washes its last words grey, and the row was cut where the band began, so the card
read "ANDI LATUC" for ANDI LATUCONSINA NUR-HAYATI (stranger dev, run 17b). The name is read whole;
Tesseract's cut, the birth line's and a card without glare stay as they were."""
from __future__ import annotations


import numpy as np
import pytest

from idscan import name_line
from idscan.lines import TextLine
from idscan.reader import card_lines, card_rows, read_card
from idscan.rapid import rapidocr_available
from tests.idscan.glared_name import NAME, lighten, long_name_card as _card

def _glare(card: np.ndarray, strength: float = 0.7) -> np.ndarray:
    """Light added over the right part of the name row and the row under it, from the middle of
    the name on (the NIK above it is left clear)."""
    return lighten(card, lambda name: name.x0 + int(0.55 * (name.x1 - name.x0)), None, strength)


def test_the_name_row_under_a_glare_band_is_cut_short_but_read_to_its_end():
    card = _card()
    plain = [r for r, _f in card_rows(card)[0]]
    glared = _glare(card)
    cut = [r for r, _f in card_rows(glared)[0]]
    assert cut[3].x1 < plain[3].x1 - 100, "the row's extent stops where the band begins"
    lines = card_lines(glared)
    wide = lines[3].wide
    assert wide is not None and wide.shape[1] > 1.5 * lines[3][2].shape[1]
    # Tesseract's image of the row stays the row's own extent (its sheet, the NIK's, unchanged).
    assert np.array_equal(lines[3][0], card_lines(glared)[3][0])


@pytest.mark.skipif(not rapidocr_available(), reason="rapidocr-onnxruntime not installed")
def test_the_whole_name_is_read_from_under_the_glare_band(monkeypatch):
    glared = _glare(_card())
    assert read_card(glared, "both").name == NAME
    monkeypatch.setattr(name_line, "WASHED", False)
    assert read_card(glared, "both").name != NAME, "without the wide cut the name is cut short"


def test_a_card_without_glare_gets_no_wide_cut():
    assert all(getattr(cut, "wide", None) is None for cut in card_lines(_card()))


def test_ink_past_the_text_columns_is_not_read_as_the_name():
    # A pale-paper row whose only dark pixels right of its end are the photo box's frame.
    gentle = np.full((60, 856), 240, np.uint8)
    row = TextLine(20, 40, 40, 300)
    gentle[10:50, int(856 * name_line.WASHED_RIGHT) + 4:int(856 * name_line.WASHED_RIGHT) + 8] = 40
    assert name_line.washed_end(gentle, row) is None
    # Grey letters (a glare band's) right after the row: the cut reaches their end.
    for x in range(310, 420, 12):
        gentle[22:38, x:x + 6] = 150
    assert name_line.washed_end(gentle, row) == pytest.approx(420, abs=8)
    # A speck is not letters.
    speck = np.full((60, 856), 240, np.uint8)
    speck[25:28, 320:323] = 60
    assert name_line.washed_end(speck, row) is None
