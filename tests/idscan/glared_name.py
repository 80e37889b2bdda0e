"""A synthetic card with a long printed name, and light laid over part of its name row, for the
tests of names under a glare band (test_name_under_glare.py: the band over the name's end;
test_names_voted_and_washed.py: over its start)."""
from __future__ import annotations

import dataclasses

import numpy as np

from idscan.reader import card_rows
from tests.synthetic import make_person, render_ktp
from tests.synthetic.styles import CardStyle, DEV_FONTS

NAME = "SUTRISNO WIBOWO HADIKUSUMO"  # as printed on long_name_card()


def long_name_card() -> np.ndarray:
    rng = np.random.default_rng(5)
    person = dataclasses.replace(make_person(rng), name=NAME)
    return render_ktp(person, rng, CardStyle(family=DEV_FONTS[0]))


def lighten(card: np.ndarray, x0, x1, strength: float = 0.7) -> np.ndarray:
    """Light added over columns x0:x1 of the name row and the row under it (the NIK above is left
    clear). x0 and x1 are functions of the clean card's name row (a TextLine); x1 None: to the edge."""
    rows = [r for r, _f in card_rows(card)[0]]
    name, below = rows[3], rows[4]
    a, b = x0(name), (x1(name) if x1 else None)
    out = card.astype(np.float32)
    out[name.y0 - 4:below.y1 + 4, a:b] = out[name.y0 - 4:below.y1 + 4, a:b] * (1 - strength) + 255 * strength
    return out.astype(np.uint8)
