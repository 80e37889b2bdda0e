"""The fifth generator's splits and cases: a dev split to look at, and a test split with the bubble
condition and the Noto Sans Display font held out of dev. One condition per card in turn; a case's
frame(i) is frame i of a steady run (the same hold, a small drift, fresh noise)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from tests.stranger5.card import draw_card
from tests.stranger5.conditions import CONDITIONS, compose, pose
from tests.stranger5.negatives import KINDS, negative
from tests.stranger5.people import Person, person
from tests.stranger5.scene import Scene

ALL_CONDITIONS = CONDITIONS
NEGATIVE_KINDS = KINDS
ONLY_IN_TEST = {"bubble", "font:noto_display"}


@dataclass(frozen=True)
class Split:
    name: str
    seed: int
    fonts: tuple[str, ...]
    conditions: tuple[str, ...]


DEV_FONTS = ("dejavu_cond", "dejavu", "freesans")
SPLITS = {
    "dev": Split("dev", 5050505, DEV_FONTS, tuple(c for c in CONDITIONS if c != "bubble")),
    "test": Split("test", 5858585, (*DEV_FONTS, "noto_display"), CONDITIONS),
}


@dataclass
class Case:
    index: int
    seed: int
    font: str
    condition: str
    person: Person = field(init=False)
    tilt_at: int | None = None  # overhead: the visitor tilts the card from this frame on (conditions.tilted_spot)

    def __post_init__(self):
        self.person = person(np.random.default_rng([self.seed, self.index, 0]))

    @property
    def name(self) -> str:
        return self.person.name

    @cached_property
    def _card(self):
        return draw_card(self.person, self.font, np.random.default_rng([self.seed, self.index, 1]))

    @cached_property
    def _pose(self):
        return pose(self.condition, np.random.default_rng([self.seed, self.index, 2]))

    def frame(self, i: int) -> Scene:
        card, mask = self._card
        scene = compose(self.condition, card, mask, self._pose, i, [self.seed, self.index], self.tilt_at)
        return Scene(scene.frame, (*scene.tags, f"font:{self.font}"), scene.blur, scene.in_frame)


def cases(split: Split, n: int, start: int = 0) -> list[Case]:
    """n cases from index start: the split's conditions in turn, its fonts in turn on a slower beat
    so each font meets every condition."""
    k = len(split.conditions)
    return [Case(i, split.seed, split.fonts[(i % k + i // k) % len(split.fonts)], split.conditions[i % k])
            for i in range(start, start + n)]


def tilted_cases(split: Split, n: int, start: int, tilt_at: int) -> list[Case]:
    """n cards lying on the desk under the lamp (overhead) whose visitor tilts the card from frame
    tilt_at on, as the kiosk's "glare" asks (Run 35h); the split's fonts in turn."""
    return [Case(i, split.seed, split.fonts[i % len(split.fonts)], "overhead", tilt_at)
            for i in range(start, start + n)]


def negatives(split: Split, n: int) -> list[Scene]:
    return [negative(KINDS[i % len(KINDS)], [split.seed, 90_000 + i]) for i in range(n)]
