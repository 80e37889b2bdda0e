"""What the card may be shown in or as (an object image around the card): a photo of it on a phone's
screen, a photocopy on paper, a wallet's plastic window, or another card lying over or under it.
Each returns the object (BGR float32), its alpha (0..1) and A, the 3x3 map from object pixels to the
card's pixels (so the card's corners are A^-1 of the card's)."""
from __future__ import annotations

import cv2
import numpy as np

from tests.stranger6.card import HEIGHT, MM, WIDTH, Card


def _shift(ox: float, oy: float, scale: float = 1.0) -> np.ndarray:
    """Object pixel -> card pixel for a card drawn at (ox, oy) in the object, `scale` object px per card px."""
    return np.array([[1 / scale, 0, -ox / scale], [0, 1 / scale, -oy / scale], [0, 0, 1]], np.float64)


def rounded(h: int, w: int, r: int) -> np.ndarray:
    m = np.zeros((h, w), np.uint8)
    cv2.rectangle(m, (r, 0), (w - 1 - r, h - 1), 255, -1)
    cv2.rectangle(m, (0, r), (w - 1, h - 1 - r), 255, -1)
    for c in ((r, r), (w - 1 - r, r), (r, h - 1 - r), (w - 1 - r, h - 1 - r)):
        cv2.circle(m, c, r, 255, -1)
    return m.astype(np.float32) / 255


def plain(card: Card, rng: np.random.Generator):
    return card.image.astype(np.float32), card.mask.astype(np.float32) / 255, np.eye(3)


def phone(card: Card, rng: np.random.Generator):
    """A phone held landscape showing a photo of the card: black bezel, the photo a little soft and
    blue, a lifted black, a pixel grid that beats with the camera's (moire) and a glare patch."""
    # landscape, the card's photo fills most of the screen's height (a tall phone: 2:1 and wider)
    bez, sh = round(rng.uniform(0.04, 0.08) * WIDTH), round(HEIGHT / rng.uniform(0.85, 0.95))
    sw = round(sh / rng.uniform(0.45, 0.5))
    ow, oh = sw + 2 * bez + round(0.12 * WIDTH), sh + 2 * bez
    obj = np.zeros((oh, ow, 3), np.float32) + rng.uniform(5, 25)
    screen = np.zeros((sh, sw, 3), np.float32) + rng.choice([15.0, 235.0])  # the gallery's ground
    photo = cv2.GaussianBlur(card.image, (0, 0), rng.uniform(0.6, 1.4)).astype(np.float32)
    photo = photo * rng.uniform(0.85, 1.0) + np.array([18, 4, -6], np.float32)  # cooler, as screens show
    cx, cy = (sw - WIDTH) / 2, (sh - HEIGHT) / 2 * rng.uniform(0.3, 1.7)
    sx, sy = round(cx), round(cy)
    m = card.mask[..., None].astype(np.float32) / 255
    region = screen[sy:sy + HEIGHT, sx:sx + WIDTH]
    screen[sy:sy + HEIGHT, sx:sx + WIDTH] = region * (1 - m) + photo * m
    pitch = rng.uniform(2.6, 3.6)  # the screen's pixel grid at this object scale
    yy, xx = np.mgrid[0:sh, 0:sw].astype(np.float32)
    grid = 0.78 + 0.22 * (np.cos(2 * np.pi * xx / pitch) * np.cos(2 * np.pi * yy / pitch) > -0.2)
    screen = screen * grid[..., None] * rng.uniform(0.8, 1.0) + rng.uniform(10, 35)
    gx, gy = rng.uniform(0, sw), rng.uniform(0, sh)
    glare = np.exp(-(((xx - gx) / (0.35 * sw)) ** 2 + ((yy - gy) / (0.2 * sh)) ** 2))
    screen += glare[..., None] * rng.uniform(40, 140)
    x0 = bez + round(0.06 * WIDTH)
    obj[bez:bez + sh, x0:x0 + sw] = screen
    alpha = rounded(oh, ow, round(0.08 * oh))
    return obj, alpha, _shift(x0 + sx, bez + sy)


def photocopy(card: Card, rng: np.random.Generator):
    """A black-and-white copy on paper, cut out with a margin or a sheet held up: the blue ground
    comes out grey, the photo dark, the text thicker, toner specks, the card's edge a grey line."""
    grey = cv2.cvtColor(card.image, cv2.COLOR_BGR2GRAY).astype(np.float32)
    lo, hi = rng.uniform(20, 60), rng.uniform(170, 215)
    grey = np.clip((grey - 80) / (235 - 80), 0, 1) * (hi - lo) + lo
    grey = cv2.erode(grey, np.ones((2, 2), np.uint8)) if rng.random() < 0.5 else grey
    margin = round(rng.uniform(6, 30) * MM)
    ow, oh = WIDTH + 2 * margin, HEIGHT + 2 * margin
    paper = np.ones((oh, ow), np.float32) * rng.uniform(225, 250)
    paper[margin:margin + HEIGHT, margin:margin + WIDTH] = np.where(card.mask > 0, grey, paper[0, 0])
    cv2.rectangle(paper, (margin, margin), (margin + WIDTH - 1, margin + HEIGHT - 1), float(lo + 40), 2)
    specks = rng.random((oh, ow)) < rng.uniform(0.0005, 0.003)
    paper[specks] = rng.uniform(30, 90)
    paper += rng.normal(0, 4, paper.shape).astype(np.float32)
    obj = np.repeat(paper[..., None], 3, axis=2) + np.array([0, 3, 6], np.float32) * rng.random()
    return obj, np.ones((oh, ow), np.float32), _shift(margin, margin)


def wallet(card: Card, rng: np.random.Generator):
    """A card in a wallet's clear window: leather around (its edge may lie up to a millimetre over
    the card), a slight haze and a bright streak on the plastic."""
    side = round(rng.uniform(8, 16) * MM)
    ow, oh = WIDTH + 2 * side, HEIGHT + 2 * side
    leather = np.array([30, 55, 95], np.float32) * rng.uniform(0.4, 1.2)
    obj = np.ones((oh, ow, 3), np.float32) * leather + rng.normal(0, 7, (oh, ow, 1)).astype(np.float32)
    m = card.mask[..., None].astype(np.float32) / 255
    region = obj[side:side + HEIGHT, side:side + WIDTH]
    obj[side:side + HEIGHT, side:side + WIDTH] = region * (1 - m) + card.image.astype(np.float32) * m
    over = round(rng.uniform(-0.5, 1.0) * MM)  # the window's edge: over the card's edge or just outside
    win = np.zeros((oh, ow), np.float32)
    win[side + over:side + HEIGHT - over, side + over:side + WIDTH - over] = 1
    win = cv2.GaussianBlur(win, (0, 0), 1.5)
    haze = rng.uniform(0.06, 0.2)
    yy, xx = np.mgrid[0:oh, 0:ow].astype(np.float32)
    a = rng.uniform(0.3, 1.2)
    streak = np.exp(-(((xx * np.sin(a) - yy * np.cos(a)) - rng.uniform(0, ow)) / (0.05 * ow)) ** 2)
    plastic = obj * (1 - haze) + 235 * haze + streak[..., None] * rng.uniform(30, 110)
    obj = plastic * win[..., None] + leather * 0.9 * (1 - win[..., None])
    cv2.rectangle(obj, (side // 3, side // 3), (ow - side // 3, oh - side // 3), tuple(float(c) for c in leather * 1.4), 2)
    return obj, rounded(oh, ow, round(4 * MM)), _shift(side, side)


HOLDERS = {"phone_screen": phone, "photocopy": photocopy, "wallet_window": wallet}
