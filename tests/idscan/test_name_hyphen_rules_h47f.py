"""The hyphen's ink at the edges mutmut's first run of idscan/name_hyphen.py found untested (h47f).

docs/idscan.md, Run 46a: a hyphen read as a space is put back only where the model's odds (>= 0.05) and the
ink agree, "how much darker the middle of the text band is than its top and bottom where the gap between
the two words shows them clearest"; a word space shows paper there, or, on a blurred row, one grey. A row
without such a band (blank paper, one grey, a hairline) shows no hyphen whatever the odds.
"""
from __future__ import annotations

import numpy as np

from idscan.name_hyphen import stroke_lift, with_seen_hyphens

READ = "WIDYA NINGSIH"
COLS = [2 + 3 * i for i in range(len(READ))]
ODDS = [0.5] * (len(READ) - 1)


def test_a_blank_row_shows_no_hyphen_whatever_the_odds():
    row = np.full((48, 400), 255, np.uint8)
    assert stroke_lift(row, COLS[4], COLS[6]) == 0.0
    assert with_seen_hyphens(row, READ, COLS, ODDS) == READ


def test_a_row_of_one_grey_shows_no_hyphen():
    row = np.full((48, 400), 128, np.uint8)
    assert stroke_lift(row, COLS[4], COLS[6]) == 0.0
    assert with_seen_hyphens(row, READ, COLS, ODDS) == READ


def test_a_hairline_across_the_row_is_no_text_band_and_no_hyphen():
    row = np.full((48, 400), 255, np.uint8)
    row[24:27, :] = 0  # three lines of ink: a rule, not letters
    assert stroke_lift(row, COLS[4], COLS[6]) == 0.0
    assert with_seen_hyphens(row, READ, COLS, ODDS) == READ


# Run 46a's rule on the synthetic rows of tests/idscan/test_name_hyphen.py: "a hyphen in place of each space
# between two letters where the model gave the hyphen HYPHEN_SEEN (0.05) or more" at either of the space's two
# gaps, "and the row shows a stroke at mid height there".

def _hyphen_row(printed):
    from .test_name_hyphen import _row
    return _row(printed)


def _odds(text, at):
    return [at.get(i, 0.0001) for i in range(len(text) - 1)]


def test_the_odds_at_either_gap_of_the_space_count_and_exactly_0_05_is_enough():
    row, cols = _hyphen_row("WIDYA-NINGSIH")
    for gap in (4, 5):
        assert with_seen_hyphens(row, READ, cols, _odds(READ, {gap: 0.1})) == "WIDYA-NINGSIH"
        assert with_seen_hyphens(row, READ, cols, _odds(READ, {gap: 0.05})) == "WIDYA-NINGSIH"


def test_a_space_after_the_first_letter_or_before_the_last_is_between_two_letters_too():
    for printed in ("M-NUR", "NUR-A"):
        row, cols = _hyphen_row(printed)
        read = printed.replace("-", " ")
        assert with_seen_hyphens(row, read, cols, [0.2] * (len(read) - 1)) == printed


def test_a_space_beside_a_digit_on_either_side_stays_a_space():
    for printed in ("AB1-CD", "AB-1CD"):
        row, cols = _hyphen_row(printed)
        read = printed.replace("-", " ")
        assert with_seen_hyphens(row, read, cols, [0.2] * (len(read) - 1)) == read
