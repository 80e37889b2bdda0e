"""The e-KTP front as the fourth generator prints it, at 10 px/mm (85.6 x 54 mm), RGB uint8.

Drawn from what a real card looks like in a webcam picture: a light blue ground turning green-cyan
towards the bottom, a faint map of islands and fine guilloche waves, a warm red-and-white tone
behind the header, the photo on the right on red or blue with the place and date of issue and a
signature under it, the NIK larger and bold, the values in Arial-like sans fonts. Worn cards get
faded ink, scratches and scuffed laminate."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from tests.stranger4.people import Person

PX_MM = 10
W, H = int(85.6 * PX_MM), int(54 * PX_MM)
FONT_DIR = "/usr/share/fonts/truetype/"
FONTS = {
    "liberation": "liberation/LiberationSans-Regular.ttf",
    "liberation-bold": "liberation/LiberationSans-Bold.ttf",
    "freesans": "freefont/FreeSans.ttf",
    "freesans-bold": "freefont/FreeSansBold.ttf",
    "narrow": "liberation/LiberationSansNarrow-Regular.ttf",
    "narrow-bold": "liberation/LiberationSansNarrow-Bold.ttf",
    "noto": "noto/NotoSans-Regular.ttf",
    "noto-bold": "noto/NotoSans-Bold.ttf",
    "dejavu-bold": "dejavu/DejaVuSans-Bold.ttf",
}
# Each body font's bold, for the header and the labels' own weight on some prints
BOLD_OF = {"liberation": "liberation-bold", "freesans": "freesans-bold", "narrow": "narrow-bold", "noto": "noto-bold"}
LABELS = ("Nama", "Tempat/Tgl Lahir", "Jenis Kelamin", "Alamat", "RT/RW", "Kel/Desa", "Kecamatan", "Agama",
          "Status Perkawinan", "Pekerjaan", "Kewarganegaraan", "Berlaku Hingga")
INDENTED = {"RT/RW", "Kel/Desa", "Kecamatan"}
PHOTO = (620, 130, 820, 380)   # x0, y0, x1, y1 in px
VALUE_END = PHOTO[0] - 12      # a value runs no further than the photo


@dataclass(frozen=True)
class Look:
    body: str
    nik_font: str
    photo_ground: str   # "red" or "blue"
    worn: bool


@lru_cache(maxsize=64)
def font(name: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONT_DIR + FONTS[name], px)


def fits(text: str, name: str, px: int, width: int) -> bool:
    return font(name, px).getlength(text) <= width


def ground(rng: np.random.Generator) -> np.ndarray:
    """Light blue at the top to pale green-cyan at the bottom, islands, guilloche, the header's tone."""
    y = np.linspace(0, 1, H, dtype=np.float32)[:, None, None]
    top = np.array([196, 226, 240], np.float32) + rng.normal(0, 5, 3)
    bottom = np.array([206, 238, 222], np.float32) + rng.normal(0, 5, 3)
    img = np.broadcast_to(top * (1 - y) + bottom * y, (H, W, 3)).copy()
    # a faint map: a few soft island blobs, a shade darker
    mask = np.zeros((H, W), np.float32)
    for _ in range(int(rng.integers(6, 12))):
        c = (int(rng.uniform(50, 600)), int(rng.uniform(120, 470)))
        axes = (int(rng.uniform(20, 90)), int(rng.uniform(8, 30)))
        cv2.ellipse(mask, c, axes, float(rng.uniform(-30, 30)), 0, 360, 1.0, -1)
    img -= cv2.GaussianBlur(mask, (0, 0), 4)[..., None] * np.array([18, 10, 14], np.float32)
    # guilloche: two families of fine sine lines
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    for _ in range(2):
        f, a, p = rng.uniform(0.012, 0.03), rng.uniform(6, 20), rng.uniform(0, 6.3)
        waves = np.sin((yy + a * np.sin(xx * f + p)) * rng.uniform(0.18, 0.3))
        img -= (np.clip(waves - 0.85, 0, None) / 0.15)[..., None] * rng.uniform(6, 14)
    # red over white behind the header, as the flag's tone some prints carry there
    band = np.clip(1 - yy / 110, 0, 1)[..., None]
    img = img * (1 - 0.35 * band) + band * 0.35 * np.array([246, 214, 214], np.float32)
    return img


def draw_photo(img: Image.Image, look: Look, rng: np.random.Generator) -> None:
    """A pass photo on red or blue: hair, face and shoulders, cut by the photo's frame."""
    x0, y0, x1, y1 = PHOTO
    w, h = x1 - x0, y1 - y0
    photo = Image.new("RGB", (w, h), (190, 40, 45) if look.photo_ground == "red" else (40, 90, 190))
    d = ImageDraw.Draw(photo)
    cx = w // 2 + int(rng.integers(-8, 9))
    skin = tuple(int(v) for v in rng.uniform([150, 110, 80], [225, 180, 150]))
    d.ellipse((20, h - 70, w - 20, h + 120), fill=tuple(int(v) for v in rng.uniform(10, 90, 3)))  # shoulders
    d.ellipse((cx - 52, 45, cx + 52, 175), fill=skin)
    d.chord((cx - 56, 30, cx + 56, 130), 180, 360, fill=(25, 20, 20))  # hair
    img.paste(photo, (x0, y0))


