"""A name's first letter paler than the rest is kept whole in the names model's image of the row
(issue 10: "name exact >= 85 %"; a name filled wrong is worse than an empty one).

The name row is cut where the cleaned card's ink begins, with a margin. On a worn or soft card the
first letter of the name is paler than the letters after it, so the cleaned card's ink begins at
the second letter and the margin ends inside the first one: the names model is shown half a T or
half a J, reads "ARAYEN GUSE" for TARAYEN GUSE sure of every letter, and the name is filled wrong.
The card shows where the letter ends: on the gentle grey the half letter is darker than the paper
up to the gap before it. The image's left edge is moved into that gap, never across a gap (the
colon before the name stays out) (docs/idscan.md, Run 47b)."""
from __future__ import annotations

import numpy as np
import pytest

import idscan.name_line as name_line
from idscan.lines import TextLine

from .test_name_faint_marks import _dev_card, needs_names_model  # a stranger4 dev card as the kiosk sends it, read

PAPER, PALE, DARK = 245, 170, 60


def _row(marks: dict[tuple[int, int], int]) -> tuple[np.ndarray, TextLine]:
    """A gentle grey 40 x 200 with a row at y 10-30; `marks`: (x0, x1) column spans and their grey."""
    img = np.full((40, 200), PAPER, np.uint8)
    for (a, b), grey in marks.items():
        img[12:28, a:b] = grey
    return img, TextLine(10, 30, 20, 190, value_x0=None)


def test_a_margin_ending_inside_a_pale_first_letter_moves_to_the_gap_before_it():
    # the colon's dots at 40-44, paper, a pale first letter at 60-70, the dark second letter from 73
    img, line = _row({(40, 44): PALE, (60, 70): PALE, (73, 83): DARK})
    # the margin (8 px) before the dark letter's start (73) would end at 65, inside the pale letter
    assert name_line.clear_start(img, line, 73) == 59 + name_line.MARGIN


def test_a_margin_ending_on_paper_stays():
    img, line = _row({(60, 70): DARK})
    assert name_line.clear_start(img, line, 60) == 60


def test_the_edge_never_crosses_a_gap_to_the_colon():
    # ink without a gap up to the colon for longer than a letter: nothing is moved
    img, line = _row({(30, 72): PALE, (73, 83): DARK})
    assert name_line.clear_start(img, line, 73) == 73


def test_switched_off_the_start_stays(monkeypatch):
    monkeypatch.setattr(name_line, "CLEAR_START", False)
    img, line = _row({(60, 70): PALE, (73, 83): DARK})
    assert name_line.clear_start(img, line, 73) == 73


@needs_names_model
@pytest.mark.parametrize("index, printed", [(24, "JINUK JAHOH"), (77, "SYA'SANG NITANGENG")])
def test_a_name_whose_first_letter_is_pale_is_filled_with_it(index, printed):
    # Before, both were filled without their first letter ("INUK JAHOH", "YA'SANG NITANGENG").
    case, reading = _dev_card(index)
    assert case.name == printed
    assert reading.name == printed
    assert reading.nik in (case.person.nik, None)


@needs_names_model
def test_a_first_letter_too_pale_to_read_leaves_the_name_empty_not_wrong():
    # TARAYEN GUSE: its T's bar is nearly paper even on the gentle grey; shown the whole letter,
    # the model reads an I and doubts it. Before, "ARAYEN GUSE" was filled.
    case, reading = _dev_card(12)
    assert case.name == "TARAYEN GUSE"
    assert reading.name in ("TARAYEN GUSE", None)
    assert reading.nik in (case.person.nik, None)
