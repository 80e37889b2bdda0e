"""The fourth generator's dev and test splits: who is on the card, how it is printed, how the webcam
sees it under which condition, and the scenes with no KTP.

The test split has its own seed and holds out a condition (the card in a clear plastic sleeve), a
body font (Noto Sans) and a NIK font (Liberation Sans Narrow Bold) that dev never draws; tune on dev
only. A case draws the same frames for the same seed; frame i of a case is the same hold a moment
later (a hand drifting a pixel or two a frame, auto-exposure hunting, fresh noise and JPEG)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from tests.stranger4.card import Look, draw_card
from tests.stranger4.people import Person, make_person
from tests.stranger4.scene import FRAME, Scene, bank_card, blur_of, fingers, pose, put, room, sim_card, sleeve, webcam


@dataclass(frozen=True)
class Split:
    name: str
    seed: int
    bodies: tuple[str, ...]
    nik_fonts: tuple[str, ...]
    conditions: tuple[str, ...]


CONDITIONS = ("plain", "jpeg_heavy", "upside_down", "portrait", "partly_out", "second_card", "worn", "exposure",
              "white_balance")
SPLITS = {
    "dev": Split("dev", 4_040_404, ("liberation", "freesans", "narrow"), ("liberation-bold", "freesans-bold",
                                                                          "dejavu-bold"), CONDITIONS),
    "test": Split("test", 4_747_474, ("liberation", "freesans", "noto"), ("liberation-bold", "freesans-bold",
                                                                          "narrow-bold"), (*CONDITIONS, "sleeve")),
}
ONLY_IN_TEST = {"sleeve", "body:noto", "nik:narrow-bold"}
ALL_CONDITIONS = (*CONDITIONS, "sleeve")
NEGATIVE_KINDS = ("bank_card", "sim", "bank_and_sim", "empty", "hand")


@dataclass
class Case:
    split: Split
    index: int
    person: Person = field(init=False)
    look: Look = field(init=False)
    condition: str = field(init=False)

    def __post_init__(self) -> None:
        rng = np.random.default_rng([self.split.seed, self.index])
        self.person = make_person(rng)
        self.condition = str(self.split.conditions[self.index % len(self.split.conditions)])
        self.look = Look(body=str(rng.choice(self.split.bodies)), nik_font=str(rng.choice(self.split.nik_fonts)),
                         photo_ground=str(rng.choice(["red", "blue"])), worn=self.condition == "worn")
        self._card_seed = int(rng.integers(0, 2**31))
        self._pose_seed = int(rng.integers(0, 2**31))

    @property
    def name(self) -> str:
        return self.person.name

    @cached_property
    def card(self) -> np.ndarray:
        return draw_card(self.person, self.look, np.random.default_rng(self._card_seed))

    @property
    def tags(self) -> tuple[str, ...]:
        return (self.condition, f"body:{self.look.body}", f"nik:{self.look.nik_font}", f"photo:{self.look.photo_ground}")

    def frame(self, i: int = 0) -> Scene:
        base = np.random.default_rng(self._pose_seed)       # the pose, room and light of the whole run
        now = np.random.default_rng([self._pose_seed, i])   # what changes from frame to frame
        c, w, h = self.condition, *FRAME
        held = base.random() < 0.6
        bg = room(base)
        roll = base.normal(0, 4)
        width = base.uniform(0.36, 0.6)
        centre = None
        if c == "upside_down":
            roll += 180
        elif c == "portrait":
            roll += 90 if base.random() < 0.5 else -90
            width = base.uniform(0.36, 0.46)
        elif c == "second_card":
            width = base.uniform(0.32, 0.42)
            left = base.random() < 0.5
            centre = np.array([w * (0.3 if left else 0.7), h * base.uniform(0.42, 0.58)])
            other = bank_card(base) if base.random() < 0.5 else sim_card(base)
            oq = pose(base, base.uniform(0.3, 0.4), base.normal(0, 8), 10,
                      np.array([w * (0.74 if left else 0.26), h * base.uniform(0.4, 0.6)]))
            bg = put(bg, other, oq)
        quad = pose(base, width, roll, 14, centre)
        in_frame = True
        if c == "partly_out":  # slid off one edge by a tenth to a quarter of the card
            span = quad.max(0) - quad.min(0)
            side = int(base.integers(0, 4))
            out = base.uniform(0.1, 0.25)
            shift = {0: (-quad.min(0)[0] - out * span[0], 0), 1: (w - quad.max(0)[0] + out * span[0], 0),
                     2: (0, -quad.min(0)[1] - out * span[1]), 3: (0, h - quad.max(0)[1] + out * span[1])}[side]
            quad = quad + np.float32(shift)
            in_frame = False
        drift = base.normal(0, 0.8, 2)   # the hand drifts a little each frame, and shakes
        quad = quad + np.float32(drift * i + now.normal(0, 1.0, 2)) + now.normal(0, 0.3, quad.shape).astype(np.float32)
        img = put(bg, self.card.astype(np.float32), quad, shade=0.0 if held else 0.35)
        if held:
            fingers(img, quad, base)
        if c == "sleeve":
            img = sleeve(img, quad, base)
        sensor = base.uniform(0.5, 0.62) if c == "jpeg_heavy" else base.uniform(0.6, 0.9)
        lens = base.uniform(0.5, 1.0)
        gain = base.uniform(0.92, 1.08)
        noise = base.uniform(1.5, 4)
        if c == "exposure":  # auto-exposure set for the room: a pale card clipped, or a dim one lifted
            gain = base.uniform(1.35, 1.7) if base.random() < 0.5 else base.uniform(0.45, 0.65)
            noise *= 1.0 if gain > 1 else 1.8
        gain *= 1 + 0.03 * now.normal()   # auto-exposure hunting from frame to frame
        balance = np.array([1.0, 1.0, 1.0]) + base.normal(0, 0.03, 3)
        if c == "white_balance":
            balance = np.array([[1.2, 1.0, 0.75], [0.8, 1.0, 1.2], [0.92, 1.08, 0.88]][int(base.integers(0, 3))])
        frame = webcam(img, now, sensor=sensor, lens=lens, gain=gain, balance=balance,
                       sharpen=base.uniform(1.2, 2.0) if c == "jpeg_heavy" else base.uniform(0.3, 1.0),
                       quality=int(base.integers(20, 36)) if c == "jpeg_heavy" else int(base.integers(55, 86)),
                       noise=noise)
        tags = self.tags + (("held",) if held else ("on_desk",))
        return Scene(frame, tags, blur_of(lens, sensor), tuple(map(tuple, quad.tolist())), in_frame)


def cases(split: Split, n: int, start: int = 0) -> list[Case]:
    return [Case(split, start + i) for i in range(n)]


def negatives(split: Split, n: int) -> list[Scene]:
    """Webcam frames with no KTP: a bank card, a driving licence, both, an empty room, a bare hand."""
    out = []
    w, h = FRAME
    for i in range(n):
        rng = np.random.default_rng([split.seed, 90_000 + i])
        kind = NEGATIVE_KINDS[i % len(NEGATIVE_KINDS)]
        img = room(rng)
        if kind in ("bank_card", "sim"):
            q = pose(rng, rng.uniform(0.36, 0.6), rng.normal(0, 5), 14)
            img = put(img, bank_card(rng) if kind == "bank_card" else sim_card(rng), q)
            fingers(img, q, rng)
        elif kind == "bank_and_sim":
            img = put(img, bank_card(rng), pose(rng, 0.35, rng.normal(0, 6), 10, np.array([w * 0.28, h * 0.5])))
            img = put(img, sim_card(rng), pose(rng, 0.35, rng.normal(0, 6), 10, np.array([w * 0.72, h * 0.5])))
        elif kind == "hand":
            q = pose(rng, 0.4, 0, 5)
            fingers(img, q, rng)
        frame = webcam(img, rng, sensor=rng.uniform(0.6, 0.9), lens=rng.uniform(0.5, 1.0), gain=rng.uniform(0.9, 1.1),
                       balance=np.array([1.0, 1.0, 1.0]) + rng.normal(0, 0.03, 3), sharpen=rng.uniform(0.3, 1.0),
                       quality=int(rng.integers(55, 86)), noise=rng.uniform(1.5, 4))
        out.append(Scene(frame, (kind,), 0.0, (), False))
    return out
