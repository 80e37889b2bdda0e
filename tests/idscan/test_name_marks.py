"""Issue 10 asks the engine to read "long names with apostrophes and hyphens". On a soft row the
names model (PP-OCRv6 small) writes JUM'AT as "JUMAT" and MA'RUF as "MA RUF": the mark is too
faint to win its column of the model's output, though the model still gives it some probability
there. Where that probability between two letters reaches rapid.MARK_SEEN the apostrophe is put
back; between letters the model saw no mark, the name stays as read (docs/idscan.md, Run 15c)."""
from __future__ import annotations

import numpy as np
import pytest

import idscan.rapid as rapid
from idscan.rapid import _KeepMarkOdds, _mark_odds, with_seen_marks

SURE = [0.99]


def _odds(text: str, marks: dict[int, float]) -> list[float]:
    """The apostrophe's probability between each two characters of `text`: `marks` by gap index."""
    return [marks.get(i, 0.0002) for i in range(len(text) - 1)]


def test_an_apostrophe_the_model_saw_between_two_letters_is_put_back():
    text = "JUMAT"
    got, confs, cols = with_seen_marks(text, SURE * 5, [0, 3, 6, 9, 12], _odds(text, {2: 0.03}))
    assert got == "JUM'AT"
    assert len(confs) == len(cols) == len(got)


def test_a_space_the_model_wrote_for_an_apostrophe_becomes_the_apostrophe():
    text = "MA RUF ROPO"
    got, _confs, _cols = with_seen_marks(text, SURE * len(text), [], _odds(text, {1: 0.09, 2: 0.09}))
    assert got == "MA'RUF ROPO"


def test_word_spaces_and_letters_without_a_seen_mark_stay_as_read():
    text = "SITI NUR AINI"
    got, _confs, _cols = with_seen_marks(text, SURE * len(text), [], _odds(text, {}))
    assert got == text


def test_a_mark_below_the_threshold_is_not_put_in():
    text = "JUMAT"
    # Under MARK_SEEN and under the fainter MARK_FAINT a lone place needs (Run 44n).
    got, _c, _w = with_seen_marks(text, SURE * 5, [], _odds(text, {2: rapid.MARK_FAINT / 2}))
    assert got == text


def test_no_apostrophe_next_to_a_digit_or_at_a_space_beside_one():
    text = "SALATIGA, 12-05-1980"
    got, _c, _w = with_seen_marks(text, SURE * len(text), [], [0.5] * (len(text) - 1))
    # Between letters only: a place name may gain marks, the date's digits never.
    assert got.endswith(", 12-05-1980")


def test_switched_off_the_reading_is_unchanged(monkeypatch):
    monkeypatch.setattr(rapid, "SEEN_MARKS", False)
    text = "JUMAT"
    assert with_seen_marks(text, SURE * 5, [], _odds(text, {2: 0.5}))[0] == text


def test_the_odds_are_taken_between_the_characters_greedy_decoding_writes():
    # Steps: J, blank, U, U (a repeat, one character), blank (the mark's faint step), M.
    best = np.array([1, 0, 2, 2, 0, 3])
    mark = np.array([0.0, 0.0, 0.001, 0.0, 0.2, 0.0])
    assert _mark_odds(best, mark) == pytest.approx([0.001, 0.2])


def test_the_decoder_wrapper_hands_the_odds_with_each_reading():
    chars = ["blank", "J", "U", "'"]

    class Decode:
        character = chars

        def __call__(self, preds, return_word_box=False, **kw):
            return [("JU", 0.9, ["box"])]

    preds = np.zeros((1, 3, 4), np.float32)
    preds[0, :, 1:3] = [[0.9, 0.0], [0.0, 0.0], [0.0, 0.9]]  # J, blank, U
    preds[0, 1, 0], preds[0, 1, 3] = 0.7, 0.3  # the blank step between them: the mark at 0.3
    out = _KeepMarkOdds(Decode(), 3)(preds, True)
    assert out == [("JU", 0.9, ["box"], pytest.approx([0.3]))]
