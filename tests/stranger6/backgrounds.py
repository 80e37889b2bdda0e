"""What lies behind the card: a desk (wood, grey laminate, a counter) with a little clutter, or a
busy patterned tablecloth (batik-like circles, checks, stripes), lit unevenly."""
from __future__ import annotations

import cv2
import numpy as np


def desk(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    kind = int(rng.integers(0, 3))
    if kind == 0:  # wood grain
        base = np.array([60, 100, 150], np.float32) + rng.normal(0, 12, 3)
        grain = np.sin((y + 14 * np.sin(x / rng.uniform(60, 140))) / rng.uniform(3, 7))
        img = base + grain[..., None] * 12
    elif kind == 1:  # grey laminate
        img = np.ones((h, w, 3), np.float32) * (rng.uniform(110, 190) + rng.normal(0, 4, 3))
    else:  # a dark counter
        img = np.ones((h, w, 3), np.float32) * (rng.uniform(30, 70) + rng.normal(0, 5, 3))
    img += rng.normal(0, 3, (h, w, 1)).astype(np.float32)
    for _ in range(int(rng.integers(0, 4))):  # clutter near the edges: a pen, a sheet, a keyboard
        cx = float(rng.choice([rng.uniform(0, 0.15), rng.uniform(0.85, 1)])) * w
        cy = rng.uniform(0, 1) * h
        size = rng.uniform(0.05, 0.25) * w
        box = cv2.boxPoints(((cx, cy), (size, size * rng.uniform(0.05, 0.7)), rng.uniform(0, 180)))
        cv2.fillConvexPoly(img, box.astype(np.int32), tuple(float(c) for c in rng.uniform(20, 240, 3)))
    return img


def tablecloth(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    """A busy high-contrast pattern: what a warung's or a home's table often has."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    colours = rng.uniform(20, 250, (3, 3)).astype(np.float32)
    kind = int(rng.integers(0, 3))
    p = rng.uniform(18, 60) * w / 1280
    if kind == 0:  # checks
        sel = ((x // p + y // p) % 2).astype(int)
    elif kind == 1:  # stripes at an angle
        a = rng.uniform(0, np.pi)
        sel = (((np.cos(a) * x + np.sin(a) * y) // p) % 3).astype(int)
    else:  # batik-like rings
        r = np.hypot((x % (3 * p)) - 1.5 * p, (y % (3 * p)) - 1.5 * p)
        sel = ((r // (p / 3)) % 3).astype(int)
    img = colours[sel]
    for _ in range(int(rng.integers(20, 60))):  # flowers or dots on top
        cv2.circle(img, (int(rng.integers(0, w)), int(rng.integers(0, h))), int(rng.uniform(0.2, 0.8) * p),
                   tuple(float(c) for c in rng.uniform(0, 255, 3)), -1)
    return img


def lighting(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    """A gain per pixel: a lamp off to one side and the lens's vignette."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    lx, ly = rng.uniform(-0.3, 1.3) * w, rng.uniform(-0.3, 1.3) * h
    lamp = 1 - rng.uniform(0.1, 0.35) * np.hypot(x - lx, y - ly) / np.hypot(w, h)
    vignette = 1 - 0.25 * (((x - w / 2) / w) ** 2 + ((y - h / 2) / h) ** 2) * 2
    return (lamp * vignette * rng.uniform(0.8, 1.15))[..., None] * (1 + rng.normal(0, 0.04, 3)).astype(np.float32)
