"""The fifth generator's e-KTP front, drawn at 10 px/mm (85.6 x 54 mm): a pale grey-blue ground with
a fine wave pattern and a warm wash low on the left, the two header lines centred, the NIK large and
bold, thirteen label rows, and the photo on the right with the place and date of issue and a
signature under it. Returns a BGR image and its mask (rounded corners)."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from tests.stranger5.people import Person

PX = 10  # pixels per mm
W, H = 856, 540
FONT_DIR = "/usr/share/fonts/truetype"
# family: (regular, bold); noto_display is held out of dev (splits.py)
FONTS = {
    "dejavu_cond": ("dejavu/DejaVuSansCondensed.ttf", "dejavu/DejaVuSansCondensed-Bold.ttf"),
    "dejavu": ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),
    "freesans": ("freefont/FreeSans.ttf", "freefont/FreeSansBold.ttf"),
    "noto_display": ("noto/NotoSansDisplay-Regular.ttf", "noto/NotoSansDisplay-Bold.ttf"),
}
MONTHS = ["", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"]
INK = (25, 25, 30)


@lru_cache(maxsize=64)
def font(path: str, cap_mm: float) -> ImageFont.FreeTypeFont:
    """The font at the size whose capital H is cap_mm tall on the card."""
    probe = ImageFont.truetype(f"{FONT_DIR}/{path}", 100)
    box = probe.getbbox("H")
    return ImageFont.truetype(f"{FONT_DIR}/{path}", max(6, round(100 * cap_mm * PX / (box[3] - box[1]))))


def fitted(draw: ImageDraw.ImageDraw, text: str, path: str, cap_mm: float, width_px: int) -> ImageFont.FreeTypeFont:
    """A value too wide for its space is printed smaller, never cut."""
    f = font(path, cap_mm)
    while draw.textlength(text, font=f) > width_px and cap_mm > 0.9:
        cap_mm -= 0.1
        f = font(path, cap_mm)
    return f


def ground(rng: np.random.Generator) -> np.ndarray:
    """The card's ground (RGB float): grey-blue, a fine wave pattern, a warm wash at the lower left."""
    y, x = np.mgrid[0:H, 0:W].astype(np.float32)
    base = np.array([214, 226, 236], np.float32) + rng.uniform(-6, 6, 3).astype(np.float32)
    img = np.empty((H, W, 3), np.float32)
    img[:] = base
    k = rng.uniform(0.08, 0.12)
    waves = np.sin(x * k + 9 * np.sin(y * 0.021)) * np.sin(y * k * 0.9 + 7 * np.sin(x * 0.017))
    img += (waves * 7)[..., None] * np.array([0.6, 0.8, 1.0], np.float32)
    wash = np.exp(-(((x - 0.05 * W) / (0.45 * W)) ** 2 + ((y - 1.0 * H) / (0.5 * H)) ** 2))
    img += wash[..., None] * np.array([26, 6, -30], np.float32)
    return np.clip(img, 0, 255)


def photo(rng: np.random.Generator, woman: bool) -> Image.Image:
    """A cartoon portrait on the red ground of a recent card (no real face)."""
    w, h = 19 * PX, 24 * PX
    img = Image.new("RGB", (w, h), (200, 30, 40) if rng.random() < 0.7 else (40, 70, 170))
    d = ImageDraw.Draw(img)
    skin = tuple(int(v) for v in rng.uniform([150, 105, 80], [220, 170, 135]))
    shirt = tuple(int(v) for v in rng.integers(20, 230, 3))
    d.ellipse([w * 0.05, h * 0.72, w * 0.95, h * 1.35], fill=shirt)
    d.rectangle([w * 0.42, h * 0.55, w * 0.58, h * 0.78], fill=skin)
    d.ellipse([w * 0.27, h * 0.18, w * 0.73, h * 0.66], fill=skin)
    hair = (20, 20, 20) if not woman or rng.random() < 0.5 else (60, 60, 70)
    if woman and rng.random() < 0.6:  # a headscarf
        scarf = tuple(int(v) for v in rng.integers(40, 220, 3))
        d.ellipse([w * 0.2, h * 0.1, w * 0.8, h * 0.8], fill=scarf)
        d.ellipse([w * 0.32, h * 0.24, w * 0.68, h * 0.62], fill=skin)
    else:
        d.chord([w * 0.26, h * 0.13, w * 0.74, h * 0.5], 180, 360, fill=hair)
    for ex in (0.41, 0.59):
        d.ellipse([w * ex - 4, h * 0.4 - 3, w * ex + 4, h * 0.4 + 3], fill=(30, 30, 30))
    d.line([w * 0.44, h * 0.54, w * 0.56, h * 0.54], fill=(120, 50, 50), width=2)
    return img


