"""The front of a KTP-el drawn from what the real card looks like (85.6 x 54 mm): a pale blue to
green ground with fine wave lines and a faint emblem, two centred bold header lines, "NIK :" and
the 16 digits larger and bold, the label column with ":" and upper-case values, the photo on red
or blue at the right with the place, the issue date and a signature under it.

A print run is not a template: the whole text block shifts by up to ~1.5 mm and scales by a few
per cent, the value layer sits a little off the label layer (misregistration), letter spacing,
ink weight and colour vary, and an old card is scratched and faded. Drawn at 12 px/mm, RGB."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from tests.stranger3.people import Person, header_lines

PX = 12.0  # pixels per mm
W, H = int(round(85.6 * PX)), int(round(54.0 * PX))
FONT_DIR = "/usr/share/fonts/truetype/"
FONTS = {  # regular, bold
    "liberation": ("liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf"),
    "dejavu-condensed": ("dejavu/DejaVuSansCondensed.ttf", "dejavu/DejaVuSansCondensed-Bold.ttf"),
    "noto": ("noto/NotoSans-Regular.ttf", "noto/NotoSans-Bold.ttf"),
    "freesans": ("freefont/FreeSans.ttf", "freefont/FreeSansBold.ttf"),
    "liberation-narrow": ("liberation/LiberationSansNarrow-Regular.ttf", "liberation/LiberationSansNarrow-Bold.ttf"),
}
NIK_FONTS = {
    "liberation-bold": "liberation/LiberationSans-Bold.ttf",
    "dejavu-bold": "dejavu/DejaVuSans-Bold.ttf",
    "ocra": "ocr-a/OCRA.ttf",
    "noto-bold": "noto/NotoSans-Bold.ttf",
    "freesans-bold": "freefont/FreeSansBold.ttf",
}
LABELS = ["Nama", "Tempat/Tgl Lahir", "Jenis Kelamin", "Alamat", "RT/RW", "Kel/Desa", "Kecamatan", "Agama",
          "Status Perkawinan", "Pekerjaan", "Kewarganegaraan", "Berlaku Hingga"]
INDENTED = {"RT/RW", "Kel/Desa", "Kecamatan"}


@dataclass(frozen=True)
class Look:
    body: str           # key of FONTS
    nik_font: str       # key of NIK_FONTS
    photo_ground: str   # "red" / "blue"
    worn: bool


def _font(path: str, px: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONT_DIR + path, max(6, int(round(px))))


def _text(draw: ImageDraw.ImageDraw, xy, s: str, font, spacing: float = 0.0, anchor: str = "ls") -> float:
    """Draw s at xy (left, baseline) with extra letter spacing; return the end x."""
    x, y = xy
    if spacing == 0.0:
        draw.text((x, y), s, font=font, fill=255, anchor=anchor)
        return x + draw.textlength(s, font=font)
    for ch in s:
        draw.text((x, y), ch, font=font, fill=255, anchor=anchor)
        x += draw.textlength(ch, font=font) + spacing
    return x


def _centred(draw, cx, y, s, font, spacing):
    width = sum(draw.textlength(c, font=font) + spacing for c in s) - spacing
    _text(draw, (cx - width / 2, y), s, font, spacing)


def _ground(rng: np.random.Generator) -> np.ndarray:
    """Pale blue at the top fading to pale green-white, fine guilloche waves, a faint emblem."""
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    t = (yy / H)[..., None]
    top = np.array([196, 222, 240], np.float32) + rng.normal(0, 4, 3)
    bottom = np.array([226, 240, 232], np.float32) + rng.normal(0, 4, 3)
    img = top * (1 - t) + bottom * t
    # a soft radial glow behind the text block, as the card's printed ground has
    glow = np.exp(-(((xx - W * 0.4) / (W * 0.5)) ** 2 + ((yy - H * 0.55) / (H * 0.6)) ** 2))
    img += glow[..., None] * np.array([10, 8, 4], np.float32)
    lines = np.zeros((H, W), np.uint8)
    xs = np.arange(0, W, 2, dtype=np.float32)
    period = rng.uniform(70, 120)
    for k in range(-4, int(H / 6) + 4):
        y0 = k * 6.0
        ys = y0 + 9 * np.sin(xs / period * 2 * np.pi + k * 0.21) + 4 * np.sin(xs / (period * 0.37) + k * 0.5)
        cv2.polylines(lines, [np.stack([xs, ys], 1).astype(np.int32)], False, 255, 1, cv2.LINE_AA)
    for k in range(0, W, 9):  # the crossing set, fainter
        ys2 = np.arange(0, H, 2, dtype=np.float32)
        xs2 = k + 6 * np.sin(ys2 / 45.0 + k * 0.05)
        cv2.polylines(lines, [np.stack([xs2, ys2], 1).astype(np.int32)], False, 110, 1, cv2.LINE_AA)
    ink = np.array([120, 170, 205], np.float32)
    a = (lines.astype(np.float32) / 255.0 * rng.uniform(0.12, 0.22))[..., None]
    img = img * (1 - a) + ink * a
    # a faint emblem in the middle: a shield in a ring with spread wings
    em = np.zeros((H, W), np.uint8)
    c = (int(W * 0.42), int(H * 0.55))
    cv2.circle(em, c, int(12 * PX), 255, 3, cv2.LINE_AA)
    cv2.circle(em, c, int(6 * PX), 255, -1, cv2.LINE_AA)
    for side in (-1, 1):
        for j in range(6):
            p1 = (c[0] + side * int(6 * PX), c[1] - int(2 * PX) + j * 10)
            p2 = (c[0] + side * int((18 - j) * PX), c[1] - int((9 - j * 1.2) * PX))
            cv2.line(em, p1, p2, 255, 5, cv2.LINE_AA)
    em = cv2.GaussianBlur(em, (0, 0), 2)
    a = (em.astype(np.float32) / 255.0 * rng.uniform(0.06, 0.12))[..., None]
    img = img * (1 - a) + np.array([150, 175, 190], np.float32) * a
    return np.clip(img, 0, 255)


def _photo(rng: np.random.Generator, ground: str, woman: bool, w: int, h: int) -> np.ndarray:
    base = np.array([200, 40, 45] if ground == "red" else [40, 90, 190], np.float32) + rng.normal(0, 8, 3)
    img = np.ones((h, w, 3), np.float32) * base
    img *= (0.9 + 0.15 * np.linspace(0, 1, h)[:, None, None])
    skin = np.array([205, 160, 125], np.float32) * rng.uniform(0.7, 1.05)
    cloth = np.array([30, 30, 40], np.float32) if rng.random() < 0.6 else np.array([235, 235, 235], np.float32)
    canvas = img.astype(np.uint8).copy()
    cv2.ellipse(canvas, (w // 2, h + int(h * 0.12)), (int(w * 0.55), int(h * 0.42)), 0, 0, 360, cloth.tolist(), -1, cv2.LINE_AA)
    cv2.rectangle(canvas, (int(w * 0.42), int(h * 0.55)), (int(w * 0.58), int(h * 0.75)), skin.tolist(), -1)
    hair = [20, 18, 18]
    if woman and rng.random() < 0.6:  # a headscarf
        scarf = rng.choice([[40, 40, 60], [230, 230, 230], [120, 60, 80], [30, 80, 60]]).tolist()
        cv2.ellipse(canvas, (w // 2, int(h * 0.42)), (int(w * 0.3), int(h * 0.34)), 0, 0, 360, scarf, -1, cv2.LINE_AA)
        cv2.ellipse(canvas, (w // 2, int(h * 0.44)), (int(w * 0.18), int(h * 0.22)), 0, 0, 360, skin.tolist(), -1, cv2.LINE_AA)
    else:
        cv2.ellipse(canvas, (w // 2, int(h * 0.36)), (int(w * 0.24), int(h * 0.22)), 0, 0, 360, hair, -1, cv2.LINE_AA)
        cv2.ellipse(canvas, (w // 2, int(h * 0.44)), (int(w * 0.2), int(h * 0.25)), 0, 0, 360, skin.tolist(), -1, cv2.LINE_AA)
    for ex in (-1, 1):
        cv2.circle(canvas, (w // 2 + ex * int(w * 0.08), int(h * 0.42)), max(2, w // 40), (30, 25, 25), -1)
    cv2.ellipse(canvas, (w // 2, int(h * 0.56)), (int(w * 0.06), max(2, h // 70)), 0, 0, 180, (120, 60, 60), 2)
    return cv2.GaussianBlur(canvas, (0, 0), 1.2)


def _fmt(d: dt.date) -> str:
    return f"{d.day:02d}-{d.month:02d}-{d.year}"


def draw_card(person: Person, look: Look, rng: np.random.Generator) -> np.ndarray:
    """The card's front, RGB uint8, H x W."""
    body_r, body_b = FONTS[look.body]
    shift = rng.normal(0, 0.6, 2).clip(-1.5, 1.5) * PX       # the text block's place on this card
    scale = float(rng.uniform(0.96, 1.04))
    mis = rng.normal(0, 0.12, 2).clip(-0.3, 0.3) * PX        # values printed a little off the labels
    pitch = 2.78 * scale * PX
    field_px = 2.3 * scale * PX                                # font size: cap height ~1.6 mm
    spacing = float(rng.uniform(-0.3, 1.0))
    lab_font, val_font = _font(body_r, field_px), _font(body_r if rng.random() < 0.8 else body_b, field_px)
    head_font = _font(body_b, 3.1 * scale * PX)
    nik_font = _font(NIK_FONTS[look.nik_font], (4.3 if look.nik_font != "ocra" else 4.0) * scale * PX)
    nik_label_font = _font(body_b, 3.9 * scale * PX)

    labels = Image.new("L", (W, H), 0)
    values = Image.new("L", (W, H), 0)
    dl, dv = ImageDraw.Draw(labels), ImageDraw.Draw(values)
    ox, oy = 3.2 * PX + shift[0], shift[1]
    head1, head2 = header_lines(person)
    _centred(dl, W * 0.5 + shift[0], oy + 5.2 * PX, head1, head_font, spacing)
    _centred(dl, W * 0.5 + shift[0], oy + 9.3 * PX, head2, head_font, spacing)
    nik_y = oy + 14.6 * scale * PX
    _text(dl, (ox, nik_y), "NIK", nik_label_font)
    colon_x = ox + 13.0 * scale * PX
    _text(dl, (colon_x, nik_y), ":", nik_label_font)
    _text(dv, (colon_x + 2.2 * PX + mis[0], nik_y + mis[1]), person.nik, nik_font,
          float(rng.uniform(0.0, 0.8 if look.nik_font == "ocra" else 2.5)))

    born = f"{person.birth_place}, {_fmt(person.born)}"
    vals = [person.name, born, "PEREMPUAN" if person.woman else "LAKI-LAKI", person.street, person.rt_rw,
            person.village, person.kecamatan, person.religion, person.married, person.job, "WNI", "SEUMUR HIDUP"]
    col_x = ox + 20.3 * scale * PX
    y = oy + 18.6 * scale * PX
    for label, value in zip(LABELS, vals):
        lx = ox + (1.0 * PX if label in INDENTED else 0)
        _text(dl, (lx, y), label, lab_font, spacing * 0.5)
        _text(dl, (col_x, y), ":", lab_font)
        _text(dv, (col_x + 1.3 * PX + mis[0], y + mis[1]), value, val_font, spacing * 0.5)
        if label == "Jenis Kelamin":
            gx = ox + 37.5 * scale * PX
            end = _text(dl, (gx, y), "Gol. Darah", lab_font, spacing * 0.5) + 0.8 * PX
            end = _text(dl, (end, y), ":", lab_font)
            _text(dv, (end + 0.9 * PX + mis[0], y + mis[1]), person.blood, val_font)
        y += pitch

    # the photo block and what is printed under it
    px0, py0 = int(62.5 * PX + shift[0] * 0.3), int(13.5 * PX + shift[1] * 0.3)
    pw, ph = int(20.0 * PX), int(25.5 * PX)
    small = _font(body_r, 2.2 * PX)
    cx = px0 + pw / 2
    place = person.regency.replace("KABUPATEN ", "").replace("KOTA ADMINISTRASI ", "")
    _centred(dv, cx, py0 + ph + 3.0 * PX, place if len(place) < 16 else place[:15], small, 0)
    _centred(dv, cx, py0 + ph + 5.7 * PX, _fmt(person.issued), small, 0)
    sig = np.zeros((H, W), np.uint8)
    pts, sx = [], px0 + pw * 0.2
    for k in range(14):
        pts.append((sx + k * pw * 0.045 + rng.normal(0, 3), py0 + ph + 9.0 * PX + rng.normal(0, 1.4 * PX)))
    cv2.polylines(sig, [np.array(pts, np.int32)], False, 255, 2, cv2.LINE_AA)

    img = _ground(rng)
    photo = _photo(rng, look.photo_ground, person.woman, pw, ph)
    img[py0:py0 + ph, px0:px0 + pw] = photo

    ink = np.array([28, 28, 38], np.float32) + rng.normal(0, 6, 3)
    lab = np.asarray(labels, np.float32) / 255.0
    val = np.asarray(values, np.float32) / 255.0
    weight = rng.choice([-1, 0, 0, 1])  # a thin or heavy ribbon
    if weight:
        k = np.ones((2, 2), np.uint8)
        val = cv2.dilate(val, k) if weight > 0 else cv2.erode(val, k) * 0.3 + val * 0.7
    text = np.maximum(lab, val)
    text = np.maximum(text, sig.astype(np.float32) / 255.0 * 0.8)
    if look.worn:  # faded patches of ink and a few scratches
        fade = cv2.GaussianBlur(rng.random((H // 16, W // 16)).astype(np.float32), (0, 0), 2)
        fade = cv2.resize(fade, (W, H))
        text *= np.clip(1.3 - fade * rng.uniform(0.6, 1.0), 0.45, 1.0)
    # dye-sublimation misregistration: the colour layers of the ink sit a pixel or so apart
    layers = []
    for ch in range(3):
        d = rng.integers(-1, 2, 2)
        layers.append(np.roll(text, (int(d[0]), int(d[1])), (0, 1)) if rng.random() < 0.5 else text)
    for ch in range(3):
        a = layers[ch]
        img[..., ch] = img[..., ch] * (1 - a) + ink[ch] * a
    if look.worn:
        scr = np.zeros((H, W), np.uint8)
        for _ in range(int(rng.integers(4, 12))):
            p = rng.integers(0, [W, H])
            q = p + rng.normal(0, 120, 2).astype(int)
            cv2.line(scr, tuple(int(v) for v in p), tuple(int(v) for v in q), 255, 1, cv2.LINE_AA)
        a = (scr.astype(np.float32) / 255.0 * 0.5)[..., None]
        img = img * (1 - a) + 245 * a
        img += cv2.resize(rng.normal(0, 3, (H // 8, W // 8)).astype(np.float32), (W, H), interpolation=cv2.INTER_NEAREST)[..., None] * 0.8
    img += rng.normal(0, 1.5, img.shape)
    return np.clip(img, 0, 255).astype(np.uint8)


def card_alpha() -> np.ndarray:
    """The card's outline with its rounded corners (radius ~3.2 mm), float 0..1."""
    a = np.zeros((H, W), np.uint8)
    r = int(3.2 * PX)
    cv2.rectangle(a, (r, 0), (W - 1 - r, H - 1), 255, -1)
    cv2.rectangle(a, (0, r), (W - 1, H - 1 - r), 255, -1)
    for cx, cy in ((r, r), (W - 1 - r, r), (r, H - 1 - r), (W - 1 - r, H - 1 - r)):
        cv2.circle(a, (cx, cy), r, 255, -1, cv2.LINE_AA)
    return a.astype(np.float32) / 255.0
