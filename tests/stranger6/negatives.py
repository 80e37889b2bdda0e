"""Frames with no KTP in them: another card held up as a KTP would be, a paper, an empty desk (plain
or a tablecloth)."""
from __future__ import annotations

import cv2
import numpy as np

from tests.stranger6 import backgrounds
from tests.stranger6.card import HEIGHT, WIDTH
from tests.stranger6.conditions import CARD_CORNERS, SIZES, _paste, _project, pose
from tests.stranger6.others import KINDS as CARD_KINDS, other_card
from tests.stranger6.scene import Scene

KINDS = (*CARD_KINDS, "paper", "empty_desk", "empty_tablecloth")


def _paper(rng: np.random.Generator) -> np.ndarray:
    """A printed page's top (a letter, a form): lines of dark text bars on white."""
    h, w = round(WIDTH * 1.1), round(WIDTH * 1.414 * 1.1)
    page = np.ones((h, w, 3), np.float32) * rng.uniform(225, 250)
    y = 40
    while y < h - 30:
        x = 40
        while x < w - 60:
            word = int(rng.integers(15, 90))
            cv2.rectangle(page, (x, y), (min(x + word, w - 40), y + 12), (40, 40, 40), -1)
            x += word + 14
        y += int(rng.integers(26, 40))
    return page


def negative(kind: str, key: list[int]) -> Scene:
    rng = np.random.default_rng(key)
    p = pose("plain", rng)
    w, h = SIZES[p.size]
    frame = (backgrounds.tablecloth if kind == "empty_tablecloth" else backgrounds.desk)(rng, w, h)
    if kind in CARD_KINDS:
        img, mask = other_card(kind, rng)
        corners = _project(p, w, h, CARD_CORNERS, np.zeros(3))[:4]
        _paste(frame, img.astype(np.float32), mask.astype(np.float32) / 255,
               cv2.getPerspectiveTransform(CARD_CORNERS, corners).astype(np.float64))
    elif kind == "paper":
        page = _paper(rng)
        ph, pw = page.shape[:2]
        src = np.float32([[0, 0], [pw, 0], [pw, ph], [0, ph]])
        corners = _project(p, w, h, CARD_CORNERS, np.zeros(3))[:4]
        # the page larger than a card, around where a card would be
        c = corners.mean(axis=0)
        big = c + (corners - c) * np.float32([pw / WIDTH, ph / HEIGHT]).mean() * 1.2
        _paste(frame, page, np.ones((ph, pw), np.float32), cv2.getPerspectiveTransform(src, big).astype(np.float64))
    frame *= backgrounds.lighting(rng, w, h)
    frame = cv2.GaussianBlur(frame, (0, 0), max(p.blur, 0.3))
    frame += rng.normal(0, p.noise, frame.shape).astype(np.float32)
    out = np.clip(frame, 0, 255).astype(np.uint8)
    ok, data = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, p.jpeg])
    return Scene(cv2.imdecode(data, cv2.IMREAD_COLOR), (kind, p.size), p.blur, False, None)
