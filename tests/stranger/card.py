"""Draw the front of a KTP-el at PX_PER_MM: pale blue-cyan ground with guilloche and a faint
emblem/map watermark, the centred province/regency header, the label / ":" / value rows, the photo
with place, date and signature under it. Every size and colour here is this generator's own choice.
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from tests.stranger.people import Person

PX_PER_MM = 16
W_MM, H_MM = 85.6, 54.0
W, H = round(W_MM * PX_PER_MM), round(H_MM * PX_PER_MM)
FONT_DIR = "/usr/share/fonts/truetype/"
# Body fonts (regular, bold) by family name; NIK fonts are separate (OCR-like or DIN-like).
BODY = {
    "liberation": ("liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf"),
    "dejavu": ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),
    "free": ("freefont/FreeSans.ttf", "freefont/FreeSansBold.ttf"),
    "dejavu-condensed": ("dejavu/DejaVuSansCondensed.ttf", "dejavu/DejaVuSansCondensed-Bold.ttf"),
    "noto-display": ("noto/NotoSansDisplay-Regular.ttf", "noto/NotoSansDisplay-Bold.ttf"),
}
NIK_FONTS = {
    "ocra": "ocr-a/OCRA.ttf",
    "dejavu-mono-bold": "dejavu/DejaVuSansMono-Bold.ttf",
    "liberation-mono-bold": "liberation/LiberationMono-Bold.ttf",
    "free-mono-bold": "freefont/FreeMonoBold.ttf",
    "ocra-condensed": "ocr-a/OCRACondensed.ttf",
}
LABELS = ("Nama", "Tempat/Tgl Lahir", "Jenis Kelamin", "Alamat", "RT/RW", "Kel/Desa", "Kecamatan",
          "Agama", "Status Perkawinan", "Pekerjaan", "Kewarganegaraan", "Berlaku Hingga")


@dataclass(frozen=True)
class Look:
    """How one card is printed: fonts, layout variant and ink."""
    body: str
    nik_font: str
    layout: str  # "classic" or "spaced" (labels with spaced slashes and dots, rows further apart)
    ink: int  # grey level of the text (0 black)
    tint: tuple[int, int, int]  # RGB of the ground


@lru_cache(maxsize=64)
def _font(path: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONT_DIR + path, px)


def _mm(v: float) -> int:
    return round(v * PX_PER_MM)


def _ground(rng: random.Random, tint: tuple[int, int, int]) -> Image.Image:
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    base = np.empty((H, W, 3), np.float32)
    # A left-to-right fade, lighter in the middle, as printed KTP grounds are.
    fade = 1.0 + 0.05 * np.cos((xx / W - 0.5) * math.pi) - 0.03 * (yy / H)
    for c in range(3):
        base[..., c] = tint[c] * fade
    img = Image.fromarray(np.clip(base, 0, 255).astype(np.uint8))
    d = ImageDraw.Draw(img)
    # Guilloche: families of thin sine curves in two pale inks.
    for family in range(rng.randint(2, 3)):
        colour = rng.choice(((150, 190, 215), (185, 170, 205), (140, 200, 200)))
        amp, period, phase = rng.uniform(8, 30), rng.uniform(90, 260), rng.uniform(0, 6.3)
        step = rng.randint(14, 26)
        for k in range(-6, H // step + 6):
            pts = [(x, k * step + amp * math.sin(x / period * 6.283 + phase + k * 0.35)) for x in range(0, W + 8, 8)]
            d.line(pts, fill=colour, width=1)
    # Watermark: a faint emblem (shield in a wing shape) and a map-like blob, a shade darker.
    wm = Image.new("L", (W, H), 0)
    wd = ImageDraw.Draw(wm)
    cx, cy = rng.uniform(0.35, 0.55) * W, rng.uniform(0.45, 0.65) * H
    r = rng.uniform(0.14, 0.2) * H
    wd.ellipse((cx - r, cy - r, cx + r, cy + r), outline=255, width=3)
    wd.polygon([(cx - r * 1.8, cy - r * 0.3), (cx, cy - r * 0.6), (cx + r * 1.8, cy - r * 0.3), (cx, cy + r * 0.4)], outline=255)
    wd.rectangle((cx - r * 0.4, cy - r * 0.3, cx + r * 0.4, cy + r * 0.5), outline=255, width=2)
    pts = []
    mx, my = rng.uniform(0.1, 0.3) * W, rng.uniform(0.55, 0.8) * H
    for a in range(0, 360, 12):
        rr = rng.uniform(0.6, 1.0) * 0.12 * W
        pts.append((mx + rr * math.cos(math.radians(a)) * 2.2, my + rr * math.sin(math.radians(a)) * 0.5))
    wd.polygon(pts, fill=120)
    wm = wm.filter(ImageFilter.GaussianBlur(1.2))
    dark = np.asarray(wm, np.float32)[..., None] / 255.0 * rng.uniform(0.05, 0.1)
    arr = np.asarray(img, np.float32) * (1 - dark)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def _photo(img: Image.Image, rng: random.Random, box: tuple[int, int, int, int]) -> None:
    """A pass photo (plain red or blue ground, a head and shoulders), cut to its box."""
    w, h = box[2] - box[0], box[3] - box[1]
    pic = Image.new("RGB", (w, h), rng.choice(((190, 40, 45), (40, 80, 170), (200, 60, 60))))
    d = ImageDraw.Draw(pic)
    x0, y0, x1, y1 = 0, 0, w, h
    skin = rng.choice(((205, 160, 120), (170, 120, 85), (225, 185, 150)))
    d.ellipse((x0 + 0.1 * w, y0 + 0.72 * h, x1 - 0.1 * w, y1 + 0.4 * h), fill=rng.choice(((30, 30, 35), (245, 245, 245))))
    d.ellipse((x0 + 0.28 * w, y0 + 0.2 * h, x1 - 0.28 * w, y0 + 0.75 * h), fill=skin)
    d.chord((x0 + 0.26 * w, y0 + 0.14 * h, x1 - 0.26 * w, y0 + 0.5 * h), 180, 360, fill=(25, 20, 20))
    img.paste(pic, box[:2])


def _signature(d: ImageDraw.ImageDraw, rng: random.Random, x: float, y: float, w: float, ink: tuple) -> None:
    pts = []
    for i in range(28):
        t = i / 27
        pts.append((x + t * w + rng.uniform(-4, 4), y + math.sin(t * rng.uniform(8, 14)) * rng.uniform(6, 14)))
    d.line(pts, fill=ink, width=2)


def _fit(d: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """Words dropped from the end until the value fits its column: a card never prints past the photo."""
    words = text.split()
    while len(words) > 1 and d.textlength(" ".join(words), font=font) > width:
        words.pop()
    return " ".join(words)


def draw(person: Person, look: Look, rng: random.Random) -> tuple[np.ndarray, str]:
    """The card as an RGB array (H x W) and the name as printed (cut to fit, if it had to be)."""
    img = _ground(rng, look.tint)
    d = ImageDraw.Draw(img)
    ink = (look.ink,) * 3
    reg, bold = BODY[look.body]
    spaced = look.layout == "spaced"
    head = _font(bold, _mm(2.55))
    for text, y in ((person.province, 2.6), (person.regency, 5.7)):
        d.text((W / 2, _mm(y)), text, font=head, fill=ink, anchor="mt")
    label_x, colon_x, value_x = _mm(3.2), _mm(24.5 if not spaced else 26.5), _mm(26.2 if not spaced else 28.4)
    photo = (_mm(62.5), _mm(12.5), _mm(81.5), _mm(36.5))
    value_w = photo[0] - value_x - _mm(1.0)
    # NIK row: label in the body bold, the number larger in its own font.
    nik_y = _mm(11.5)
    # The number is printed as large as fits before the photo (a card never runs it under it).
    size = _mm(3.4)
    while d.textlength(person.nik, font=_font(NIK_FONTS[look.nik_font], size)) > photo[0] - value_x - _mm(1.5):
        size -= 1
    nik_font = _font(NIK_FONTS[look.nik_font], size)
    d.text((label_x, nik_y + _mm(1.9)), "NIK", font=_font(bold, _mm(3.0)), fill=ink, anchor="lm")
    d.text((colon_x, nik_y + _mm(1.9)), ":", font=_font(bold, _mm(3.0)), fill=ink, anchor="lm")
    d.text((value_x, nik_y + _mm(1.9)), person.nik, font=nik_font, fill=ink, anchor="lm")
    body = _font(reg, _mm(2.05 if not spaced else 1.95))
    labels = [lab.replace("/", " / ").replace("Tgl", "Tgl.") if spaced else lab for lab in LABELS]
    born = f"{person.birth_place}, {person.born:%d-%m-%Y}"
    values = [person.name, born, "PEREMPUAN" if person.woman else "LAKI-LAKI", person.street,
              person.rt_rw, person.village, person.kecamatan, person.religion, person.marriage,
              person.job, "WNI", "SEUMUR HIDUP"]
    name = _fit(d, person.name, body, value_w)
    values[0] = name
    y, pitch = _mm(17.0), _mm(2.95 if not spaced else 3.05)
    for i, (lab, val) in enumerate(zip(labels, values)):
        indent = _mm(1.6) if lab.replace(" ", "") in ("RT/RW", "Kel/Desa", "Kecamatan") else 0
        d.text((label_x + indent, y), lab, font=body, fill=ink, anchor="lm")
        d.text((colon_x, y), ":", font=body, fill=ink, anchor="lm")
        d.text((value_x, y), _fit(d, val, body, value_w), font=body, fill=ink, anchor="lm")
        if i == 2:  # blood group on the sex row, in the middle of the value column
            gx = value_x + _mm(16.5)
            d.text((gx, y), "Gol. Darah", font=body, fill=ink, anchor="lm")
            d.text((gx + _mm(13.5), y), ": " + person.blood, font=body, fill=ink, anchor="lm")
        y += pitch
    _photo(img, rng, photo)
    small = _font(reg, _mm(1.8))
    cx = (photo[0] + photo[2]) / 2
    d.text((cx, photo[3] + _mm(1.9)), person.regency.replace("KABUPATEN ", "").replace("KOTA ", ""), font=small, fill=ink, anchor="mm")
    d.text((cx, photo[3] + _mm(4.2)), f"{person.issued:%d-%m-%Y}", font=small, fill=ink, anchor="mm")
    _signature(d, rng, photo[0] + _mm(2), photo[3] + _mm(9.5), photo[2] - photo[0] - _mm(4), (20, 20, 60))
    return np.asarray(img), name
