"""The third generator's dev and test splits: who is on the card, how it is printed, which camera
sees it under which condition, and the desks with no KTP on them.

The test split holds out a body font (FreeSans) and a NIK font (FreeSans Bold) the dev split never
draws; tune on dev only. A case draws the same frames for the same seed; frame i of a case is the
same card a moment later (the pose shaken by a pixel or two, fresh noise) for the steady-run vote."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import cv2
import numpy as np

from tests.stranger3.card import Look, draw_card
from tests.stranger3.people import Person, make_person
from tests.stranger3.scene import (PHONE, SCAN, WEBCAM, Scene, blur_of, clutter, desk, fingers_behind, finish, glare,
                                   other_card, pose, put_card, room, text_block, thumb)


@dataclass(frozen=True)
class Split:
    name: str
    seed: int
    bodies: tuple[str, ...]
    nik_fonts: tuple[str, ...]


SPLITS = {
    "dev": Split("dev", 318_001, ("liberation", "dejavu-condensed", "noto", "liberation-narrow"),
                 ("liberation-bold", "dejavu-bold", "ocra", "noto-bold")),
    "test": Split("test", 318_777, ("liberation", "noto", "freesans"), ("liberation-bold", "ocra", "freesans-bold")),
}
ONLY_IN_TEST = {"body:freesans", "nik:freesans-bold"}
CAMERAS = ("webcam", "phone", "scan")
WEBCAM_CONDITIONS = ("plain", "thumb", "glare", "low_light", "small", "soft", "motion", "tilt", "cast")
PHONE_CONDITIONS = ("plain", "shadow", "flash", "tilt", "thumb")
CONDITIONS = (*CAMERAS, "plain", "thumb", "glare", "low_light", "small", "soft", "motion", "tilt", "cast", "shadow",
              "flash", "worn")
NEGATIVE_KINDS = ("bank_card", "sim", "badge", "papers", "phone", "empty", "edge_clutter")


@dataclass
class Case:
    split: Split
    index: int
    person: Person = field(init=False)
    look: Look = field(init=False)
    camera: str = field(init=False)
    condition: str = field(init=False)

    def __post_init__(self) -> None:
        rng = np.random.default_rng([self.split.seed, self.index])
        self.person = make_person(rng)
        self.look = Look(body=str(rng.choice(self.split.bodies)), nik_font=str(rng.choice(self.split.nik_fonts)),
                         photo_ground=str(rng.choice(["red", "blue"])), worn=bool(rng.random() < 0.25))
        r = rng.random()
        self.camera = "webcam" if r < 0.5 else "phone" if r < 0.8 else "scan"
        self.condition = (str(rng.choice(WEBCAM_CONDITIONS)) if self.camera == "webcam" else
                          str(rng.choice(PHONE_CONDITIONS)) if self.camera == "phone" else "plain")
        self._card_seed = int(rng.integers(0, 2**31))
        self._pose_seed = int(rng.integers(0, 2**31))

    @property
    def name(self) -> str:
        return self.person.name

    @cached_property
    def card(self) -> np.ndarray:
        """The card as printed, RGB, 12 px/mm."""
        return draw_card(self.person, self.look, np.random.default_rng(self._card_seed))

    @property
    def tags(self) -> tuple[str, ...]:
        t = [self.camera, self.condition, f"body:{self.look.body}", f"nik:{self.look.nik_font}",
             f"photo:{self.look.photo_ground}"]
        return tuple(t + (["worn"] if self.look.worn else []))

    def frame(self, i: int = 0, *, steady: bool = True) -> Scene:
        base = np.random.default_rng(self._pose_seed)   # the same pose, background and light for every i
        now = np.random.default_rng([self._pose_seed, i])  # what changes from frame to frame
        return {"webcam": self._webcam, "phone": self._phone, "scan": self._scan}[self.camera](base, now)

    # --- the three cameras ---
    def _card_in(self, bg, base, now, width, turn, jitter, held, shade):
        """The card posed in the frame (rotation and perspective as turn), shaken by jitter pixels from
        frame to frame, held by fingers behind it or lying on the desk, a thumb over it if the condition says."""
        h, w = bg.shape[:2]
        quad = pose(base, (w, h), width, *turn)
        quad = quad + now.normal(0, jitter, quad.shape)
        if held:
            fingers_behind(bg, quad, base)
        img = put_card(bg, self.card, quad, shade=0.0 if held else shade)
        if self.condition == "thumb":
            thumb(img, quad, base)
        return img, quad

    def _webcam(self, base, now) -> Scene:
        c = self.condition
        size = WEBCAM
        held = base.random() < 0.55
        bg = room(base, size) if held else desk(base, size)
        if not held and base.random() < 0.6:
            clutter(bg, base, edge_only=True)
        width = base.uniform(0.26, 0.33) if c == "small" else base.uniform(0.34, 0.6)
        img, quad = self._card_in(bg, base, now, width, (35, 0.1) if c == "tilt" else (10, 0.03), 1.2, held, 0.35)
        if c == "glare":
            glare(img, quad, base, base.uniform(90, 170))
        soft = base.uniform(0.45, 0.6) if c == "soft" else base.uniform(0.6, 0.9)
        sigma = base.uniform(0.9, 1.6) if c == "soft" else base.uniform(0.4, 1.0)
        motion = int(base.integers(5, 12)) if c == "motion" else 0
        low = c == "low_light"
        cast = np.array([1.0, 1.0, 1.0]) + (base.normal(0, 0.12, 3) if c == "cast" else base.normal(0, 0.03, 3))
        # auto-exposure: a dark room is lifted by gain, which lifts the noise with it
        light = base.uniform(0.3, 0.45) if low else base.uniform(0.8, 1.1)
        img = img * light
        gain = min(2.8, 0.85 / light) if low else base.uniform(0.95, 1.15)
        frame = finish(img, now, soft=soft, sigma=sigma, noise=(base.uniform(5, 9) if low else base.uniform(2, 5)),
                       gain=gain, cast=cast, motion=motion, jpeg=int(base.integers(70, 92)))
        return Scene(frame, self.tags + (("held",) if held else ("on_desk",)), blur_of(soft, sigma, motion),
                     tuple(map(tuple, quad)), True)

    def _phone(self, base, now) -> Scene:
        c = self.condition
        size = PHONE
        held = c == "thumb" or base.random() < 0.3
        bg = room(base, size) if held else desk(base, size)
        if not held:
            clutter(bg, base)
        width = base.uniform(0.45, 0.8)
        img, quad = self._card_in(bg, base, now, width, (30, 0.12) if c == "tilt" else (8, 0.05), 1.5, held, 0.4)
        if c == "shadow":  # the phone's own shadow: a soft dark band over part of the card
            h, w = img.shape[:2]
            m = np.zeros((h, w), np.float32)
            x0 = int(base.uniform(0.2, 0.7) * w)
            cv2_poly = np.array([(x0, 0), (x0 + int(w * 0.35), 0), (x0 + int(w * 0.25), h), (x0 - int(w * 0.1), h)], np.int32)
            cv2.fillConvexPoly(m, cv2_poly, 1.0)
            m = cv2.GaussianBlur(m, (0, 0), 25)[..., None]
            img = img * (1 - base.uniform(0.35, 0.6) * m)
        if c == "flash":
            h, w = img.shape[:2]
            yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
            cx, cy = quad.mean(0) + base.normal(0, 60, 2)
            img = img + 200 * np.exp(-(((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * base.uniform(40, 90) ** 2)))[..., None]
        sigma = base.uniform(0.3, 0.8)
        cast = np.array([1.0, 1.0, 1.0]) + base.normal(0, 0.04, 3)
        frame = finish(img, now, soft=1.0, sigma=sigma, noise=base.uniform(1.5, 4), gain=base.uniform(0.95, 1.1),
                       cast=cast, motion=0, jpeg=int(base.integers(50, 86)), sharpen=base.uniform(0.3, 0.8))
        return Scene(frame, self.tags + (("held",) if held else ("on_desk",)), blur_of(1.0, sigma, 0),
                     tuple(map(tuple, quad)), True)

    def _scan(self, base, now) -> Scene:
        w, h = SCAN
        bg = np.ones((h, w, 3), np.float32) * base.uniform(232, 250)
        bg += base.normal(0, 1.5, (h, w, 1))
        dpi = base.uniform(200, 300)
        width = 85.6 / 25.4 * dpi / w
        quad = pose(base, (w, h), width, 2.5, 0.0, margin=0.01)
        # laid against the glass's top-left corner, a few mm off it
        quad = quad - quad.min(0) + base.uniform(8, 60, 2)
        quad = quad + now.normal(0, 0.3, quad.shape)
        img = put_card(bg, self.card, quad, shade=0.08)
        for _ in range(int(base.integers(5, 25))):  # dust
            p = base.integers(0, [w, h])
            img[p[1]:p[1] + 2, p[0]:p[0] + 2] = base.uniform(30, 120)
        sigma = base.uniform(0.4, 0.8)
        frame = finish(img, now, soft=1.0, sigma=sigma, noise=1.2, gain=1.0, cast=np.array([1.02, 1.0, 0.98]),
                       motion=0, jpeg=int(base.integers(85, 96)))
        return Scene(frame, self.tags, blur_of(1.0, sigma, 0), tuple(map(tuple, quad)), True)


def cases(split: Split, n: int, start: int = 0) -> list[Case]:
    return [Case(split, start + i) for i in range(n)]


def webcam_cases(split: Split, n: int, start: int) -> list[Case]:
    """The first n webcam cases from start on: the kiosk's steady runs are seen by its webcam."""
    out, i = [], start
    while len(out) < n:
        c = Case(split, i)
        if c.camera == "webcam":
            out.append(c)
        i += 1
    return out


