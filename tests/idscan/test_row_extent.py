"""Issue 10 (Run 44t): a row's ends and its label's end, found on drawn ink bands, and the name vote's
similarity kept per pair of readings - the same answers as before, at less CPU."""
from __future__ import annotations

from difflib import SequenceMatcher

import numpy as np

from idscan import fields
from idscan.lines import _after_colon, _extent
from idscan.name_vote import vote_names

SPAN_END = 600  # the text columns' end (lines.TEXT_SPAN of an 810 px card)


def band(*runs: tuple[int, int], width: int = 810, height: int = 24) -> np.ndarray:
    """A row's ink mask (0/1, as lines.ink_mask gives it) inked over the given column runs."""
    out = np.zeros((height, width), np.uint8)
    for a, b in runs:
        out[6:18, a:b] = 1
    return out


def test_a_field_row_stops_at_the_gap_before_the_photo():
    # "Nama : SITI AMINAH" to x 420, then the photo box's frame from x 640 on.
    row = band((20, 90), (200, 205), (230, 300), (310, 420), (640, 650))
    assert _extent(row, SPAN_END) == (20, 420)


def test_a_header_runs_across_the_card_through_gaps_in_its_first_half():
    # "PROVINSI   JAWA TENGAH": a wide gap before the middle of the text columns does not end it.
    row = band((20, 150), (250, 400), (440, 700))
    assert _extent(row, SPAN_END) == (20, 700)


def test_ink_at_the_crop_s_very_edge_and_a_row_of_specks_are_not_text():
    assert _extent(band((0, 4), (30, 200)), SPAN_END) == (30, 200)  # columns 0-3: the desk beyond the edge
    assert _extent(band((100, 105)), SPAN_END) is None  # five inked columns: a speck, not a row


def test_the_value_starts_after_the_label_s_wide_gap():
    # "Nama" (x 20-90), a gap of 110 px (wider than 1.2 x the row's 24 px), ":" and the value.
    row = band((20, 40), (44, 66), (70, 90), (200, 205), (230, 300), (310, 420))
    assert _after_colon(row, 20, 420) == 200


def test_a_row_without_a_label_gap_has_no_value_column():
    # letters 4 px apart and words 20 px apart (narrower than 1.2 x 24): one value, no label.
    row = band((20, 60), (64, 100), (120, 200), (220, 300))
    assert _after_colon(row, 20, 300) is None
    assert _after_colon(band((20, 60)), 20, 60) is None


def test_a_gap_past_the_row_s_middle_is_no_label_s_end():
    row = band((20, 100), (110, 200), (300, 400))  # the widest gap starts at 300, past 55 % of 20-400
    assert _after_colon(row, 20, 400) is None


def test_similarity_is_difflib_s_ratio_and_kept_per_pair():
    fields.similar.cache_clear()
    pairs = [("SITI AMINAH", "SITI AMlNAH"), ("KABUPATEN", "KABLPATEN"), ("", ""), ("KOTA", "")]
    for a, b in pairs * 2:
        assert fields.similar(a, b) == SequenceMatcher(None, a, b).ratio()
    assert fields.similar.cache_info().hits == len(pairs)


def test_the_name_vote_still_takes_the_most_central_reading():
    assert vote_names(["SITI AMlNAH", "SITI AMINAH", "5ITI AMINAM"], ["SITI AMINAH"]) == "SITI AMINAH"
