"""How the sixth generator shows a card to the kiosk's webcam: one condition per card, on top of the
webcam basics every frame has (720p or 1080p, soft focus, sensor noise, uneven light, a colour cast,
the camera's own JPEG). A steady run's frame i keeps the hold with a small drift and fresh noise;
exposure hunting and flicker change from frame to frame as they do."""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from tests.stranger6 import backgrounds
from tests.stranger6.card import HEIGHT, WIDTH, Card
from tests.stranger6.holders import HOLDERS, plain
from tests.stranger6.others import other_card
from tests.stranger6.scene import Scene

CONDITIONS = ("plain", "phone_screen", "photocopy", "wallet_window", "perspective", "flicker",
              "exposure_hunt", "tablecloth", "child_hand", "overlap")
SIZES = {"720p": (1280, 720), "1080p": (1920, 1080)}
CARD_CORNERS = np.float32([[0, 0], [WIDTH, 0], [WIDTH, HEIGHT], [0, HEIGHT]])


@dataclass(frozen=True)
class Pose:
    size: str
    width: float  # the card's width as a share of the frame's
    roll: float  # degrees, in the image plane
    yaw: float  # degrees, about the card's vertical axis
    pitch: float  # degrees, about its horizontal axis
    at: tuple[float, float]  # where in the room left by the card its centre lies (0..1 each)
    blur: float  # soft focus sigma, frame px
    noise: float
    jpeg: int


def pose(condition: str, rng: np.random.Generator) -> Pose:
    size = "1080p" if rng.random() < 0.4 else "720p"
    yaw, pitch = rng.uniform(-12, 12), rng.uniform(-10, 10)
    if condition == "perspective":  # 30-45 degrees about one axis, a little about the other
        big = rng.uniform(30, 45) * rng.choice([-1, 1])
        yaw, pitch = (big, pitch / 2) if rng.random() < 0.5 else (yaw / 2, big)
    width = rng.uniform(0.3, 0.42) if condition == "phone_screen" else rng.uniform(0.34, 0.58)
    roll = rng.uniform(-14, 14)
    blur = float(rng.choice([rng.uniform(0, 1.2), rng.uniform(1.2, 1.5), rng.uniform(1.6, 2.4)], p=[0.7, 0.2, 0.1]))
    return Pose(size, width, roll, yaw, pitch, (rng.uniform(0.1, 0.9), rng.uniform(0.1, 0.9)), blur,
                rng.uniform(2, 7), int(rng.integers(70, 93)))


def _project(p: Pose, w: int, h: int, extent: np.ndarray, drift: np.ndarray) -> np.ndarray:
    """The card's corners in a w x h frame: the card turned in 3D (roll, yaw, pitch), seen by a
    pinhole at 2.5 card widths, scaled to its width share, placed so `extent` (object corners in card
    pixels) stays inside the frame; `drift` (dx, dy, droll) moves it a little for frame i."""
    pts = np.vstack([CARD_CORNERS, extent]).astype(np.float64) - [WIDTH / 2, HEIGHT / 2]
    r, y, t = np.radians([p.roll + drift[2], p.yaw, p.pitch])
    rz = np.array([[np.cos(r), -np.sin(r), 0], [np.sin(r), np.cos(r), 0], [0, 0, 1]])
    ry = np.array([[np.cos(y), 0, np.sin(y)], [0, 1, 0], [-np.sin(y), 0, np.cos(y)]])
    rx = np.array([[1, 0, 0], [0, np.cos(t), -np.sin(t)], [0, np.sin(t), np.cos(t)]])
    xyz = np.c_[pts, np.zeros(len(pts))] @ (rz @ ry @ rx).T
    dist = 2.5 * WIDTH
    uv = xyz[:, :2] * dist / (xyz[:, 2:] + dist)
    scale = p.width * w / (uv[:4, 0].max() - uv[:4, 0].min())
    uv *= min(scale, 0.94 * w / np.ptp(uv[:, 0]), 0.94 * h / np.ptp(uv[:, 1]))
    lo, hi = uv.min(axis=0), uv.max(axis=0)
    room = np.array([w, h]) - (hi - lo) - 8
    origin = 4 - lo + room * np.array(p.at) + drift[:2]
    return (uv + origin).astype(np.float32)


