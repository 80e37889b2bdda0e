"""The fifth generator's camera scenes: an e-KTP as an LPSE office's cheap camera sees it, one
condition per card. Card geometry is in card pixels (card.PX per mm) mapped to the frame by one
homography, so fingers, a bubble or a lamp's hotspot stay on the card as it moves in a steady run.
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from tests.stranger5.card import H, PX, W

SIZES = {"vga": (640, 480), "fullhd": (1920, 1080)}  # the others: 1280x720
SKIN = [(150, 185, 225), (110, 150, 200), (80, 115, 160), (125, 170, 215)]  # BGR


@dataclass(frozen=True)
class Scene:
    frame: np.ndarray
    tags: tuple[str, ...]
    blur: float  # the lens blur's (or defocus's) sigma in frame pixels
    in_frame: bool = True


@dataclass(frozen=True)
class Pose:
    """Where the card lies in a frame and how the camera treats it; drawn once per case."""
    size: tuple[int, int]
    quad: np.ndarray  # the card's four corners in the frame (TL, TR, BR, BL)
    blur: float
    defocus: float  # disc radius in px, 0 for none
    noise: float
    jpeg: int
    gamma: float
    drift: tuple[float, float]


def room(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    """A soft office behind the visitor: a wall gradient and a few blurred pieces of furniture."""
    top, bottom = rng.uniform(120, 200, 3), rng.uniform(70, 160, 3)
    t = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    img = (top * (1 - t) + bottom * t) * np.ones((1, w, 1), np.float32)
    for _ in range(int(rng.integers(3, 7))):
        x0, y0 = int(rng.integers(0, w)), int(rng.integers(0, h))
        cv2.rectangle(img, (x0, y0), (x0 + int(rng.integers(w // 10, w // 3)), y0 + int(rng.integers(h // 8, h // 2))),
                      [float(v) for v in rng.uniform(40, 210, 3)], -1)
    k = (w // 40) | 1
    return cv2.GaussianBlur(img, (k, k), 0)


def desk(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    """A wooden desk top seen from above, lit from one side."""
    base = np.array(rng.uniform([60, 95, 140], [95, 130, 175]), np.float32)
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    grain = np.sin(y * rng.uniform(0.05, 0.09) + 6 * np.sin(x * 0.004 + rng.uniform(0, 6))) * 10
    light = 1.15 - 0.5 * ((x - rng.uniform(0, w)) ** 2 + (y - rng.uniform(0, h)) ** 2) / (w * w)
    return (base[None, None, :] + grain[..., None]) * light[..., None]


def card_quad(rng: np.random.Generator, size: tuple[int, int], frac: tuple[float, float], roll: float,
              tilt: float = 0.06) -> np.ndarray:
    """The card's corners in a frame: frac of its width wide, turned by up to roll degrees, a little
    perspective, and wholly in the frame."""
    fw, fh = size
    cw = fw * rng.uniform(*frac)
    ch = cw * H / W
    a = np.deg2rad(rng.uniform(-roll, roll))
    rot = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    pts = np.array([[-cw / 2, -ch / 2], [cw / 2, -ch / 2], [cw / 2, ch / 2], [-cw / 2, ch / 2]]) @ rot.T
    pts += rng.uniform(-tilt, tilt, (4, 2)) * [cw, ch] / 2
    lo, hi = -pts.min(axis=0) + 4, np.array([fw, fh]) - pts.max(axis=0) - 4
    centre = rng.uniform(lo, np.maximum(lo, hi))
    return (pts + centre).astype(np.float32)


def homography(quad: np.ndarray) -> np.ndarray:
    src = np.float32([[0, 0], [W, 0], [W, H], [0, H]])
    return cv2.getPerspectiveTransform(src, quad.astype(np.float32))


def paste(frame: np.ndarray, image: np.ndarray, mask: np.ndarray, m: np.ndarray) -> None:
    """image (with its mask) laid on frame (float) through the homography m."""
    size = frame.shape[1], frame.shape[0]
    warped = cv2.warpPerspective(image.astype(np.float32), m, size, flags=cv2.INTER_AREA if m[0, 0] < 1 else cv2.INTER_LINEAR)
    alpha = cv2.warpPerspective(mask.astype(np.float32) / 255, m, size, flags=cv2.INTER_LINEAR)[..., None]
    frame[:] = frame * (1 - alpha) + warped * alpha


def fingertip(frame: np.ndarray, m: np.ndarray, tip: tuple[float, float], angle: float, rng_skin: np.ndarray,
              width_mm: float = 16) -> None:
    """A fingertip whose end lies at tip (card px), its finger running away at angle (degrees) out of
    the frame; drawn through the card's homography, shaded darker towards its edges."""
    t = np.deg2rad(angle)
    length = 90 * PX
    cx, cy = tip[0] + np.cos(t) * length / 2, tip[1] + np.sin(t) * length / 2
    pts = cv2.ellipse2Poly((int(cx), int(cy)), (int(length / 2), int(width_mm * PX / 2)), int(angle), 0, 360, 5)
    poly = cv2.perspectiveTransform(pts.astype(np.float32)[None], m)[0]
    layer = np.zeros(frame.shape[:2], np.float32)
    cv2.fillPoly(layer, [np.round(poly).astype(np.int32)], 1.0, lineType=cv2.LINE_AA)
    soft = cv2.GaussianBlur(layer, (0, 0), max(1.0, frame.shape[1] / 300))
    shade = (0.55 + 0.45 * soft)[..., None]
    frame[:] = frame * (1 - layer[..., None]) + (rng_skin * shade) * layer[..., None]


