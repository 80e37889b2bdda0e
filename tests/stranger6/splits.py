"""The sixth generator's splits and cases: a dev split to look at, and a test split with the
wallet_window condition and the Liberation Sans Narrow font held out of dev. One condition per card
in turn, the fonts in turn on a slower beat; a case's frame(i) is frame i of a steady run."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from tests.stranger6.card import Card, draw_card
from tests.stranger6.conditions import CONDITIONS, Pose, compose, pose
from tests.stranger6.negatives import KINDS, negative
from tests.stranger6.people import Person, person
from tests.stranger6.scene import Scene

ALL_CONDITIONS = CONDITIONS
NEGATIVE_KINDS = KINDS
HELD_OUT_CONDITION, HELD_OUT_FONT = "wallet_window", "liberation_narrow"
ONLY_IN_TEST = {HELD_OUT_CONDITION, f"font:{HELD_OUT_FONT}"}


@dataclass(frozen=True)
class Split:
    name: str
    seed: int
    fonts: tuple[str, ...]
    conditions: tuple[str, ...]


DEV_FONTS = ("liberation", "freesans", "noto", "dejavu_cond")
SPLITS = {
    "dev": Split("dev", 6060606, DEV_FONTS, tuple(c for c in CONDITIONS if c != HELD_OUT_CONDITION)),
    "test": Split("test", 6868686, (*DEV_FONTS, HELD_OUT_FONT), CONDITIONS),
}


@dataclass
class Case:
    index: int
    seed: int
    font: str
    condition: str
    person: Person = field(init=False)

    def __post_init__(self):
        self.person = person(np.random.default_rng([self.seed, self.index, 0]))

    @property
    def name(self) -> str:
        return self.person.name

    @cached_property
    def card(self) -> Card:
        return draw_card(self.person, self.font, np.random.default_rng([self.seed, self.index, 1]))

    @cached_property
    def pose(self) -> Pose:
        return pose(self.condition, np.random.default_rng([self.seed, self.index, 2]))

    def frame(self, i: int) -> Scene:
        scene = compose(self.condition, self.card, self.pose, i, [self.seed, self.index])
        return Scene(scene.frame, (*scene.tags, f"font:{self.font}"), scene.blur, scene.in_frame, scene.corners)


def cases(split: Split, n: int, start: int = 0) -> list[Case]:
    """n cases from index start: the split's conditions in turn, its fonts in turn on a slower beat
    so each font meets every condition."""
    k = len(split.conditions)
    return [Case(i, split.seed, split.fonts[(i % k + i // k) % len(split.fonts)], split.conditions[i % k])
            for i in range(start, start + n)]


def negatives(split: Split, n: int) -> list[Scene]:
    return [negative(KINDS[i % len(KINDS)], [split.seed, 90_000 + i]) for i in range(n)]
