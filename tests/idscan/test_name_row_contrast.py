"""The name row handed to the recogniser with its own greys spread to black and white (issue 10,
docs/idscan.md Run 14t): on a dim or soft card the name's ink is grey on grey paper, and its thin
strokes (an I between two capitals) vanish in the narrow band of greys the row spans."""
from __future__ import annotations

import numpy as np
import pytest

import idscan.rapid as rapid


def _dim_row() -> np.ndarray:
    """A row of a dim card: paper at grey 200, a letter's stem at 120, its thin stroke at 170."""
    row = np.full((48, 200), 200, np.uint8)
    row[8:40, 20:30] = 120  # a bold stem
    row[8:40, 40:42] = 170  # a thin stroke, nearer the paper than the ink
    return row


def test_a_dim_rows_ink_becomes_black_and_its_paper_white():
    out = rapid.stretched(_dim_row())
    assert out[20, 25] == 0  # the darkest ink
    assert out[2, 100] == 255  # the paper
    # The thin stroke stands apart from the paper by far more grey levels than before.
    assert int(out[2, 100]) - int(out[20, 41]) > 2 * (200 - 170)


def test_a_blank_row_is_left_as_it_is():
    blank = np.full((48, 200), 231, np.uint8)
    assert rapid.stretched(blank) is blank


class _Seen:
    """Stands in for the newer recogniser: keeps the images it was given."""

    def __init__(self):
        self.images = []

    def text_rec(self, images, _word_boxes=False):
        self.images += images
        # (text, score, word info): its columns per word at [2], its character scores at [4], as rapidocr gives.
        info = (None, None, [[2, 5, 8, 11]], None, [0.9, 0.9, 0.9, 0.9])
        return [("SITI", 0.9, info) for _ in images], 0.0


@pytest.fixture
def seen(monkeypatch):
    model = _Seen()
    monkeypatch.setattr(rapid, "_names_engine", lambda: model)
    return model


def test_read_names_hands_the_recogniser_the_stretched_row(seen):
    row = _dim_row()
    rapid.read_names([row])
    given = seen.images[0][:, :, 0]
    assert given[20, 25] == 0 and given[2, 100] == 255


def test_the_reading_is_remembered_by_the_row_given_not_only_by_its_copy(seen):
    # reader._recut_names asks chars_read(row) whether this row was read: it must not read it twice.
    row = _dim_row()
    rapid.read_names([row])
    got = rapid.chars_read(row)
    assert got is not None and got[0] == "SITI"


def test_measurement_switch_off_hands_the_row_unchanged(seen, monkeypatch):
    monkeypatch.setattr(rapid, "NAME_STRETCH", False)
    row = _dim_row()
    rapid.read_names([row])
    assert seen.images[0][20, 25, 0] == 120
