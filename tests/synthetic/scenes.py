"""1280x720 BGR webcam-like scenes: a card (or a negative object) on a desk.

Every function takes a numpy Generator, so a scene is reproducible from a seed.
"""
from __future__ import annotations

import cv2
import numpy as np
import segno

from .code128 import render_code128

FRAME_W, FRAME_H = 1280, 720
FOCAL = 1100.0  # webcam focal length in pixels, used for the tilt projection


def background(rng: np.random.Generator, kind: str | None = None) -> np.ndarray:
    kind = kind or ("wood", "noise", "clutter")[int(rng.integers(3))]
    y, x = np.mgrid[0:FRAME_H, 0:FRAME_W].astype(np.float32)
    if kind == "wood":
        base = np.array(rng.uniform(60, 150, 3), np.float32)
        grain = 18 * np.sin(y / rng.uniform(6, 20) + 3 * np.sin(x / rng.uniform(80, 300)))
        img = base + grain[..., None]
    else:
        base = rng.uniform(40, 160, 3) + rng.uniform(-35, 35, (9, 16, 1)) + rng.uniform(-12, 12, (9, 16, 3))
        low = cv2.resize(base.astype(np.float32), (FRAME_W, FRAME_H), interpolation=cv2.INTER_CUBIC)
        img = low + rng.normal(0, 12 if kind == "noise" else 5, (FRAME_H, FRAME_W, 3))
    img = np.clip(img, 0, 255).astype(np.uint8)
    if kind == "clutter":
        # Small objects and long lines only: a card-shaped rectangle here would be a true card.
        for _ in range(int(rng.integers(4, 12))):
            color = tuple(int(c) for c in rng.integers(0, 255, 3))
            p = (int(rng.integers(FRAME_W)), int(rng.integers(FRAME_H)))
            if rng.random() < 0.5:
                q = (int(rng.integers(FRAME_W)), int(rng.integers(FRAME_H)))
                cv2.line(img, p, q, color, int(rng.integers(1, 5)), cv2.LINE_AA)
            else:
                cv2.circle(img, p, int(rng.integers(10, 60)), color, -1, cv2.LINE_AA)
    return img


def project_quad(w: float, h: float, center: tuple[float, float], width_px: float,
                 angle: float, tilt_x: float, tilt_y: float) -> np.ndarray:
    """Corners TL,TR,BR,BL of a w x h plane object seen by a pinhole camera."""
    pts = np.array([[-w / 2, -h / 2, 0], [w / 2, -h / 2, 0], [w / 2, h / 2, 0], [-w / 2, h / 2, 0]])
    ax, ay, az = np.radians([tilt_x, tilt_y, angle])
    rx = np.array([[1, 0, 0], [0, np.cos(ax), -np.sin(ax)], [0, np.sin(ax), np.cos(ax)]])
    ry = np.array([[np.cos(ay), 0, np.sin(ay)], [0, 1, 0], [-np.sin(ay), 0, np.cos(ay)]])
    rz = np.array([[np.cos(az), -np.sin(az), 0], [np.sin(az), np.cos(az), 0], [0, 0, 1]])
    pts = pts @ (rz @ ry @ rx).T
    z0 = FOCAL * w / width_px
    cx, cy = center
    pts[:, 0] += (cx - FRAME_W / 2) * z0 / FOCAL
    pts[:, 1] += (cy - FRAME_H / 2) * z0 / FOCAL
    pts[:, 2] += z0
    uv = FOCAL * pts[:, :2] / pts[:, 2:3] + [FRAME_W / 2, FRAME_H / 2]
    return uv.astype(np.float32)


def paste_quad(frame: np.ndarray, obj: np.ndarray, quad: np.ndarray,
               alpha: np.ndarray | None = None) -> None:
    """Warp obj (BGR) onto frame in place so its corners land on quad (anti-aliased edge)."""
    h, w = obj.shape[:2]
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    m = cv2.getPerspectiveTransform(src, quad.astype(np.float32))
    size = (frame.shape[1], frame.shape[0])
    warped = cv2.warpPerspective(obj, m, size, flags=cv2.INTER_LINEAR)
    a = np.full((h, w), 255, np.uint8) if alpha is None else alpha
    mask = cv2.warpPerspective(a, m, size, flags=cv2.INTER_LINEAR).astype(np.float32)[..., None] / 255
    frame[:] = (frame * (1 - mask) + warped * mask).astype(np.uint8)


def _inside(quad: np.ndarray, margin: float) -> bool:
    return bool((quad[:, 0] >= margin).all() and (quad[:, 0] <= FRAME_W - margin).all()
                and (quad[:, 1] >= margin).all() and (quad[:, 1] <= FRAME_H - margin).all())


