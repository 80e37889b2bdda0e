"""The sixth generator's e-KTP front, drawn from what a real card shows (issue 10): 85.6 x 54 mm, a
light blue-green ground with a fine line pattern, the province and regency centred at the top, the
NIK large and bold, the rows of labels and values, the photo on the right with the place and date of
issue and a signature under it. Each card's header and rows are scaled and shifted by a few % (print
batches differ), and its fonts are the case's."""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from tests.stranger6.people import Person

WIDTH = 1000  # px for 85.6 mm
HEIGHT = round(WIDTH * 54 / 85.6)
MM = WIDTH / 85.6
_F = "/usr/share/fonts/truetype/"
# name -> (regular, bold); liberation_narrow is held out of dev (splits.ONLY_IN_TEST)
FONTS = {
    "liberation": (_F + "liberation/LiberationSans-Regular.ttf", _F + "liberation/LiberationSans-Bold.ttf"),
    "freesans": (_F + "freefont/FreeSans.ttf", _F + "freefont/FreeSansBold.ttf"),
    "noto": (_F + "noto/NotoSans-Regular.ttf", _F + "noto/NotoSans-Bold.ttf"),
    "dejavu_cond": (_F + "dejavu/DejaVuSansCondensed.ttf", _F + "dejavu/DejaVuSansCondensed-Bold.ttf"),
    "liberation_narrow": (_F + "liberation/LiberationSansNarrow-Regular.ttf",
                          _F + "liberation/LiberationSansNarrow-Bold.ttf"),
}


PHOTO_X = 63.5 * MM


def _fitting(path: str, size: int, text: str, room: float) -> ImageFont.FreeTypeFont:
    """The value's font, smaller where a long value would run into the photo (cards print it smaller)."""
    font = ImageFont.truetype(path, size)
    while font.getlength(text) > room and size > 10:
        size -= 1
        font = ImageFont.truetype(path, size)
    return font


@dataclass(frozen=True)
class Card:
    image: np.ndarray  # BGR, HEIGHT x WIDTH
    mask: np.ndarray  # uint8, 255 on the card (rounded corners cut)
    rows: dict[str, str]  # what is printed, by label


def rows_of(p: Person) -> dict[str, str]:
    sex = "PEREMPUAN" if p.female else "LAKI-LAKI"
    return {
        "NIK": p.nik, "Nama": p.name, "Tempat/Tgl Lahir": f"{p.birth_place}, {p.birth:%d-%m-%Y}",
        "Jenis Kelamin": sex, "Alamat": p.address, "RT/RW": p.rt_rw, "Kel/Desa": p.village,
        "Kecamatan": p.kecamatan, "Agama": p.religion, "Status Perkawinan": p.marriage, "Pekerjaan": p.job,
        "Kewarganegaraan": "WNI", "Berlaku Hingga": "SEUMUR HIDUP",
    }


def _ground(rng: np.random.Generator) -> np.ndarray:
    """Light blue-green with a fine wavy line pattern and a faint rosette, as the security print."""
    y, x = np.mgrid[0:HEIGHT, 0:WIDTH].astype(np.float32)
    base = np.array([222, 214, 176], np.float32) + rng.normal(0, 6, 3)  # BGR: pale cyan-green
    img = np.ones((HEIGHT, WIDTH, 3), np.float32) * base
    img += (x / WIDTH)[..., None] * np.array([10, -6, -18], np.float32)  # bluer to the right
    f, ph = rng.uniform(0.25, 0.4), rng.uniform(0, 6.3)
    waves = np.sin(f * (y + 9 * np.sin(x / rng.uniform(28, 45) + ph)))
    img -= (waves > 0.85)[..., None] * np.array([22, 14, 4], np.float32)
    r = np.hypot(x - WIDTH * 0.45, y - HEIGHT * 0.55)
    img -= (np.sin(r / 3.1 + 5 * np.sin(np.arctan2(y - HEIGHT * 0.55, x - WIDTH * 0.45) * 8)) > 0.9)[..., None] \
        * np.array([10, 8, 2], np.float32) * (r < HEIGHT * 0.42)[..., None]
    return img


def _photo(rng: np.random.Generator, w: int, h: int) -> Image.Image:
    """A made-up portrait: a plain red or blue ground, shoulders and a head shape; no face of anyone."""
    ground = [(200, 40, 40), (40, 70, 180)][int(rng.integers(0, 2))]
    im = Image.new("RGB", (w, h), ground)
    d = ImageDraw.Draw(im)
    skin = tuple(int(c) for c in rng.integers([150, 100, 70], [225, 170, 130]))
    shirt = tuple(int(c) for c in rng.integers(0, 255, 3))
    d.ellipse([w * 0.05, h * 0.62, w * 0.95, h * 1.3], fill=shirt)
    d.rectangle([w * 0.4, h * 0.5, w * 0.6, h * 0.7], fill=skin)
    d.ellipse([w * 0.27, h * 0.16, w * 0.73, h * 0.62], fill=skin)
    d.chord([w * 0.25, h * 0.1, w * 0.75, h * 0.45], 180, 360, fill=(25, 20, 20))
    return im


