"""The stranger set's splits: cards (a person, a look, a pose) and the frames a webcam sees.

dev tunes; test measures, and prints some cards in ways dev never draws (a body font, a NIK font
and the "spaced" layout), so a fix keyed to dev's look shows up as a gap between the two.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from tests.stranger import camera
from tests.stranger.card import Look, draw
from tests.stranger.people import Person, person


@dataclass(frozen=True)
class Split:
    name: str
    seed: int
    bodies: tuple[str, ...]
    nik_fonts: tuple[str, ...]
    layouts: tuple[str, ...]


SPLITS = {
    "dev": Split("dev", 2718, ("liberation", "dejavu", "free"),
                 ("ocra", "dejavu-mono-bold", "liberation-mono-bold"), ("classic",)),
    "test": Split("test", 16180, ("liberation", "dejavu", "free", "noto-display"),
                  ("ocra", "dejavu-mono-bold", "liberation-mono-bold", "free-mono-bold"), ("classic", "spaced")),
}
ONLY_IN_TEST = {"body:noto-display", "nik:free-mono-bold", "layout:spaced"}


@dataclass
class Scene:
    frame: np.ndarray  # BGR 1280 x 720
    quad: tuple[tuple[float, float], ...]
    blur: float
    tags: tuple[str, ...]


@dataclass
class Case:
    split: Split
    index: int
    person: Person = field(init=False)
    look: Look = field(init=False)
    pose: camera.Pose = field(init=False)

    def __post_init__(self) -> None:
        rng = self._rng("card")
        self.person = person(rng)
        self.look = Look(body=rng.choice(self.split.bodies), nik_font=rng.choice(self.split.nik_fonts),
                         layout=rng.choice(self.split.layouts), ink=rng.randint(0, 45),
                         tint=(rng.randint(178, 205), rng.randint(218, 236), rng.randint(232, 248)))
        condition = camera.CONDITIONS[self.index % len(camera.CONDITIONS)]
        self.pose = camera.pose(self._rng("pose"), condition)

    def _rng(self, what: str, *more: int) -> random.Random:
        return random.Random(f"{self.split.seed}:{self.index}:{what}:{':'.join(map(str, more))}")

    @cached_property
    def _drawn(self) -> tuple[np.ndarray, str]:
        return draw(self.person, self.look, self._rng("ink"))

    @property
    def name(self) -> str:
        """The name as printed on the card (a long one is cut where the photo starts)."""
        return self._drawn[1]

    @property
    def tags(self) -> tuple[str, ...]:
        """The scene's recorded conditions: camera condition, fonts, layout, clutter."""
        extra = (f"clutter:{self.pose.clutter}",) if self.pose.clutter else ()
        return (self.pose.condition, f"body:{self.look.body}", f"nik:{self.look.nik_font}",
                f"layout:{self.look.layout}", *extra)

    def frame(self, i: int = 0) -> Scene:
        """Frame i of a steady run of this pose (0 is the pose itself)."""
        rng = self._rng("frame", i)
        p = self.pose if i == 0 else camera.shaken(self.pose, rng)
        return Scene(camera.render(self._drawn[0], p, rng), p.quad, p.blur, self.tags)


def cases(split: Split, n: int, start: int = 0) -> list[Case]:
    """n cards; steady runs take theirs from start=10_000 so they are other people's cards."""
    return [Case(split, start + i) for i in range(n)]


def negatives(split: Split, n: int) -> list[Scene]:
    """Frames with no card: an empty desk, or a phone, a sheet of paper or a pen on it."""
    out = []
    for i in range(n):
        rng = random.Random(f"{split.seed}:neg:{i}")
        kind = ("desk", "phone", "paper", "pen")[i % 4]
        p = camera.pose(rng, "clutter")
        # The "card" is pushed off-frame so only the desk and the object remain.
        far = tuple((x + 5000, y) for x, y in p.quad)
        from dataclasses import replace
        p = replace(p, quad=far, clutter=None if kind == "desk" else kind)
        blank = np.zeros((8, 8, 3), np.uint8)
        out.append(Scene(camera.render(blank, p, rng), p.quad, p.blur, (kind,)))
    return out