def _pose(rng: np.random.Generator, w: float, h: float, width_px: float, angle: float | None,
          tilt: float, partial: bool) -> np.ndarray:
    angle = float(rng.uniform(0, 360)) if angle is None else angle
    tx, ty = (float(v) for v in rng.uniform(-tilt, tilt, 2))
    for _ in range(200):
        c = (float(rng.uniform(0, FRAME_W)), float(rng.uniform(0, FRAME_H)))
        quad = project_quad(w, h, c, width_px, angle, tx, ty)
        if not partial and _inside(quad, 12):
            return quad
        if partial and not _inside(quad, 0):
            inside = ((quad[:, 0] > 0) & (quad[:, 0] < FRAME_W) & (quad[:, 1] > 0) & (quad[:, 1] < FRAME_H))
            if 1 <= inside.sum() <= 3:
                return quad
    width_px *= 0.8  # too big to fit at this angle: shrink and retry
    return _pose(rng, w, h, width_px, angle, tilt, partial)


def degrade(frame: np.ndarray, rng: np.random.Generator, *, blur: float = 0.0, noise: float = 0.0,
            jpeg: int | None = None) -> np.ndarray:
    if blur > 0:
        frame = cv2.GaussianBlur(frame, (0, 0), blur)
    if noise > 0:
        frame = np.clip(frame + rng.normal(0, noise, frame.shape), 0, 255).astype(np.uint8)
    if jpeg:
        ok, buf = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, int(jpeg)])
        frame = cv2.imdecode(buf, cv2.IMREAD_COLOR)
    return frame


