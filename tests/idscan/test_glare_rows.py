"""Issue 10, "Find the text, don't assume where it is" on cards "with a laminate glare band": a
glare band adds light over part of the card, and its ink, still darker than its surroundings,
came out grey on the card-wide scale. The name line under it was not found and the line below
the NIK taken as the name was the address (dev run 9: 2 of 48 wrong voted names, more cut short).
The lifted image adds the first row missed under a found one; every other line is cut as before."""
from __future__ import annotations

import numpy as np

from idscan import lines as lines_mod
from idscan.lines import TextLine, merge_faint_rows
from idscan.reader import card_lines, card_rows
from tests.synthetic import make_person, render_ktp
from tests.synthetic.styles import CardStyle, DEV_FONTS


def _card(seed: int = 5) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return render_ktp(make_person(rng), rng, CardStyle(family=DEV_FONTS[0]))


def _glare(card: np.ndarray, rows: list[TextLine], strength: float = 0.62) -> np.ndarray:
    """A band of added light over the rows from the name (the 4th) down to the sex line."""
    out = card.astype(np.float32)
    y0, y1 = rows[3].y0 - 4, rows[5].y1 + 4
    out[y0:y1] = out[y0:y1] * (1 - strength) + 255 * strength
    return out.astype(np.uint8)


def _overlaps(a: TextLine, b: TextLine) -> bool:
    return min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5 * min(a.height, b.height)


def test_the_name_line_under_a_glare_band_is_found_under_the_nik():
    card = _card()
    plain = [r for r, _f in card_rows(card)[0]]
    name = plain[3]
    glared = _glare(card, plain)
    monkey_off = lines_mod.GLARE_LIFT
    try:
        lines_mod.GLARE_LIFT = False
        before = [r for r, _f in card_rows(glared)[0]]
    finally:
        lines_mod.GLARE_LIFT = monkey_off
    assert not any(_overlaps(r, name) for r in before), "the card-wide scale loses the washed-out name"
    rows = card_rows(glared)[0]
    found = [(r, faint) for r, faint in rows if _overlaps(r, name)]
    assert found and found[0][1], "found on the lifted image"
    # It is the row right under the NIK: the name, not the address, follows the NIK line.
    assert rows.index(found[0]) == 3


def test_only_the_name_row_is_added_not_the_birth_or_sex_rows_below_it():
    card = _card()
    plain = [r for r, _f in card_rows(card)[0]]
    rows = card_rows(_glare(card, plain))[0]
    assert sum(faint for _r, faint in rows) == 1, "a washed-out, misread date must not contradict a right NIK"


def test_a_card_without_glare_is_cut_exactly_as_without_the_lift(monkeypatch):
    card = _card(9)
    with_lift = card_lines(card)
    monkeypatch.setattr(lines_mod, "GLARE_LIFT", False)
    without = card_lines(card)
    assert len(with_lift) == len(without)
    for (a, la, sa), (b, lb, sb) in zip(with_lift, without):
        assert la == lb and np.array_equal(a, b) and np.array_equal(sa, sb)


def test_a_faint_row_overlapping_a_found_one_or_outside_the_found_rows_is_not_added():
    nik, address = TextLine(100, 130, 20, 540), TextLine(260, 280, 20, 420)
    inside = TextLine(170, 190, 20, 400)
    overlapping, above = TextLine(110, 128, 20, 560), TextLine(40, 60, 200, 540)
    rows = merge_faint_rows([nik, address], [above, overlapping, inside, TextLine(210, 230, 20, 400)], 856, 7)
    assert rows == [(nik, False), (inside, True), (address, False)]