def draw_card(p: Person, font: str, rng: np.random.Generator) -> Card:
    regular, bold = FONTS[font]
    img = Image.fromarray(cv2.cvtColor(np.clip(_ground(rng), 0, 255).astype(np.uint8), cv2.COLOR_BGR2RGB))
    d = ImageDraw.Draw(img)
    ink = tuple(int(c) for c in rng.integers(0, 35, 3))
    head_scale, field_scale = rng.uniform(0.94, 1.06, 2)
    dx, dy = rng.uniform(-0.03, 0.03) * WIDTH, rng.uniform(-0.03, 0.03) * HEIGHT
    head = ImageFont.truetype(bold, round(2.6 * MM * head_scale))
    hy = 2.6 * MM + rng.uniform(-0.02, 0.02) * HEIGHT
    for line in (p.province, p.regency):
        d.text((WIDTH / 2 + rng.uniform(-0.01, 0.01) * WIDTH, hy), line, font=head, fill=ink, anchor="mt")
        hy += 3.6 * MM * head_scale
    s = field_scale
    label_x, colon_x, value_x = 3.2 * MM + dx, 3.2 * MM + dx + 19.0 * MM * s, 3.2 * MM + dx + 20.2 * MM * s
    nik_font = ImageFont.truetype(bold, round(3.5 * MM * s))
    y = 11.2 * MM + dy
    d.text((label_x, y), "NIK", font=nik_font, fill=ink)
    d.text((colon_x - 1.0 * MM * s, y), ":", font=nik_font, fill=ink)
    d.text((value_x + 0.4 * MM, y), p.nik, font=nik_font, fill=ink)
    field = ImageFont.truetype(regular, round(2.05 * MM * s))
    rows = rows_of(p)
    y += 5.2 * MM * s
    step = 2.62 * MM * s
    for label, value in list(rows.items())[1:]:
        if label == "Jenis Kelamin":
            d.text((label_x, y), label, font=field, fill=ink)
            d.text((colon_x, y), ":", font=field, fill=ink)
            d.text((value_x, y), value, font=field, fill=ink)
            gx = value_x + 15 * MM * s
            d.text((gx, y), f"Gol. Darah : {p.blood}", font=field, fill=ink)
        else:
            indent = 2.0 * MM * s if label in ("RT/RW", "Kel/Desa", "Kecamatan") else 0
            d.text((label_x + indent, y), label, font=field, fill=ink)
            d.text((colon_x, y), ":", font=field, fill=ink)
            d.text((value_x, y), value, font=_fitting(regular, field.size, value, PHOTO_X - 1.5 * MM - value_x),
                   fill=ink)
        y += step
    # the photo, and the place and date of issue and the signature under it
    px, py, pw, ph = round(PHOTO_X), round(16.0 * MM), round(19.0 * MM), round(24.0 * MM)
    img.paste(_photo(rng, pw, ph), (px, py))
    small = ImageFont.truetype(regular, round(1.9 * MM))
    cx = px + pw / 2
    d.text((cx, py + ph + 0.8 * MM), p.issued_at, font=small, fill=ink, anchor="mt")
    d.text((cx, py + ph + 3.1 * MM), f"{p.issued_on:%d-%m-%Y}", font=small, fill=ink, anchor="mt")
    t = np.linspace(0, 1, 40)
    sx = px + pw * (0.15 + 0.7 * t)
    sy = py + ph + 7.6 * MM + 1.2 * MM * np.sin(t * rng.uniform(8, 16) + rng.uniform(0, 6)) * (1 - t)
    d.line(list(zip(sx.tolist(), sy.tolist())), fill=(20, 20, 60), width=2)
    image = cv2.cvtColor(np.asarray(img), cv2.COLOR_RGB2BGR)
    mask = np.zeros((HEIGHT, WIDTH), np.uint8)
    r = round(3.2 * MM)
    cv2.rectangle(mask, (r, 0), (WIDTH - 1 - r, HEIGHT - 1), 255, -1)
    cv2.rectangle(mask, (0, r), (WIDTH - 1, HEIGHT - 1 - r), 255, -1)
    for cxy in ((r, r), (WIDTH - 1 - r, r), (r, HEIGHT - 1 - r), (WIDTH - 1 - r, HEIGHT - 1 - r)):
        cv2.circle(mask, cxy, r, 255, -1)
    return Card(image, mask, rows)
