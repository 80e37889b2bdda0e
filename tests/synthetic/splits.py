"""The dev split (tune on it) and the held-out test split (report it, never tune on it).

The test split has its own seed and draws from every font family, including three that the dev
split never draws (styles.HELD_OUT_FONTS): a reading that only works on the fonts it was tuned on
shows up in the per-font table of bench/idscan.py.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .ktp import render_ktp
from .people import Person, make_varied_person
from .styles import DEV_FONTS, HELD_OUT_FONTS, CardStyle, random_style
from .webcam import NEGATIVE_DESKS, Scene, card_scene, draw_conditions, hold_at, HoldFrame, negative_desk


@dataclass(frozen=True)
class Split:
    name: str
    seed: int
    fonts: tuple[str, ...]


DEV = Split("dev", 1010, DEV_FONTS)
TEST = Split("test", 73313, DEV_FONTS + HELD_OUT_FONTS)
SPLITS = {"dev": DEV, "test": TEST}
# A steady run's hold: "still" (the scene drawn once; the benches' runs before Run 25s) or "moving"
# (the hand moves as a real one does: webcam.hold_at). Both are drawn from the same cards and seeds.
HOLDS = ("still", "moving")


@dataclass
class Case:
    person: Person
    style: CardStyle
    conditions: dict
    card: np.ndarray

    def frame(self, index: int = 0, jitter: float = 1.2, hold: str = "still") -> Scene:
        """Frame `index` of a steady run: the same pose with a pixel of hand shake and fresh noise;
        in a moving hold the hand moves too (frame 0 is the same in both)."""
        if index == 0:
            return card_scene(self.card, self.conditions)
        return card_scene(self.card, self.conditions, jitter=jitter, frame_seed=self.conditions["seed"] + 7919 * index,
                          hold=hold_at(self.conditions, index) if hold == "moving" else HoldFrame())


def cases(split: Split, n: int, offset: int = 0) -> list[Case]:
    """Cards number offset..offset+n-1 of the split (the same numbers always give the same cards)."""
    out = []
    for i in range(offset, offset + n):
        rng = np.random.default_rng([split.seed, i])
        person = make_varied_person(rng)
        style = random_style(rng, split.fonts)
        out.append(Case(person, style, draw_conditions(rng), render_ktp(person, rng, style)))
    return out


def negatives(split: Split, n: int) -> list[Scene]:
    return [negative_desk(NEGATIVE_DESKS[i % len(NEGATIVE_DESKS)], np.random.default_rng([split.seed, 10**6 + i]))
            for i in range(n)]