def _lighting(frame: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    y, x = np.mgrid[0:FRAME_H, 0:FRAME_W].astype(np.float32)
    # Kept below ~1.1 so the light-blue card is never blown out without a glare blob.
    gx, gy = rng.uniform(-0.24, 0.24, 2)
    gain = float(rng.uniform(0.75, 0.98)) + gx * (x / FRAME_W - 0.5) + gy * (y / FRAME_H - 0.5)
    return np.clip(frame * gain[..., None], 0, 255).astype(np.uint8)


def add_glare(frame: np.ndarray, quad: np.ndarray, rng: np.random.Generator) -> None:
    """A blown-out specular blob somewhere on the card (laminate reflection)."""
    c = quad.mean(axis=0) + rng.uniform(-0.25, 0.25, 2) * (quad.max(0) - quad.min(0))
    r = float(np.linalg.norm(quad[1] - quad[0])) * rng.uniform(0.07, 0.14)
    y, x = np.mgrid[0:FRAME_H, 0:FRAME_W].astype(np.float32)
    blob = float(rng.uniform(300, 420)) * np.exp(-((x - c[0]) ** 2 + (y - c[1]) ** 2) / (2 * r * r))
    frame[:] = np.clip(frame + blob[..., None], 0, 255).astype(np.uint8)


def add_glare_at(frame: np.ndarray, quad: np.ndarray, u: float, v: float, radius: float = 0.12,
                 peak: float = 380.0) -> None:
    """A blown-out blob at card position (u, v) (fractions of width and height from the
    card's top-left corner), radius as a fraction of the card width; frame is changed in place."""
    h, w = 540, 856
    m = cv2.getPerspectiveTransform(np.float32([[0, 0], [w, 0], [w, h], [0, h]]), quad.astype(np.float32))
    c = cv2.perspectiveTransform(np.float32([[[u * w, v * h]]]), m)[0, 0]
    r = float(np.linalg.norm(quad[1] - quad[0])) * radius
    y, x = np.mgrid[0:frame.shape[0], 0:frame.shape[1]].astype(np.float32)
    blob = peak * np.exp(-((x - c[0]) ** 2 + (y - c[1]) ** 2) / (2 * r * r))
    frame[:] = np.clip(frame + blob[..., None], 0, 255).astype(np.uint8)


def place_in_scene(card: np.ndarray, rng: np.random.Generator, *, width_px: float | None = None,
                   angle: float | None = None, tilt: float = 15.0, partial: bool = False,
                   blur: float = 0.0, noise: float = 3.0, glare: bool = False, jpeg: int | None = 85,
                   bg: str | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Put a card image into a desk scene; returns (frame BGR, true corners TL,TR,BR,BL 4x2)."""
    h, w = card.shape[:2]
    width_px = float(rng.uniform(380, 640)) if width_px is None else width_px
    frame = background(rng, bg)
    quad = _pose(rng, w, h, width_px, angle, tilt, partial)
    paste_quad(frame, card, quad)
    frame = _lighting(frame, rng)
    if glare:
        add_glare(frame, quad, rng)
    return degrade(frame, rng, blur=blur, noise=noise, jpeg=jpeg), quad


def _a4(rng: np.random.Generator) -> np.ndarray:
    page = np.full((594, 420, 3), 245, np.uint8)
    for y in range(60, 540, 18):  # printed text lines
        if rng.random() < 0.8:
            cv2.line(page, (40, y), (int(rng.uniform(200, 380)), y), (70, 70, 70), 3)
    return page


def _phone(rng: np.random.Generator) -> np.ndarray:
    w, h = 300, 630  # aspect ~2.1
    phone = np.full((h, w, 3), 25, np.uint8)
    screen = np.array(rng.uniform(120, 250, 3), np.uint8)
    phone[40:h - 40, 14:w - 14] = screen
    return phone


def _hand(frame: np.ndarray, rng: np.random.Generator) -> None:
    skin = tuple(int(v) for v in (rng.uniform(90, 150), rng.uniform(130, 180), rng.uniform(180, 230)))
    cx, cy = float(rng.uniform(400, 880)), float(rng.uniform(250, 470))
    s = float(rng.uniform(0.8, 1.4))
    cv2.ellipse(frame, (int(cx), int(cy)), (int(110 * s), int(130 * s)), 0, 0, 360, skin, -1, cv2.LINE_AA)
    for k in range(4):  # fingers
        fx = int(cx + (k - 1.5) * 50 * s)
        cv2.ellipse(frame, (fx, int(cy - 170 * s)), (int(22 * s), int(80 * s)), 0, 0, 360, skin, -1, cv2.LINE_AA)
    cv2.ellipse(frame, (int(cx + 140 * s), int(cy)), (int(25 * s), int(75 * s)), -40, 0, 360, skin, -1, cv2.LINE_AA)


NEGATIVE_KINDS = ("a4", "phone", "desk", "hand")


def negative_scene(kind: str, rng: np.random.Generator) -> np.ndarray:
    """A frame with no card in it: A4 paper, a phone, an empty desk or a hand."""
    frame = background(rng)
    if kind == "a4":
        page = _a4(rng)
        if rng.random() < 0.5:
            page = np.ascontiguousarray(np.rot90(page))
        h, w = page.shape[:2]
        paste_quad(frame, page, _pose(rng, w, h, float(rng.uniform(300, 560)) * w / max(w, h) * 1.3, None, 15, False))
    elif kind == "phone":
        ph = _phone(rng)
        paste_quad(frame, ph, _pose(rng, 300, 630, float(rng.uniform(180, 320)), None, 15, False))
    elif kind == "hand":
        _hand(frame, rng)
    elif kind != "desk":
        raise ValueError(f"unknown negative kind {kind!r}")
    return degrade(_lighting(frame, rng), rng, noise=3, jpeg=85)


def _label_scene(label: np.ndarray, rng: np.random.Generator, width_px: float, angle: float) -> np.ndarray:
    frame = background(rng)
    h, w = label.shape[:2]
    paste_quad(frame, label, _pose(rng, w, h, width_px, angle, 12, False))
    return degrade(_lighting(frame, rng), rng, blur=float(rng.uniform(0, 1.0)), noise=3, jpeg=85)


def qr_scene(text: str, rng: np.random.Generator) -> np.ndarray:
    """A QR code (e.g. the IKD digital KTP) on a phone screen, or printed on a slip."""
    qr = segno.make(text, error="m", micro=False)
    n = qr.symbol_size(scale=1, border=4)[0]
    scale = max(3, 360 // n)
    mat = np.array([[0 if v else 255 for v in row] for row in qr.matrix_iter(scale=1, border=4)], np.uint8)
    img = cv2.resize(mat, (n * scale, n * scale), interpolation=cv2.INTER_NEAREST)
    label = cv2.cvtColor(img, cv2.COLOR_GRAY2BGR)
    return _label_scene(label, rng, float(rng.uniform(200, 360)), float(rng.uniform(-30, 30)))


def code128_scene(text: str, rng: np.random.Generator) -> np.ndarray:
    """A printed visit ticket with a Code 128 barcode."""
    bars = render_code128(text, module_px=4, height=160)
    label = cv2.cvtColor(cv2.copyMakeBorder(bars, 40, 40, 20, 20, cv2.BORDER_CONSTANT, value=255),
                         cv2.COLOR_GRAY2BGR)
    width = float(rng.uniform(420, 700))
    angle = float(rng.uniform(-15, 15)) + (90 if rng.random() < 0.3 else 0)
    return _label_scene(label, rng, min(width, 600 if angle > 45 else width), angle)
