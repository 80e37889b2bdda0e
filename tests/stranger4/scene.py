"""Webcam scenes for the fourth generator: the card posed in 3-D before a room or on a desk, and what a
cheap USB webcam does to it (a small sensor scaled up to 1280x720, noise, auto-exposure and white
balance that drift, sharpening that rings at edges, MJPEG blocks and 4:2:0 colour)."""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from tests.stranger4.card import H as CARD_H, W as CARD_W, font

FRAME = (1280, 720)


@dataclass(frozen=True)
class Scene:
    frame: np.ndarray                       # BGR uint8, as the camera hands it over
    tags: tuple[str, ...]
    blur: float                             # the Gaussian sigma the picture's softness amounts to
    quad: tuple[tuple[float, float], ...]   # the KTP's corners TL, TR, BR, BL as printed
    in_frame: bool


def room(rng: np.random.Generator) -> np.ndarray:
    """A wall, a door or shelf out of focus, or a desk top, float RGB."""
    w, h = FRAME
    base = rng.uniform(70, 225) + rng.normal(0, 12, 3)   # walls and desks are mostly greys and beiges
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    img = base + (xx / w - 0.5)[..., None] * rng.normal(0, 40, 3) + (yy / h - 0.5)[..., None] * rng.normal(0, 40, 3)
    for _ in range(int(rng.integers(2, 7))):
        x0, y0 = int(rng.uniform(-200, w)), int(rng.uniform(-200, h))
        cv2.rectangle(img, (x0, y0), (x0 + int(rng.uniform(80, 500)), y0 + int(rng.uniform(80, 500))),
                      tuple(float(v) for v in rng.uniform(20, 240) + rng.normal(0, 25, 3)), -1)
    return cv2.GaussianBlur(img.astype(np.float32), (0, 0), float(rng.uniform(2, 9)))


def pose(rng: np.random.Generator, width: float, roll: float, tilt: float, centre=None) -> np.ndarray:
    """The card's corners in the frame (TL, TR, BR, BL of the print) for a card turned by roll
    degrees in the picture and tilted up to tilt degrees towards the camera, width its width in frame
    widths: a pinhole projection of the 85.6 x 54 mm card."""
    w, h = FRAME
    f = w * rng.uniform(0.8, 1.1)
    corners = np.array([[-42.8, -27, 0], [42.8, -27, 0], [42.8, 27, 0], [-42.8, 27, 0]], np.float64)
    a, b, c = np.radians([rng.uniform(-tilt, tilt), rng.uniform(-tilt, tilt), roll])
    rx = np.array([[1, 0, 0], [0, np.cos(a), -np.sin(a)], [0, np.sin(a), np.cos(a)]])
    ry = np.array([[np.cos(b), 0, np.sin(b)], [0, 1, 0], [-np.sin(b), 0, np.cos(b)]])
    rz = np.array([[np.cos(c), -np.sin(c), 0], [np.sin(c), np.cos(c), 0], [0, 0, 1]])
    p = corners @ (rz @ ry @ rx).T
    z = f * 85.6 / (width * w)
    pts = p[:, :2] * f / (z + p[:, 2:3])
    if centre is None:
        span = pts.max(0) - pts.min(0)
        room_left = np.array([w, h]) - span - 40
        centre = np.array([w, h]) / 2 + (rng.random(2) - 0.5) * np.clip(room_left, 0, None)
    return (pts + centre).astype(np.float32)


def put(bg: np.ndarray, picture: np.ndarray, quad: np.ndarray, shade: float = 0.3) -> np.ndarray:
    """picture (RGB) warped onto quad over bg, its corners rounded, a soft shadow under it."""
    h, w = picture.shape[:2]
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    m = cv2.getPerspectiveTransform(src, quad.astype(np.float32))
    mask = np.zeros((h, w), np.float32)
    r = int(w * 0.037)
    cv2.rectangle(mask, (r, 0), (w - r, h), 1, -1)
    cv2.rectangle(mask, (0, r), (w, h - r), 1, -1)
    for cx, cy in ((r, r), (w - r, r), (r, h - r), (w - r, h - r)):
        cv2.circle(mask, (cx, cy), r, 1, -1, cv2.LINE_AA)
    size = (bg.shape[1], bg.shape[0])
    warped = cv2.warpPerspective(picture.astype(np.float32), m, size, flags=cv2.INTER_AREA)
    alpha = cv2.warpPerspective(mask, m, size)
    if shade:
        shadow = cv2.GaussianBlur(np.roll(alpha, (8, 6), (0, 1)), (0, 0), 9)
        bg = bg * (1 - shade * shadow[..., None])
    return bg * (1 - alpha[..., None]) + warped * alpha[..., None]


def fingers(img: np.ndarray, quad: np.ndarray, rng: np.random.Generator) -> None:
    """A hand holding the card: a thumb on the left or right short edge, away from the NIK and the
    name (a thumb over the text is another generator's condition), fingertips showing at the other."""
    skin = rng.uniform([150, 100, 75], [230, 175, 145])
    side = 0 if rng.random() < 0.5 else 1
    top, bottom = (quad[0], quad[3]) if side == 0 else (quad[1], quad[2])
    t = rng.uniform(0.65, 0.85)   # low on the edge: the NIK row and the name are in the top half
    p = top + (bottom - top) * t
    size = np.linalg.norm(quad[1] - quad[0])
    axes = (int(size * 0.09), int(size * 0.05))
    cv2.ellipse(img, tuple(int(v) for v in p), axes, float(rng.uniform(-30, 30)), 0, 360,
                tuple(float(v) for v in skin), -1, cv2.LINE_AA)


