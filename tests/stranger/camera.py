"""A webcam looking down at a desk: the card placed with perspective, the desk's texture, light,
fingers, glare, a second object, then lens blur or motion, sensor noise and JPEG, at 1280 x 720.
A pose is drawn once; each frame of a steady run shakes it slightly and draws fresh noise.
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass, replace

import cv2
import numpy as np

FRAME_W, FRAME_H = 1280, 720
CONDITIONS = ("plain", "thumb", "glare", "low_light", "small", "soft", "motion", "clutter", "rotated", "colour_cast")


@dataclass(frozen=True)
class Pose:
    """Everything about one shot that stays still over a steady run."""
    condition: str
    quad: tuple[tuple[float, float], ...]  # card corners in the frame: TL, TR, BR, BL of the card
    desk: int  # seed of the desk texture
    desk_tone: tuple[int, int, int]
    light: tuple[float, float, float, float]  # gain, gradient x, gradient y, colour-cast strength
    cast: tuple[float, float, float]  # BGR multipliers
    blur: float  # lens blur sigma in frame pixels
    motion: int  # motion-blur length in px (0 none)
    motion_angle: float
    noise: float  # sensor noise sigma (grey levels)
    jpeg: int
    thumb: tuple[float, ...] | None  # edge position (0-1 along the edge), edge index, size
    glare: tuple[float, ...] | None  # centre u, v in card units, radius, strength
    clutter: str | None  # "phone", "paper", "pen"


def pose(rng: random.Random, condition: str) -> Pose:
    card_w = rng.uniform(460, 760) if condition != "small" else rng.uniform(300, 400)
    if condition == "rotated":
        card_w = min(card_w, 560)  # turned, a larger card would not fit in the frame's height
    angle = rng.uniform(-7, 7)
    if condition == "rotated":
        angle = rng.choice((-1, 1)) * rng.uniform(12, 28)
    card_h = card_w * 54 / 85.6
    diag = math.hypot(card_w, card_h) / 2
    margin = diag + 12
    cx = rng.uniform(margin, FRAME_W - margin) if FRAME_W > 2 * margin else FRAME_W / 2
    cy = rng.uniform(min(margin, FRAME_H / 2), max(FRAME_H - margin, FRAME_H / 2))
    # A pinhole webcam (focal length 0.6-1.0 frame widths: 53-80 degree lenses) looking at the
    # card tilted up to ~14 degrees away from square-on: the quad is a true projection of an
    # 85.6 x 54 mm rectangle, never an arbitrary four-cornered shape.
    f = rng.uniform(0.6, 1.0) * FRAME_W
    tilt_x, tilt_y = math.radians(rng.uniform(-14, 14)), math.radians(rng.uniform(-10, 10))
    a = math.radians(angle)
    rz = np.array(((math.cos(a), -math.sin(a), 0), (math.sin(a), math.cos(a), 0), (0, 0, 1)))
    rx = np.array(((1, 0, 0), (0, math.cos(tilt_x), -math.sin(tilt_x)), (0, math.sin(tilt_x), math.cos(tilt_x))))
    ry = np.array(((math.cos(tilt_y), 0, math.sin(tilt_y)), (0, 1, 0), (-math.sin(tilt_y), 0, math.cos(tilt_y))))
    rot = rx @ ry @ rz
    centre = np.array(((cx - FRAME_W / 2) * f / f, (cy - FRAME_H / 2) * f / f, f))  # at depth f, 1 unit = 1 px
    corners = []
    for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
        x, y, z = rot @ np.array((sx * card_w / 2, sy * card_h / 2, 0.0)) + centre
        corners.append((FRAME_W / 2 + f * x / z, FRAME_H / 2 + f * y / z))
    # The user keeps the whole card in view (the kiosk asks for that): slide it back in if the
    # tilt carried a corner out (a slide is a small camera pan, it keeps the projection true).
    q = np.array(corners)
    shift = np.maximum(10 - q.min(0), 0) - np.maximum(q.max(0) - (FRAME_W - 10, FRAME_H - 10), 0)
    corners = [tuple(c) for c in (q + shift).tolist()]
    gain = rng.uniform(0.85, 1.1)
    noise = rng.uniform(1.5, 4.5)
    if condition == "low_light":
        gain, noise = rng.uniform(0.35, 0.5), rng.uniform(5, 9)
    cast = (1.0, 1.0, 1.0)
    if condition == "colour_cast":
        warm = rng.random() < 0.6
        cast = (0.72, 0.92, 1.18) if warm else (1.2, 1.0, 0.8)
    blur = rng.uniform(0.3, 1.0)
    if condition == "soft":
        blur = rng.uniform(1.1, 1.5)
    motion = rng.randint(6, 12) if condition == "motion" else 0
    return Pose(
        condition=condition, quad=tuple(corners), desk=rng.randrange(1 << 30),
        desk_tone=rng.choice(((70, 100, 140), (120, 120, 120), (200, 200, 205), (40, 45, 50), (95, 130, 160))),
        light=(gain, rng.uniform(-0.25, 0.25), rng.uniform(-0.25, 0.25), 0.0), cast=cast, blur=blur,
        motion=motion, motion_angle=rng.uniform(0, 180), noise=noise, jpeg=rng.randint(55, 90),
        thumb=(rng.uniform(0.2, 0.8), rng.choice((0, 2, 3)), rng.uniform(0.09, 0.14)) if condition == "thumb" else None,
        glare=(rng.uniform(0.2, 0.8), rng.uniform(0.25, 0.8), rng.uniform(0.08, 0.16), rng.uniform(0.5, 0.9))
        if condition == "glare" else None,
        clutter=rng.choice(("phone", "paper", "pen")) if condition == "clutter" else None,
    )


def shaken(p: Pose, rng: random.Random) -> Pose:
    """The same pose a moment later: a hand holding still moves by a pixel or two."""
    dx, dy, da = rng.uniform(-2, 2), rng.uniform(-2, 2), math.radians(rng.uniform(-0.3, 0.3))
    cx = sum(x for x, _ in p.quad) / 4
    cy = sum(y for _, y in p.quad) / 4
    quad = tuple((cx + (x - cx) * math.cos(da) - (y - cy) * math.sin(da) + dx,
                  cy + (x - cx) * math.sin(da) + (y - cy) * math.cos(da) + dy) for x, y in p.quad)
    return replace(p, quad=quad, blur=max(0.2, p.blur + rng.uniform(-0.1, 0.1)))


def _desk(p: Pose) -> np.ndarray:
    r = np.random.default_rng(p.desk)
    small = r.normal(0, 1, (FRAME_H // 8, FRAME_W // 8)).astype(np.float32)
    grain = cv2.resize(small, (FRAME_W, FRAME_H), interpolation=cv2.INTER_CUBIC)
    streak = cv2.GaussianBlur(r.normal(0, 1, (FRAME_H, FRAME_W)).astype(np.float32), (0, 0), 30, 2)
    tex = 6 * grain + 60 * streak
    img = np.empty((FRAME_H, FRAME_W, 3), np.float32)
    for c in range(3):
        img[..., c] = p.desk_tone[c] + tex
    return img


def _clutter(img: np.ndarray, p: Pose, rng: random.Random) -> None:
    """A second object beside the card, where it does not cover it."""
    xs = [x for x, _ in p.quad]
    left = min(xs) > FRAME_W - max(xs)
    x0 = 20 if left else int(max(xs)) + 25
    x1 = int(min(xs)) - 25 if left else FRAME_W - 20
    if x1 - x0 < 60:
        x0, x1 = (x0, x0 + 60) if not left else (x1 - 60, x1)
    y0 = rng.randint(40, 200)
    if p.clutter == "phone":
        w = min(x1 - x0, 170)
        cv2.rectangle(img, (x0, y0), (x0 + w, y0 + int(w * 2)), (25, 25, 28), -1)
        cv2.rectangle(img, (x0 + 8, y0 + 16), (x0 + w - 8, y0 + int(w * 2) - 16), (70, 60, 55), -1)
    elif p.clutter == "paper":
        w = min(x1 - x0, 330)
        cv2.rectangle(img, (x0, y0), (x0 + w, FRAME_H), (235, 238, 240), -1)
        for ly in range(y0 + 30, FRAME_H - 10, 18):
            cv2.line(img, (x0 + 20, ly), (x0 + 20 + int(rng.uniform(0.4, 0.9) * (w - 40)), ly), (60, 60, 60), 2)
    else:
        cv2.line(img, (x0 + 10, y0), (x0 + min(x1 - x0, 200), y0 + 260), (150, 40, 20), 12)


def render(card_rgb: np.ndarray, p: Pose, rng: random.Random) -> np.ndarray:
    """The BGR frame the kiosk would receive."""
    img = _desk(p)
    if p.clutter:
        _clutter(img, p, rng)
    quad = np.float32(p.quad)
    side = float(np.linalg.norm(quad[1] - quad[0]))
    h, w = card_rgb.shape[:2]
    scale = side / w
    card = cv2.cvtColor(card_rgb, cv2.COLOR_RGB2BGR)
    if scale < 1:  # shrink first with area averaging: a warp alone would alias the text
        card = cv2.resize(card, (max(1, round(w * scale * 1.3)), max(1, round(h * scale * 1.3))), interpolation=cv2.INTER_AREA)
    ch, cw = card.shape[:2]
    src = np.float32(((0, 0), (cw, 0), (cw, ch), (0, ch)))
    m = cv2.getPerspectiveTransform(src, quad)
    # Rounded corners of a real card, and a soft shadow under it.
    mask = np.zeros((ch, cw), np.float32)
    rad = max(2, int(cw * 0.04))
    cv2.rectangle(mask, (rad, 0), (cw - rad, ch), 1, -1)
    cv2.rectangle(mask, (0, rad), (cw, ch - rad), 1, -1)
    for cx, cy in ((rad, rad), (cw - rad, rad), (rad, ch - rad), (cw - rad, ch - rad)):
        cv2.circle(mask, (cx, cy), rad, 1, -1)
    warped = cv2.warpPerspective(card.astype(np.float32), m, (FRAME_W, FRAME_H), flags=cv2.INTER_LINEAR)
    alpha = cv2.warpPerspective(mask, m, (FRAME_W, FRAME_H), flags=cv2.INTER_LINEAR)[..., None]
    shadow = cv2.GaussianBlur(np.roll(alpha[..., 0], (6, 5), (0, 1)), (0, 0), 6)[..., None]
    img = img * (1 - 0.35 * shadow)
    img = img * (1 - alpha) + warped * alpha
    if p.thumb:
        pos, edge, size = p.thumb
        a, b = quad[edge], quad[(edge + 1) % 4]
        centre = a + (b - a) * pos
        inward = np.float32(quad.mean(0)) - centre
        inward /= np.linalg.norm(inward) + 1e-6
        centre = centre + inward * side * size * 0.15
        ax = (int(side * size), int(side * size * 0.6))
        ang = math.degrees(math.atan2(inward[1], inward[0]))
        skin = np.zeros((FRAME_H, FRAME_W), np.float32)
        cv2.ellipse(skin, (int(centre[0]), int(centre[1])), ax, ang, 0, 360, 1, -1)
        tail = centre - inward * side * size * 1.5
        cv2.line(skin, (int(centre[0]), int(centre[1])), (int(tail[0]), int(tail[1])), 1, int(ax[1] * 1.8))
        skin = cv2.GaussianBlur(skin, (0, 0), 2)[..., None]
        tone = np.float32(rng.choice(((120, 150, 200), (90, 120, 170), (140, 170, 215))))
        img = img * (1 - skin) + tone * skin
    yy, xx = np.mgrid[0:FRAME_H, 0:FRAME_W].astype(np.float32)
    gain, gx, gy, _ = p.light
    light = gain * (1 + gx * (xx / FRAME_W - 0.5) + gy * (yy / FRAME_H - 0.5))
    img = img * light[..., None] * np.float32(p.cast)
    if p.glare:
        u, v, r, s = p.glare
        m_uv = cv2.getPerspectiveTransform(np.float32(((0, 0), (1, 0), (1, 1), (0, 1))), quad)
        pt = cv2.perspectiveTransform(np.float32([[[u, v]]]), m_uv)[0, 0]
        rad = r * side
        g = np.exp(-(((xx - pt[0]) / (rad * 1.6)) ** 2 + ((yy - pt[1]) / rad) ** 2))
        img = img + (255 * s) * g[..., None] * alpha
    if p.motion:
        k = np.zeros((p.motion, p.motion), np.float32)
        k[p.motion // 2, :] = 1
        rot = cv2.getRotationMatrix2D((p.motion / 2 - 0.5, p.motion / 2 - 0.5), p.motion_angle, 1)
        k = cv2.warpAffine(k, rot, (p.motion, p.motion))
        img = cv2.filter2D(img, -1, k / max(k.sum(), 1e-6))
    img = cv2.GaussianBlur(img, (0, 0), p.blur)
    nr = np.random.default_rng(rng.randrange(1 << 30))
    img = img + nr.normal(0, p.noise, img.shape).astype(np.float32)
    img = np.clip(img, 0, 255).astype(np.uint8)
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, p.jpeg])
    return cv2.imdecode(buf, cv2.IMREAD_COLOR)
