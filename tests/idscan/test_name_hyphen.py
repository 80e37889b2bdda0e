"""A KTP prints a name in capitals and a double name with its hyphen (WIDYA-NINGSIH, FATHUR-RAHMAN);
the name is filled as printed (issue 10: "long names with apostrophes and hyphens").

On a soft row the names model writes the pale hyphen as a word space, sure of every letter, so a
name was filled "WIDYA NINGSIH". Its output still gives the hyphen real odds at that space, and the
row shows a stroke at mid height between the words where a word space shows paper. Where both
hold the hyphen is put back; a word space the model doubted alone, or a stroke the model gave no
odds, stays a space (docs/idscan.md, Run 46a)."""
from __future__ import annotations

import cv2
import numpy as np
import pytest

import idscan.name_hyphen as name_hyphen
import idscan.rapid as rapid
from bench.transport import kiosk_frame
from idscan import read_cards, scan_frame
from idscan.name_hyphen import HYPHEN_SEEN, with_seen_hyphens
from idscan.rapid import _KeepMarkOdds
from lpsedesk.nik import regions
from tests.synthetic.splits import SPLITS, cases

needs_names_model = pytest.mark.skipif(not rapid.rapidocr_available(), reason="the names model reads the row")
FONT = cv2.FONT_HERSHEY_DUPLEX


def _row(printed: str, hyphen_grey: int = 150, blur: float = 1.6) -> tuple[np.ndarray, list[int]]:
    """A 48 px high grey name row with `printed` in black capitals and its hyphens paler
    (`hyphen_grey`), softened; and each character's column as the names model gives it (the
    output step, name_hyphen.STRIDE px of the row each)."""
    row = np.full((48, 40 + 22 * len(printed)), 255, np.uint8)
    x, cols = 12, []
    for ch in printed:
        (w, _h), _b = cv2.getTextSize(ch, FONT, 1.0, 2)
        if ch != " ":
            cv2.putText(row, ch, (x, 36), FONT, 1.0, hyphen_grey if ch == "-" else 0, 2, cv2.LINE_AA)
        cols.append(round((x + w / 2 - name_hyphen.STRIDE / 2) / name_hyphen.STRIDE))
        x += w + 2
    return cv2.GaussianBlur(row, (0, 0), blur), cols


def _odds(text: str, at: dict[int, float]) -> list[float]:
    """The hyphen's probability between each two characters of `text`: `at` by gap index, the rest
    at the level the model gives a gap without one."""
    return [at.get(i, 0.0001) for i in range(len(text) - 1)]


def test_a_pale_hyphen_the_model_read_as_a_space_is_put_back():
    row, cols = _row("WIDYA-NINGSIH")
    read = "WIDYA NINGSIH"
    assert with_seen_hyphens(row, read, cols, _odds(read, {4: 0.1, 5: 0.1})) == "WIDYA-NINGSIH"


def test_a_word_space_stays_a_space_whatever_the_odds():
    # A blurred word space once got the hyphen 0.077 (stranger6 dev 44): the row shows paper there.
    row, cols = _row("RATNA SAPUTRA")
    read = "RATNA SAPUTRA"
    assert with_seen_hyphens(row, read, cols, _odds(read, {4: 0.3, 5: 0.3})) == read


def test_a_hyphen_the_model_gave_no_odds_is_not_guessed_from_the_ink():
    row, cols = _row("FATHUR-RAHMAN")
    read = "FATHUR RAHMAN"
    assert with_seen_hyphens(row, read, cols, _odds(read, {5: HYPHEN_SEEN / 2, 6: HYPHEN_SEEN / 2})) == read


def test_only_the_space_with_the_odds_and_the_stroke_changes():
    row, cols = _row("SITI NUR-AINI")
    read = "SITI NUR AINI"
    got = with_seen_hyphens(row, read, cols, _odds(read, {3: 0.2, 4: 0.2, 7: 0.12, 8: 0.12}))
    assert got == "SITI NUR-AINI"


def test_no_hyphen_beside_a_digit_or_at_the_row_s_ends():
    row, cols = _row("SALATIGA 12 05")
    read = "SALATIGA 12 05"
    assert with_seen_hyphens(row, read, cols, [0.9] * (len(read) - 1)) == read


def test_switched_off_the_space_stays(monkeypatch):
    monkeypatch.setattr(name_hyphen, "ON", False)
    row, cols = _row("WIDYA-NINGSIH")
    read = "WIDYA NINGSIH"
    assert with_seen_hyphens(row, read, cols, _odds(read, {4: 0.1, 5: 0.1})) == read


def test_the_decoder_wrapper_hands_the_hyphen_s_odds_after_the_apostrophe_s():
    chars = ["blank", "A", "N", "'", "-"]

    class Decode:
        character = chars

        def __call__(self, preds, return_word_box=False, **kw):
            return [("AN", 0.9, ["box"])]

    preds = np.zeros((1, 3, 5), np.float32)
    preds[0, 0, 1], preds[0, 2, 2] = 0.9, 0.9  # A, blank, N
    preds[0, 1, 0], preds[0, 1, 3], preds[0, 1, 4] = 0.8, 0.05, 0.15  # the blank step between them
    out = _KeepMarkOdds(Decode(), 3, 4)(preds, True)
    assert out == [("AN", 0.9, ["box"], pytest.approx([0.05]), pytest.approx([0.15]))]


@needs_names_model
def test_a_soft_card_s_hyphen_is_read_where_the_model_wrote_a_space(monkeypatch):
    # Our dev card 42 as the kiosk sends it: the names model read "... WIDYA NINGSIH" (hyphen 0.10
    # at the space). The name stays unfilled (a letter of NINGSIH doubted), but the names model's
    # reading of the row has the printed hyphen.
    case = cases(SPLITS["dev"], 43)[42]
    crop = scan_frame(kiosk_frame(case.frame(0).frame, 1280)).crop
    read, own = [], rapid.read_names

    def spy(lines):
        out = own(lines)
        read.extend(text for text, _conf in out)
        return out

    monkeypatch.setattr(rapid, "read_names", spy)
    read_cards([crop], regions=regions())
    assert case.person.name == "GOTEPRUBUT NGABEHI WIDYA-NINGSIH"
    assert case.person.name in read