def bank_card(rng: np.random.Generator) -> np.ndarray:
    """An ATM card: a dark blue or gold ground, a chip, 16 digits in four groups, a holder's name."""
    img = np.zeros((CARD_H, CARD_W, 3), np.float32) + (rng.uniform([10, 30, 90], [40, 70, 160]) if rng.random() < 0.6
                                                       else rng.uniform([170, 130, 40], [220, 180, 90]))
    img += np.linspace(0, 40, CARD_W, dtype=np.float32)[None, :, None]
    from PIL import Image, ImageDraw
    pil = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))
    d = ImageDraw.Draw(pil)
    d.rounded_rectangle((90, 180, 190, 260), 10, fill=(200, 170, 90))
    digits = " ".join("".join(str(int(v)) for v in rng.integers(0, 10, 4)) for _ in range(4))
    d.text((80, 360), digits, font=font("dejavu-bold", 48), fill=(235, 235, 230))
    d.text((80, 460), "BANK " + "".join(rng.choice(list("ABCDEFGHKMNRSTU"), 4)), font=font("liberation-bold", 34),
           fill=(235, 235, 230))
    return np.asarray(pil).astype(np.float32)


def sim_card(rng: np.random.Generator) -> np.ndarray:
    """An Indonesian driving licence (SIM): pale ground, a title, a photo on the left, rows of text."""
    from PIL import Image, ImageDraw
    ground = rng.uniform([210, 200, 190], [245, 235, 235])
    pil = Image.new("RGB", (CARD_W, CARD_H), tuple(int(v) for v in ground))
    d = ImageDraw.Draw(pil)
    d.rectangle((0, 0, CARD_W, 70), fill=(200, 40, 50))
    d.text((CARD_W / 2, 40), "SURAT IZIN MENGEMUDI", font=font("liberation-bold", 36), fill=(250, 250, 250), anchor="mm")
    d.rectangle((30, 110, 210, 350), fill=(60, 90, 170))
    d.ellipse((70, 150, 170, 280), fill=(200, 160, 130))
    for i in range(8):
        text = "".join(rng.choice(list("ABCDEFGHIJKLMNOPRSTUWY 0123456789"), int(rng.integers(10, 26))))
        d.text((240, 130 + 42 * i), f"{i + 1}. {text}", font=font("liberation", 24), fill=(20, 20, 30))
    return np.asarray(pil).astype(np.float32)


def sleeve(img: np.ndarray, quad: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A clear plastic sleeve around the card: its own edge a few mm out, a haze and a diagonal
    reflection band of the room's light."""
    centre = quad.mean(0)
    outer = centre + (quad - centre) * rng.uniform(1.06, 1.12)
    mask = np.zeros(img.shape[:2], np.float32)
    cv2.fillConvexPoly(mask, outer.astype(np.int32), 1.0, cv2.LINE_AA)
    edge = np.zeros_like(mask)
    cv2.polylines(edge, [outer.astype(np.int32)], True, 1.0, 2, cv2.LINE_AA)
    img = img * (1 - 0.08 * mask[..., None]) + mask[..., None] * 0.08 * 235 + edge[..., None] * 60
    h, w = mask.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ang = rng.uniform(0, np.pi)
    d = (xx - centre[0]) * np.cos(ang) + (yy - centre[1]) * np.sin(ang) - rng.uniform(-120, 120)
    band = np.exp(-(d / rng.uniform(25, 70)) ** 2) * mask
    return img + band[..., None] * rng.uniform(50, 110)


def webcam(img: np.ndarray, now: np.random.Generator, *, sensor: float, lens: float, gain: float,
           balance: np.ndarray, sharpen: float, quality: int, noise: float) -> np.ndarray:
    """What the webcam hands over: the lens, the smaller sensor scaled up, noise, exposure and white
    balance, gamma, the sharpening halos, MJPEG (4:2:0). RGB float in, BGR uint8 out."""
    w, h = FRAME
    img = cv2.GaussianBlur(img, (0, 0), lens)
    small = cv2.resize(img, (int(w * sensor), int(h * sensor)), interpolation=cv2.INTER_AREA)
    small = small + now.normal(0, noise, small.shape[:2])[..., None] + now.normal(0, noise * 0.5, small.shape)
    img = cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)
    img = np.clip(img * gain * balance, 0, 255)
    img = 255 * (img / 255) ** 0.92
    if sharpen:
        img = img + sharpen * (img - cv2.GaussianBlur(img, (0, 0), 1.6))
    bgr = np.clip(img[..., ::-1], 0, 255).astype(np.uint8)
    ok, buf = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, quality])
    return cv2.imdecode(buf, cv2.IMREAD_COLOR)


def blur_of(lens: float, sensor: float) -> float:
    """The Gaussian sigma lens and sensor scaling amount to (a box of 1/sensor px ~ sigma 0.3/sensor)."""
    return float(np.hypot(lens, 0.3 / sensor))