def thumb(frame: np.ndarray, m: np.ndarray, rng: np.random.Generator, skin: np.ndarray) -> None:
    """A thumb low on the card's bottom edge, left or right of centre, away from the NIK and name."""
    x = rng.uniform(0.12, 0.3) if rng.random() < 0.5 else rng.uniform(0.7, 0.88)
    fingertip(frame, m, (x * W, H - rng.uniform(4, 7) * PX), 90 + rng.uniform(-15, 15), skin)


def two_fingers(frame: np.ndarray, m: np.ndarray, rng: np.random.Generator, skin: np.ndarray) -> None:
    """Two fingertips on opposite corners, each covering 6-10 mm of the corner."""
    corners = [((0, 0), 225), ((W, H), 45)] if rng.random() < 0.5 else [((W, 0), 315), ((0, H), 135)]
    for (x, y), ang in corners:
        d = rng.uniform(6, 10) * PX
        inward = np.deg2rad(ang + 180)
        fingertip(frame, m, (x + np.cos(inward) * d, y + np.sin(inward) * d), ang + rng.uniform(-12, 12), skin, 15)


def camera(frame: np.ndarray, pose: Pose, rng: np.random.Generator) -> np.ndarray:
    """Lens blur (and defocus), gamma, sensor noise and the camera's MJPEG."""
    img = cv2.GaussianBlur(frame, (0, 0), pose.blur)
    if pose.defocus:
        r = pose.defocus
        k = np.zeros((2 * int(np.ceil(r)) + 1,) * 2, np.float32)
        cv2.circle(k, (k.shape[1] // 2, k.shape[0] // 2), int(round(r)), 1.0, -1, lineType=cv2.LINE_AA)
        img = cv2.filter2D(img, -1, k / k.sum())
    img = 255 * (np.clip(img, 0, 255) / 255) ** pose.gamma
    img = img + rng.normal(0, pose.noise, img.shape)
    ok, buf = cv2.imencode(".jpg", np.clip(img, 0, 255).astype(np.uint8), [cv2.IMWRITE_JPEG_QUALITY, pose.jpeg])
    return cv2.imdecode(buf, cv2.IMREAD_COLOR)