def draw_card(person: Person, look: Look, rng: np.random.Generator) -> np.ndarray:
    base = ground(rng)
    img = Image.fromarray(np.clip(base, 0, 255).astype(np.uint8))
    d = ImageDraw.Draw(img)
    ink = tuple(int(v) for v in rng.uniform(5, 35, 3))
    bold = BOLD_OF[look.body]
    # header, two centred lines
    for i, line in enumerate((f"PROVINSI {person.province}", person.regency)):
        px = 27
        while not fits(line, bold, px, W - 40):
            px -= 1
        d.text((W / 2, 34 + 32 * i), line, font=font(bold, px), fill=ink, anchor="mm")
    # the NIK: its label, then the number larger and bold
    dx, dy = rng.normal(0, 4, 2)
    nik_px = int(rng.integers(38, 44))
    while not fits(person.nik, look.nik_font, nik_px, VALUE_END - 200):
        nik_px -= 1
    d.text((30 + dx, 130 + dy), "NIK", font=font(look.nik_font, 34), fill=ink, anchor="ls")
    d.text((170 + dx, 130 + dy), ":", font=font(look.nik_font, 34), fill=ink, anchor="ls")
    d.text((195 + dx, 130 + dy), person.nik, font=font(look.nik_font, nik_px), fill=ink, anchor="ls")
    # twelve rows of label : value
    px = int(rng.integers(19, 23))
    values = (person.name, f"{person.birthplace}, {person.born:%d-%m-%Y}",
              "PEREMPUAN" if person.woman else "LAKI-LAKI", person.street, person.rt_rw, person.village,
              person.kecamatan, person.religion, person.married, person.job, "WNI", "SEUMUR HIDUP")
    pitch = (500 - 168) / 12
    for i, (label, value) in enumerate(zip(LABELS, values)):
        y = 172 + i * pitch + dy
        x = 30 + (16 if label in INDENTED else 0) + dx
        d.text((x, y), label, font=font(look.body, px), fill=ink, anchor="ls")
        d.text((215 + dx, y), ":", font=font(look.body, px), fill=ink, anchor="ls")
        vpx = px
        while not fits(value, look.body, vpx, VALUE_END - 228 - dx):
            vpx -= 1
        d.text((228 + dx, y), value, font=font(look.body, vpx), fill=ink, anchor="ls")
        if label == "Jenis Kelamin":
            d.text((400 + dx, y), f"Gol. Darah : {person.blood}", font=font(look.body, px), fill=ink, anchor="ls")
    draw_photo(img, look, rng)
    d.text(((PHOTO[0] + PHOTO[2]) / 2, 410), person.birthplace, font=font(look.body, 18), fill=ink, anchor="mm")
    issued = f"{int(rng.integers(1, 29)):02d}-{int(rng.integers(1, 13)):02d}-{int(rng.integers(2012, 2025))}"
    d.text(((PHOTO[0] + PHOTO[2]) / 2, 434), issued, font=font(look.body, 18), fill=ink, anchor="mm")
    pts = [(PHOTO[0] + 40 + 12 * k, 470 + rng.normal(0, 9)) for k in range(11)]
    d.line(pts, fill=ink, width=2)
    card = np.asarray(img).astype(np.float32)
    if look.worn:
        card = wear(card, rng)
    return np.clip(card, 0, 255).astype(np.uint8)


def wear(card: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A card carried in a wallet for years: faded ink, scratched and scuffed laminate."""
    paper = cv2.GaussianBlur(card, (0, 0), 6)
    card = card + (paper - card) * rng.uniform(0.1, 0.35)     # ink fades towards the ground
    scratches = np.zeros(card.shape[:2], np.float32)
    for _ in range(int(rng.integers(15, 60))):
        p = rng.uniform([0, 0], [W, H])
        ang, length = rng.uniform(0, np.pi), rng.uniform(20, 300)
        q = p + length * np.array([np.cos(ang), np.sin(ang)])
        cv2.line(scratches, tuple(map(int, p)), tuple(map(int, q)), float(rng.uniform(0.3, 1)), 1, cv2.LINE_AA)
    scuff = cv2.GaussianBlur((rng.random((H // 20, W // 20)) > 0.85).astype(np.float32), (0, 0), 1)
    scuff = cv2.resize(scuff, (W, H), interpolation=cv2.INTER_CUBIC)
    return card + scratches[..., None] * 70 + np.clip(scuff, 0, 1)[..., None] * rng.uniform(15, 35)
