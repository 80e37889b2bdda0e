"""Where the third generator's card is seen from: three cameras, each with its own faults.

- webcam: the kiosk's 720p camera at arm's length. The card is held up in a hand in front of a
  room or lies on the desk under it; soft optics (detail below 720p, upscaled), sensor noise that
  auto-exposure amplifies in low light, colour casts, a laminate glare band, motion, MJPEG.
- phone: a phone photo of the card on a desk or in a hand, 1600x1200: sharp and sharpened, turned
  and tilted (pose()), the phone's own shadow across part of the card, a flash hot spot, JPEG 50-85.
- scan: a flat-bed scan at 200-300 dpi: the card laid near the glass's corner on a white lid, a
  degree or two of rotation, even light, dust; the pale card against white is its difficulty.

Every scene tells its camera and condition as tags and its blur as a Gaussian sigma in frame
pixels (optics, the soft upscale and motion together), so a bench can leave out hopeless frames."""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from tests.stranger3.card import FONT_DIR, H as CH, W as CW, card_alpha

WEBCAM = (1280, 720)
PHONE = (1600, 1200)
SCAN = (1400, 950)


@dataclass(frozen=True)
class Scene:
    frame: np.ndarray                  # BGR uint8, as a camera hands it over
    tags: tuple[str, ...]
    blur: float
    quad: tuple[tuple[float, float], ...]  # the card's corners TL, TR, BR, BL in the frame
    in_frame: bool


# --- backgrounds ------------------------------------------------------------------------------

