"""Render a KTP-el-like card (856x540 px, 10 px/mm) following the real layout.

Everything drawn here is synthetic: the photo is a grey silhouette and the
person comes from people.make_person. A CardStyle (styles.py) changes the
typeface, moves the field groups, turns and scales the printed layout and
adds guilloche line work; the default style is the plain DejaVu template.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from .people import Person
from .styles import CardStyle

CARD_W, CARD_H = 856, 540
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
_MONTHS = "01 02 03 04 05 06 07 08 09 10 11 12".split()


@lru_cache(maxsize=256)
def _font_file(path: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.truetype(path, size)
    except OSError:  # font package missing: PIL's built-in font still renders text
        return ImageFont.load_default(size)


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return _font_file(str(FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), size)


def _background(rng: np.random.Generator) -> Image.Image:
    # Light-blue gradient with faint guilloche waves, like the security print.
    y, x = np.mgrid[0:CARD_H, 0:CARD_W].astype(np.float32)
    t = x / CARD_W * 0.6 + y / CARD_H * 0.4
    r = 200 + 30 * t
    g = 222 + 20 * t
    b = 245 - 5 * t
    phase = float(rng.uniform(0, 6.28))
    wave = 6 * np.sin(x / 23.0 + np.sin(y / 37.0 + phase) * 2.0)
    img = np.stack([r + wave, g + wave, b + wave * 0.3], axis=-1)
    return Image.fromarray(np.clip(img, 0, 255).astype(np.uint8), "RGB")


def _guilloche(img: Image.Image, rng: np.random.Generator) -> None:
    """Security line work: rosettes and wave bands in thin pale ink, as printed under the fields."""
    d = ImageDraw.Draw(img)
    t = np.linspace(0, 2 * np.pi, 900)
    for _ in range(int(rng.integers(2, 4))):  # rosettes
        cx, cy = float(rng.uniform(100, 760)), float(rng.uniform(100, 440))
        big, lobes = float(rng.uniform(90, 220)), int(rng.integers(5, 13))
        colour = tuple(int(c) for c in rng.uniform([120, 150, 170], [190, 210, 235]))
        for k in range(int(rng.integers(6, 14))):
            r = big * (0.55 + 0.05 * k) + big * 0.25 * np.sin(lobes * t + k * 0.4)
            d.line(list(zip((cx + r * np.cos(t)).tolist(), (cy + r * np.sin(t)).tolist())), fill=colour, width=1)
    x = np.linspace(0, CARD_W, 300)
    for k in range(int(rng.integers(8, 20))):  # wave bands across the card
        y0, amp, per = float(rng.uniform(0, CARD_H)), float(rng.uniform(4, 18)), float(rng.uniform(30, 90))
        colour = tuple(int(c) for c in rng.uniform([130, 160, 180], [200, 215, 240]))
        y = y0 + amp * np.sin(x / per + k)
        d.line(list(zip(x.tolist(), y.tolist())), fill=colour, width=1)


def _fit(draw: ImageDraw.ImageDraw, text: str, size: int, max_w: int, bold: bool = False,
         family: tuple[Path, Path, Path] | None = None):
    pick = (lambda n, b: font(n, b)) if family is None else (
        lambda n, b: _font_file(str(family[2] if b else family[1]), n))
    while size > 10 and draw.textlength(text, font=pick(size, bold)) > max_w:
        size -= 1
    return pick(size, bold)


def _photo(img: Image.Image, box: tuple[int, int, int, int], rng: np.random.Generator) -> None:
    x0, y0, x1, y1 = box
    bg = (200, 40, 40) if rng.random() < 0.5 else (40, 80, 190)
    w, h = x1 - x0, y1 - y0
    photo = Image.new("RGBA", (w, h), bg + (255,))
    pd = ImageDraw.Draw(photo)
    grey = (int(rng.integers(90, 150)),) * 3
    pd.ellipse((w * 0.28, h * 0.15, w * 0.72, h * 0.52), fill=grey)
    pd.ellipse((w * 0.02, h * 0.55, w * 0.98, h * 1.35), fill=grey)  # shoulders, clipped by the box
    img.paste(photo, (x0, y0))


def _px(offset: tuple[float, float]) -> tuple[float, float]:
    return offset[0] * CARD_W, offset[1] * CARD_H


def _layout(person: Person, rng: np.random.Generator, style: CardStyle) -> Image.Image:
    """The printed layer (text, photo, signature) on a transparent card-sized image."""
    img = Image.new("RGBA", (CARD_W, CARD_H), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    fam = None if style.family == "dejavu" else style.font_paths()
    nik_font_path = str(style.font_paths()[0])
    ink = (20, 20, 30, 255)
    hx, hy = _px(style.header)
    lx, ly = _px(style.labels)
    vx, vy = _px(style.values)
    px, py = _px(style.photo)
    regency = person.regency.upper()
    for text, y in ((f"PROVINSI {person.province.upper()}", 14), (regency, 50)):
        f = _fit(d, text, 30, CARD_W - 60, bold=True, family=fam)
        d.text((CARD_W / 2 + hx, y + hy), text, font=f, fill=ink, anchor="ma")
    label_bold = _font_file(str(style.font_paths()[2]), 34) if fam else font(34, True)
    d.text((26 + lx, 96 + ly), "NIK", font=label_bold, fill=ink)
    d.text((200 + lx, 96 + ly), ":", font=label_bold, fill=ink)
    size = 36
    while size > 12 and d.textlength(person.nik, font=_font_file(nik_font_path, size)) > 372:
        size -= 1
    d.text((226 + vx, 96 + vy), person.nik, font=_font_file(nik_font_path, size), fill=ink)
    born = person.birth_date
    rows = [
        ("Nama", person.name),
        ("Tempat/Tgl Lahir", f"{person.birth_place}, {born.day:02d}-{_MONTHS[born.month - 1]}-{born.year}"),
        ("Jenis Kelamin", "LAKI-LAKI" if person.sex == "L" else "PEREMPUAN"),
        ("Alamat", person.address),
        ("    RT/RW", person.rt_rw),
        ("    Kel/Desa", person.village),
        ("    Kecamatan", person.kecamatan.upper()),
        ("Agama", person.religion),
        ("Status Perkawinan", person.marital),
        ("Pekerjaan", person.job),
        ("Kewarganegaraan", "WNI"),
        ("Berlaku Hingga", "SEUMUR HIDUP"),
    ]
    label_font = _font_file(str(style.font_paths()[1]), 20) if fam else font(20)
    for i, (label, value) in enumerate(rows):
        y = 152 + i * 31
        d.text((26 + lx, y + ly), label, font=label_font, fill=ink)
        d.text((218 + lx, y + ly), ":", font=label_font, fill=ink)
        bold = i == 0  # the name is printed in bold on the card
        d.text((234 + vx, y + vy), value, font=_fit(d, value, 21 if bold else 20, 364, bold, fam), fill=ink)
    d.text((420 + vx, 152 + 2 * 31 + vy), "Gol. Darah : -", font=label_font, fill=ink)
    _photo(img, (int(612 + px), int(120 + py), int(800 + px), int(370 + py)), rng)
    city = regency.replace("KABUPATEN ", "").replace("KOTA ", "")
    f = _fit(d, city, 18, 200, family=fam)
    small = _font_file(str(style.font_paths()[1]), 18) if fam else font(18)
    d.text((706 + px, 384 + py), city, font=f, fill=ink, anchor="ma")
    d.text((706 + px, 408 + py), f"{int(rng.integers(1, 29)):02d}-0{int(rng.integers(1, 10))}-20{int(rng.integers(12, 24))}",
           font=small, fill=ink, anchor="ma")
    pts = [(650 + px + k * 12, 470 + py + int(rng.integers(-14, 14))) for k in range(10)]
    d.line(pts, fill=ink, width=2)  # signature squiggle
    return img


def _place_layout(layer: Image.Image, style: CardStyle) -> Image.Image:
    """Turn, scale and shift the printed layer as a print batch or a crop error would."""
    if style.rotation == 0 and style.scale == 1 and style.shift == (0.0, 0.0):
        return layer
    anchor = (CARD_W * 0.42, CARD_H * 0.12)
    m = cv2.getRotationMatrix2D(anchor, style.rotation, style.scale)
    dx, dy = _px(style.shift)
    # Keep the label column's left edge and the header's top on the card (a real card has margins).
    lx = style.labels[0] * CARD_W
    for x, y in ((26.0 + lx, 96.0), (26.0 + lx, 400.0)):
        nx = m[0, 0] * x + m[0, 1] * y + m[0, 2] + dx
        dx += max(0.0, 8.0 - nx)
    for x, y in ((150.0, 14.0), (700.0, 14.0)):
        ny = m[1, 0] * x + m[1, 1] * y + m[1, 2] + dy
        dy += max(0.0, 4.0 - ny)
    m[:, 2] += (dx, dy)
    arr = cv2.warpAffine(np.asarray(layer), m, (CARD_W, CARD_H), flags=cv2.INTER_LINEAR,
                         borderMode=cv2.BORDER_CONSTANT, borderValue=(0, 0, 0, 0))
    return Image.fromarray(arr, "RGBA")


def render_ktp_pil(person: Person, rng: np.random.Generator | None = None,
                   style: CardStyle | None = None) -> Image.Image:
    rng = rng if rng is not None else np.random.default_rng(int(person.nik[-4:]))
    style = style or CardStyle()
    img = _background(rng)
    if style.guilloche:
        _guilloche(img, rng)
    layer = _place_layout(_layout(person, rng, style), style)
    img.paste(layer, (0, 0), layer)
    return img


def render_ktp(person: Person, rng: np.random.Generator | None = None,
               style: CardStyle | None = None) -> np.ndarray:
    """The card as a BGR uint8 array of CARD_H x CARD_W."""
    rgb = np.asarray(render_ktp_pil(person, rng, style))
    return np.ascontiguousarray(rgb[:, :, ::-1])