def signature(draw: ImageDraw.ImageDraw, rng: np.random.Generator, box: tuple[float, float, float, float]) -> None:
    x0, y0, x1, y1 = box
    pts = [(x0 + (x1 - x0) * t, y0 + (y1 - y0) * (0.5 + 0.45 * np.sin(t * rng.uniform(4, 9) + rng.uniform(0, 6))))
           for t in np.linspace(0, 1, 40)]
    draw.line(pts, fill=(30, 40, 90), width=2)


def date(d: dt.date) -> str:
    return f"{d.day:02d}-{MONTHS[d.month]}-{d.year}"


def draw_card(p: Person, family: str, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """The card (BGR uint8, H x W) and its mask (255 on the card, 0 beyond its rounded corners)."""
    regular, bold = FONTS[family]
    img = Image.fromarray(ground(rng).astype(np.uint8))
    d = ImageDraw.Draw(img)
    for i, line in enumerate((p.province, p.regency)):
        f = fitted(d, line, bold, 2.1, W - 10 * PX)
        d.text((W / 2, (2.6 + 3.4 * i) * PX), line, font=f, fill=INK, anchor="mt")
    label_x, colon_x, value_x = 3.5 * PX, 27.5 * PX, 29.5 * PX
    nik_f = font(bold, 2.9)
    d.text((label_x, 13.4 * PX), "NIK", font=nik_f, fill=INK, anchor="ls")
    d.text((colon_x - 3, 13.4 * PX), ":", font=nik_f, fill=INK, anchor="ls")
    d.text((value_x, 13.4 * PX), p.nik, font=fitted(d, p.nik, bold, 2.9, int(31.5 * PX)), fill=INK, anchor="ls")
    sex = "PEREMPUAN" if p.woman else "LAKI-LAKI"
    rows = [("Nama", p.name), ("Tempat/Tgl Lahir", f"{p.birthplace}, {date(p.born)}"), ("Jenis Kelamin", sex),
            ("Alamat", p.address), ("    RT/RW", p.rt_rw), ("    Kel/Desa", p.village), ("    Kecamatan", p.kecamatan),
            ("Agama", p.religion), ("Status Perkawinan", p.marriage), ("Pekerjaan", p.job),
            ("Kewarganegaraan", "WNI"), ("Berlaku Hingga", "SEUMUR HIDUP")]
    label_f, value_f = font(regular, 1.45), font(regular, 1.55)
    for i, (label, value) in enumerate(rows):
        y = (17.6 + 2.7 * i) * PX
        indent = 2.5 * PX if label.startswith(" ") else 0  # the address's sub-rows are indented on the card
        d.text((label_x + indent, y), label.strip(), font=label_f, fill=INK, anchor="ls")
        d.text((colon_x, y), ":", font=label_f, fill=INK, anchor="ls")
        room = (14.5 if label == "Jenis Kelamin" else 32) * PX
        d.text((value_x, y), value, font=fitted(d, value, regular, 1.55, room), fill=INK, anchor="ls")
        if label == "Jenis Kelamin":
            d.text((44.5 * PX, y), "Gol. Darah", font=label_f, fill=INK, anchor="ls")
            d.text((54.5 * PX, y), f": {p.blood}", font=value_f, fill=INK, anchor="ls")
    img.paste(photo(rng, p.woman), (int(63.5 * PX), int(10.5 * PX)))
    small = font(regular, 1.3)
    place = p.regency.replace("KABUPATEN ", "").replace("KOTA ", "")
    d.text((73 * PX, 37.2 * PX), place, font=fitted(d, place, regular, 1.3, 20 * PX), fill=INK, anchor="ms")
    d.text((73 * PX, 39.5 * PX), date(p.issued), font=small, fill=INK, anchor="ms")
    signature(d, rng, (65 * PX, 41 * PX, 81 * PX, 48 * PX))
    bgr = cv2.cvtColor(np.asarray(img), cv2.COLOR_RGB2BGR)
    mask = np.zeros((H, W), np.uint8)
    r = 3 * PX
    cv2.rectangle(mask, (r, 0), (W - 1 - r, H - 1), 255, -1)
    cv2.rectangle(mask, (0, r), (W - 1, H - 1 - r), 255, -1)
    for cx, cy in ((r, r), (W - 1 - r, r), (r, H - 1 - r), (W - 1 - r, H - 1 - r)):
        cv2.circle(mask, (cx, cy), r, 255, -1)
    return bgr, mask