def desk(rng: np.random.Generator, size: tuple[int, int]) -> np.ndarray:
    """A desk top, float RGB: wood, grey laminate, a white table or a dark cloth."""
    w, h = size
    kind = rng.choice(["wood", "laminate", "white", "cloth"])
    if kind == "wood":
        base = np.array([150, 105, 65], np.float32) * rng.uniform(0.7, 1.2)
        yy = np.arange(h, dtype=np.float32)[:, None]
        grain = np.sin(yy / rng.uniform(5, 12) + 3 * np.sin(np.arange(w)[None, :] / rng.uniform(80, 200)))
        img = base * (1 + 0.12 * grain[..., None])
    elif kind == "laminate":
        img = np.ones((h, w, 3), np.float32) * rng.uniform(110, 170)
    elif kind == "white":
        img = np.ones((h, w, 3), np.float32) * np.array([225, 225, 218]) * rng.uniform(0.9, 1.05)
    else:
        img = np.ones((h, w, 3), np.float32) * np.array(rng.choice([[40, 40, 60], [60, 30, 30], [30, 50, 40]]), np.float32)
    tex = cv2.resize(rng.normal(0, 6, (h // 6 + 1, w // 6 + 1)).astype(np.float32), (w, h))
    img = img + tex[..., None]
    # light falls off from one side
    ramp = np.linspace(rng.uniform(0.8, 1.0), rng.uniform(0.85, 1.1), w, dtype=np.float32)[None, :, None]
    return np.clip(img * ramp, 0, 255)


def room(rng: np.random.Generator, size: tuple[int, int]) -> np.ndarray:
    """What is behind a card held up to the kiosk: a wall, a door, the visitor's shirt, out of focus."""
    w, h = size
    wall = np.array(rng.choice([[220, 215, 200], [180, 190, 200], [200, 180, 150], [90, 90, 100]]), np.float32)
    img = np.ones((h, w, 3), np.float32) * wall
    cv2.rectangle(img, (int(w * rng.uniform(0.6, 0.8)), 0), (w, h), (wall * 0.7).tolist(), -1)
    shirt = np.array(rng.choice([[30, 40, 90], [200, 200, 200], [120, 30, 30], [40, 80, 50], [20, 20, 20]]), np.float32)
    cv2.ellipse(img, (int(w * rng.uniform(0.35, 0.65)), h + h // 6), (int(w * 0.38), int(h * 0.55)), 0, 0, 360, shirt.tolist(), -1)
    cv2.ellipse(img, (int(w * 0.5), int(h * 0.1)), (int(w * 0.1), int(h * 0.22)), 0, 0, 360, [190, 150, 120], -1)
    return cv2.GaussianBlur(img, (0, 0), 9)


def text_block(img: np.ndarray, rect, rng, lines: int, dark=(40, 40, 40)) -> None:
    x0, y0, x1, y1 = rect
    y = y0 + 8
    step = max(6, (y1 - y0) // max(lines, 1))
    while y < y1 - 4:
        x = x0 + 6
        while x < x1 - 10:
            ln = int(rng.integers(8, 40))
            cv2.line(img, (x, y), (min(x + ln, x1 - 6), y), dark, max(1, step // 5))
            x += ln + int(rng.integers(4, 9))
        y += step


def clutter(img: np.ndarray, rng: np.random.Generator, keep_out=None, edge_only: bool = False) -> list[str]:
    """Put a keyboard edge, papers, a phone or a pen on the desk; keep_out is the card's box."""
    h, w = img.shape[:2]
    added = []
    for kind in rng.choice(["keyboard", "paper", "phone", "pen", "mug"], size=int(rng.integers(1, 4)), replace=False):
        if kind == "keyboard":
            y0 = int(h * rng.uniform(0.8, 0.9)) if rng.random() < 0.5 else -int(h * 0.05)
            kb = (30, 30, 32)
            cv2.rectangle(img, (int(w * 0.05), y0), (int(w * 0.95), y0 + int(h * 0.3)), kb, -1)
            for r in range(4):
                for c in range(22):
                    x = int(w * 0.07) + c * int(w * 0.04)
                    y = y0 + 8 + r * int(h * 0.06)
                    cv2.rectangle(img, (x, y), (x + int(w * 0.033), y + int(h * 0.05)), (55, 55, 60), -1)
        elif kind == "paper":
            x0 = int(rng.uniform(-0.2, 0.7) * w)
            y0 = int(rng.uniform(-0.3, 0.5) * h)
            pw, ph = int(w * rng.uniform(0.35, 0.5)), int(w * rng.uniform(0.45, 0.7))
            if edge_only:
                x0 = -pw // 2 if rng.random() < 0.5 else w - pw // 2
            cv2.fillConvexPoly(img, np.array([(x0, y0), (x0 + pw, y0 + 10), (x0 + pw - 8, y0 + ph), (x0 - 6, y0 + ph)], np.int32),
                               (240, 240, 235))
            text_block(img, (max(0, x0), max(0, y0), min(w, x0 + pw), min(h, y0 + ph)), rng, 30)
        elif kind == "phone":
            x0 = int(rng.uniform(0.0, 0.85) * w) if not edge_only else w - int(w * 0.08)
            y0 = int(rng.uniform(0.0, 0.6) * h)
            cv2.rectangle(img, (x0, y0), (x0 + int(w * 0.12), y0 + int(w * 0.24)), (15, 15, 18), -1)
            cv2.rectangle(img, (x0 + 5, y0 + 12), (x0 + int(w * 0.12) - 5, y0 + int(w * 0.24) - 12), (50, 60, 80), -1)
        elif kind == "pen":
            p = rng.integers(0, [w, h])
            cv2.line(img, tuple(int(v) for v in p), (int(p[0] + rng.normal(0, 150)), int(p[1] + rng.normal(0, 80))), (20, 20, 120), 6)
        else:
            c = (int(rng.uniform(0.05, 0.95) * w), int(rng.uniform(0.05, 0.95) * h))
            cv2.circle(img, c, int(w * 0.07), (200, 200, 205), -1)
            cv2.circle(img, c, int(w * 0.055), (60, 40, 30), -1)
        added.append(str(kind))
    return added


# --- putting the card in ----------------------------------------------------------------------

TILT_PER_PERSP = 250.0  # degrees of tilt per unit of pose()'s persp: 0.1 -> up to 25 degrees
FOCAL = 0.85  # the camera's focal length in frame widths (a webcam's or phone's 60-70 degree view)


def pose(rng: np.random.Generator, size, width_frac: float, angle_max: float, persp: float, margin: float = 0.03):
    """The card's four corners: a rectangle of the given width, tilted out of the picture plane, rotated
    in it, and placed inside the frame.

    persp bounds the tilt: the card turns about its vertical and horizontal axes by up to
    TILT_PER_PERSP * persp degrees each and is projected by a pinhole camera of focal length FOCAL
    frame widths, so the side nearer the camera is drawn longer (foreshortening). (Run 18s's version
    scaled the corners so that they only shifted the card; Run 19d made it a projection.)"""
    w, h = size
    cw = width_frac * w
    ch = cw * CH / CW
    ang = np.deg2rad(rng.uniform(-angle_max, angle_max))
    rot = np.array([[np.cos(ang), -np.sin(ang)], [np.sin(ang), np.cos(ang)]])
    rect = np.array([[-cw / 2, -ch / 2], [cw / 2, -ch / 2], [cw / 2, ch / 2], [-cw / 2, ch / 2]])
    # perspective: one side nearer the camera than the other (about both axes)
    k = rng.uniform(-persp, persp)
    j = rng.uniform(-persp, persp)
    ay, ax = np.deg2rad(TILT_PER_PERSP * k), np.deg2rad(TILT_PER_PERSP * j)
    turn_y = np.array([[np.cos(ay), 0, np.sin(ay)], [0, 1, 0], [-np.sin(ay), 0, np.cos(ay)]])
    turn_x = np.array([[1, 0, 0], [0, np.cos(ax), -np.sin(ax)], [0, np.sin(ax), np.cos(ax)]])
    f = FOCAL * w  # the untilted card lies at depth f, where it is drawn cw pixels wide
    p3 = np.hstack([rect, np.zeros((4, 1))]) @ (turn_x @ turn_y).T
    rect = f * p3[:, :2] / (f + p3[:, 2:3])
    pts = rect @ rot.T
    lo, hi = pts.min(0), pts.max(0)
    span = hi - lo
    room_x = max(0.0, w * (1 - 2 * margin) - span[0])
    room_y = max(0.0, h * (1 - 2 * margin) - span[1])
    cx = w * margin + rng.uniform(0, room_x) - lo[0]
    cy = h * margin + rng.uniform(0, room_y) - lo[1]
    return pts + np.array([cx, cy])


def homography(quad: np.ndarray) -> np.ndarray:
    src = np.float32([[0, 0], [CW, 0], [CW, CH], [0, CH]])
    return cv2.getPerspectiveTransform(src, np.float32(quad))


def put_card(bg: np.ndarray, card_rgb: np.ndarray, quad: np.ndarray, shade: float = 0.0) -> np.ndarray:
    h, w = bg.shape[:2]
    m = homography(quad)
    warped = cv2.warpPerspective(card_rgb.astype(np.float32), m, (w, h), flags=cv2.INTER_LINEAR)
    alpha = cv2.warpPerspective(card_alpha(), m, (w, h), flags=cv2.INTER_LINEAR)[..., None]
    if shade:  # a drop shadow on the desk under a card lying down
        sh = cv2.GaussianBlur(alpha[..., 0], (0, 0), 6)
        sh = np.roll(sh, (4, 4), (0, 1))[..., None]
        bg = bg * (1 - shade * sh)
    return bg * (1 - alpha) + warped * alpha


def thumb(img: np.ndarray, quad: np.ndarray, rng: np.random.Generator) -> None:
    """A thumb over one long edge of the card, reaching 4-8 mm in (card coordinates, then warped)."""
    m = homography(quad)
    u = rng.uniform(0.2, 0.8) * CW
    bottom = rng.random() < 0.7
    reach = rng.uniform(4, 8) * 12
    cy = CH + 14 * 12 - reach if bottom else -14 * 12 + reach
    t = np.linspace(0, 2 * np.pi, 60)
    ell = np.stack([u + 9.5 * 12 * np.cos(t), cy + 14 * 12 * np.sin(t)], 1).astype(np.float32)
    pts = cv2.perspectiveTransform(ell[None], m)[0]
    skin = np.array([200, 150, 120], np.float32) * rng.uniform(0.6, 1.05)
    cv2.fillPoly(img, [pts.astype(np.int32)], skin.tolist(), cv2.LINE_AA)
    nail_c = np.float32([[u, cy - 9 * 12 if bottom else cy + 9 * 12]])
    nail = cv2.perspectiveTransform(nail_c[None], m)[0][0]
    scale = np.linalg.norm(quad[1] - quad[0]) / CW
    cv2.ellipse(img, (int(nail[0]), int(nail[1])), (int(4 * 12 * scale), int(3 * 12 * scale)), 0, 0, 360,
                (skin * 1.15).clip(0, 255).tolist(), -1, cv2.LINE_AA)


def fingers_behind(bg: np.ndarray, quad: np.ndarray, rng: np.random.Generator) -> None:
    """Fingertips peeking out behind a held card's edge (drawn before the card)."""
    skin = np.array([195, 145, 115], np.float32) * rng.uniform(0.6, 1.05)
    side = int(rng.integers(0, 4))
    a, b = quad[side], quad[(side + 1) % 4]
    centre = quad.mean(0)
    for k in range(3):
        p = a + (b - a) * (0.3 + 0.15 * k)
        out = p + (p - centre) / np.linalg.norm(p - centre) * 18
        cv2.circle(bg, (int(out[0]), int(out[1])), 16, skin.tolist(), -1, cv2.LINE_AA)


def glare(img: np.ndarray, quad: np.ndarray, rng: np.random.Generator, strength: float) -> None:
    """A laminate glare band across the card: a soft bright stripe (card coordinates)."""
    h, w = img.shape[:2]
    band = np.zeros((CH, CW), np.float32)
    x = rng.uniform(0.15, 0.85) * CW
    tilt = rng.uniform(-0.6, 0.6)
    yy, xx = np.mgrid[0:CH, 0:CW].astype(np.float32)
    d = np.abs(xx - (x + tilt * (yy - CH / 2)))
    width = rng.uniform(25, 70)
    band = np.exp(-(d / width) ** 2) * card_alpha()
    warped = cv2.warpPerspective(band, homography(quad), (w, h))[..., None]
    img += warped * strength


def finish(img: np.ndarray, rng: np.random.Generator, *, soft: float, sigma: float, noise: float, gain: float,
           cast: np.ndarray, motion: int, jpeg: int, sharpen: float = 0.0) -> np.ndarray:
    """Optics, motion, sensor noise, exposure, colour and compression, in the order a camera does them."""
    h, w = img.shape[:2]
    if soft < 1.0:
        small = cv2.resize(img, (int(w * soft), int(h * soft)), interpolation=cv2.INTER_AREA)
        img = cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)
    if sigma > 0:
        img = cv2.GaussianBlur(img, (0, 0), sigma)
    if motion > 1:
        k = np.zeros((motion, motion), np.float32)
        k[motion // 2, :] = 1
        rot = cv2.getRotationMatrix2D((motion / 2 - 0.5, motion / 2 - 0.5), float(rng.uniform(0, 180)), 1.0)
        k = cv2.warpAffine(k, rot, (motion, motion))
        img = cv2.filter2D(img, -1, k / k.sum())
    img = img * cast
    img = img + rng.normal(0, noise, img.shape) + rng.normal(0, noise * 0.6, img.shape[:2])[..., None]
    img = np.clip(img * gain, 0, 255)
    img = 255 * (img / 255) ** rng.uniform(0.85, 1.1)
    if sharpen:
        img = cv2.addWeighted(img, 1 + sharpen, cv2.GaussianBlur(img, (0, 0), 1.5), -sharpen, 0)
    bgr = cv2.cvtColor(np.clip(img, 0, 255).astype(np.uint8), cv2.COLOR_RGB2BGR)
    ok, buf = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, int(jpeg)])
    return cv2.imdecode(buf, cv2.IMREAD_COLOR)


def blur_of(soft: float, sigma: float, motion: int) -> float:
    return float(np.sqrt(sigma ** 2 + (0.6 * (1 / soft - 1)) ** 2 + (motion / 3.0) ** 2))


# --- other cards and things that are not a KTP, for the negatives --------------------------------

def _pil_text(img: np.ndarray, items, font_path="liberation/LiberationSans-Regular.ttf") -> np.ndarray:
    pil = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))
    d = ImageDraw.Draw(pil)
    for (x, y), s, size, colour in items:
        d.text((x, y), s, font=ImageFont.truetype(FONT_DIR + font_path, size), fill=tuple(colour))
    return np.asarray(pil).astype(np.float32)


def other_card(kind: str, rng: np.random.Generator) -> np.ndarray:
    """A card-sized thing drawn at the KTP's own scale: a bank card, a SIM, a name badge."""
    if kind == "bank_card":
        top, bot = np.array([20, 40, 110], np.float32), np.array([10, 120, 160], np.float32)
        t = np.linspace(0, 1, CW, dtype=np.float32)[None, :, None]
        img = np.ones((CH, CW, 3), np.float32) * (top * (1 - t) + bot * t)
        cv2.rectangle(img, (110, 230), (230, 320), (210, 180, 90), -1)
        digits = " ".join("".join(str(int(v)) for v in rng.integers(0, 10, 4)) for _ in range(4))
        return _pil_text(img, [((90, 380), digits, 64, (235, 235, 235)), ((90, 520), "BUDI S WIRAWAN", 40, (235, 235, 235)),
                               ((700, 60), "BANK", 60, (255, 255, 255)), ((700, 520), "12/29", 40, (235, 235, 235))],
                         "dejavu/DejaVuSansMono-Bold.ttf")
    if kind == "sim":  # an Indonesian driving licence: pale card, a header, photo at left, fields
        img = np.ones((CH, CW, 3), np.float32) * np.array([236, 230, 205], np.float32)
        cv2.rectangle(img, (0, 0), (CW, 90), (200, 60, 60), -1)
        cv2.rectangle(img, (40, 160), (250, 440), (60, 90, 170), -1)
        cv2.ellipse(img, (145, 280), (60, 75), 0, 0, 360, (190, 150, 120), -1)
        sim_no = "".join(str(int(v)) for v in rng.integers(0, 10, 12))
        rows = [((290, 120), f"{sim_no[:4]}-{sim_no[4:8]}-{sim_no[8:]}", 44, (20, 20, 20))]
        for k, lab in enumerate(["1. SETIAWAN EKO", "2. JAKARTA, 12-03-1988", "3. LAKI-LAKI  GOL. DARAH: O",
                                 "4. JL. MELATI NO. 9 RT 003/004", "   KEMBANGAN JAKARTA BARAT", "5. KARYAWAN SWASTA",
                                 "6. POLDA METRO JAYA", "7. 21-06-2029"]):
            rows.append(((290, 190 + k * 50), lab, 30, (25, 25, 25)))
        rows.append(((30, 20), "SURAT IZIN MENGEMUDI   INDONESIA", 44, (255, 255, 255)))
        return _pil_text(img, rows)
    # a name badge: white card, a logo stripe, a big name
    img = np.ones((CH, CW, 3), np.float32) * 245
    cv2.rectangle(img, (0, 0), (CW, 150), (20, 110, 60), -1)
    cv2.circle(img, (CW // 2, 40), 18, (90, 90, 90), -1)
    return _pil_text(img, [((60, 200), "VISITOR", 90, (20, 20, 20)), ((60, 340), "RINA MARLINA", 60, (20, 20, 20)),
                           ((60, 450), "PT SINAR ABADI  -  TAMU 0427", 36, (60, 60, 60))], "liberation/LiberationSans-Bold.ttf")