def _hand(frame: np.ndarray, corners: np.ndarray, rng: np.random.Generator) -> None:
    """A child's small hand reaching over the card from one edge: a palm and three or four fingers."""
    edge = int(rng.integers(0, 4))
    a, b = corners[edge], corners[(edge + 1) % 4]
    centre = corners.mean(axis=0)
    root = a + (b - a) * rng.uniform(0.2, 0.8)
    inward = (centre - root) / np.linalg.norm(centre - root)
    size = np.linalg.norm(corners[1] - corners[0]) * rng.uniform(0.12, 0.2)
    skin = tuple(float(c) for c in rng.uniform([90, 120, 170], [140, 170, 225]))
    palm = root - inward * size * 0.6
    cv2.ellipse(frame, tuple(int(v) for v in palm), (int(size * 0.7), int(size * 0.55)),
                float(np.degrees(np.arctan2(inward[1], inward[0]))), 0, 360, skin, -1)
    side = np.array([-inward[1], inward[0]])
    for k in range(int(rng.integers(3, 5))):
        base = palm + side * size * (k - 1.5) * 0.35
        tip = base + inward * size * rng.uniform(1.0, 1.5)
        cv2.line(frame, tuple(int(v) for v in base), tuple(int(v) for v in tip), skin, max(3, int(size * 0.22)))


def _paste(frame: np.ndarray, obj: np.ndarray, alpha: np.ndarray, hom: np.ndarray) -> None:
    w, h = frame.shape[1], frame.shape[0]
    warped = cv2.warpPerspective(obj, hom, (w, h), flags=cv2.INTER_LINEAR)
    a = cv2.warpPerspective(alpha, hom, (w, h), flags=cv2.INTER_LINEAR)[..., None]
    frame *= 1 - a
    frame += warped * a


def compose(condition: str, card: Card, p: Pose, i: int, key: list[int]) -> Scene:
    """Frame i of a steady run of `card` shown under `condition` (key: the case's seed words)."""
    w, h = SIZES[p.size]
    setup = np.random.default_rng([*key, 4])  # what stays through the run
    now = np.random.default_rng([*key, 5, i])  # what each frame draws afresh
    frame = (backgrounds.tablecloth if condition == "tablecloth" else backgrounds.desk)(setup, w, h)
    obj, alpha, to_card = HOLDERS.get(condition, plain)(card, setup)
    oh, ow = alpha.shape
    extent = cv2.perspectiveTransform(np.float32([[[0, 0], [ow, 0], [ow, oh], [0, oh]]]), to_card)[0]
    if condition == "photocopy":
        extent = CARD_CORNERS  # a sheet held up may run out of the frame; the copy of the card does not
    drift = np.zeros(3) if i == 0 else now.normal(0, [2.5, 2.5, 0.4])
    pts = _project(p, w, h, extent, drift)
    corners = pts[:4]
    hom = cv2.getPerspectiveTransform(CARD_CORNERS, corners).astype(np.float64)
    if condition == "overlap":  # another card under the KTP, or over one of its corners
        other, omask = other_card(str(setup.choice(["bank_card", "sim", "student_card"])), setup)
        shift = np.array([[1, 0, setup.choice([-1, 1]) * setup.uniform(0.62, 0.8) * WIDTH],
                          [0, 1, setup.choice([-1, 1]) * setup.uniform(0.55, 0.75) * HEIGHT], [0, 0, 1]])
        over = setup.random() < 0.5
        if not over:
            _paste(frame, other.astype(np.float32), omask.astype(np.float32) / 255, hom @ shift)
    _paste(frame, obj, alpha, hom @ to_card)
    if condition == "overlap" and over:
        _paste(frame, other.astype(np.float32), omask.astype(np.float32) / 255, hom @ shift)
    if condition == "child_hand":
        _hand(frame, corners + now.normal(0, 2, (4, 2)).astype(np.float32), np.random.default_rng([*key, 6]))
    frame *= backgrounds.lighting(setup, w, h)
    if condition == "flicker":  # mains-frequency bands rolling through the rolling shutter
        period, depth = setup.uniform(90, 260) * h / 720, setup.uniform(0.12, 0.3)
        rows = 1 + depth * np.sin(2 * np.pi * np.arange(h) / period + now.uniform(0, 2 * np.pi))
        frame *= rows.astype(np.float32)[:, None, None]
    if condition == "exposure_hunt":  # the auto-exposure overshoots, then settles frame by frame
        start = setup.choice([setup.uniform(0.45, 0.7), setup.uniform(1.5, 2.2)])
        frame *= 1 + (start - 1) * 0.65 ** i
    frame += setup.normal(0, 6, 3).astype(np.float32)  # white balance a little off
    if p.blur > 0.05:
        frame = cv2.GaussianBlur(frame, (0, 0), p.blur)
    frame += now.normal(0, p.noise, frame.shape).astype(np.float32)
    out = np.clip(frame, 0, 255).astype(np.uint8)
    ok, data = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, p.jpeg])  # the webcam's MJPEG
    out = cv2.imdecode(data, cv2.IMREAD_COLOR)
    inside = bool(((corners >= 0) & (corners <= [w - 1, h - 1])).all())
    return Scene(out, (condition, p.size), p.blur, inside, corners)