def negatives(split: Split, n: int) -> list[Scene]:
    """Webcam frames of desks and hands with no KTP: other cards, papers, phones, clutter at the edge."""
    out = []
    for i in range(n):
        rng = np.random.default_rng([split.seed, 90_000 + i])
        kind = NEGATIVE_KINDS[i % len(NEGATIVE_KINDS)]
        bg = desk(rng, WEBCAM) if rng.random() < 0.7 else room(rng, WEBCAM)
        if kind in ("bank_card", "sim", "badge"):
            quad = pose(rng, WEBCAM, rng.uniform(0.3, 0.55), 15, 0.04)
            img = put_card(bg, other_card(kind, rng), quad, shade=0.3)
        else:
            img = bg
            if kind == "papers":
                clutter(img, rng)
                cv2.rectangle(img, (300, 120), (900, 700), (242, 242, 238), -1)
                text_block(img, (300, 120, 900, 700), rng, 35)
            elif kind == "phone":
                x0, y0 = int(rng.uniform(300, 800)), int(rng.uniform(100, 300))
                cv2.rectangle(img, (x0, y0), (x0 + 170, y0 + 340), (15, 15, 18), -1)
                cv2.rectangle(img, (x0 + 8, y0 + 20), (x0 + 162, y0 + 320), (70, 90, 130), -1)
            elif kind == "edge_clutter":
                clutter(img, rng, edge_only=True)
        frame = finish(img, rng, soft=rng.uniform(0.6, 0.9), sigma=rng.uniform(0.4, 1.0), noise=rng.uniform(2, 5),
                       gain=1.0, cast=np.array([1.0, 1.0, 1.0]) + rng.normal(0, 0.03, 3), motion=0,
                       jpeg=int(rng.integers(70, 92)))
        out.append(Scene(frame, (kind,), 0.0, (), False))
    return out
