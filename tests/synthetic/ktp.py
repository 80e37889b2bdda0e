"""Render a KTP-el-like card (856x540 px, 10 px/mm) following the real layout.

Everything drawn here is synthetic: the photo is a grey silhouette and the
person comes from people.make_person.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from .people import Person

CARD_W, CARD_H = 856, 540
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
_MONTHS = "01 02 03 04 05 06 07 08 09 10 11 12".split()


@lru_cache(maxsize=32)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    try:
        return ImageFont.truetype(str(path), size)
    except OSError:  # fonts-dejavu-core missing: PIL's built-in font still renders text
        return ImageFont.load_default(size)


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


def _fit(draw: ImageDraw.ImageDraw, text: str, size: int, max_w: int, bold: bool = False):
    while size > 10 and draw.textlength(text, font=font(size, bold)) > max_w:
        size -= 1
    return font(size, bold)


def _photo(img: Image.Image, box: tuple[int, int, int, int], rng: np.random.Generator) -> None:
    x0, y0, x1, y1 = box
    bg = (200, 40, 40) if rng.random() < 0.5 else (40, 80, 190)
    w, h = x1 - x0, y1 - y0
    photo = Image.new("RGB", (w, h), bg)
    pd = ImageDraw.Draw(photo)
    grey = (int(rng.integers(90, 150)),) * 3
    pd.ellipse((w * 0.28, h * 0.15, w * 0.72, h * 0.52), fill=grey)
    pd.ellipse((w * 0.02, h * 0.55, w * 0.98, h * 1.35), fill=grey)  # shoulders, clipped by the box
    img.paste(photo, (x0, y0))


def render_ktp_pil(person: Person, rng: np.random.Generator | None = None) -> Image.Image:
    rng = rng if rng is not None else np.random.default_rng(int(person.nik[-4:]))
    img = _background(rng)
    d = ImageDraw.Draw(img)
    ink = (20, 20, 30)
    regency = person.regency.upper().replace("KABUPATEN ", "KABUPATEN ")
    for text, y in ((f"PROVINSI {person.province.upper()}", 14), (regency, 50)):
        f = _fit(d, text, 30, CARD_W - 60, bold=True)
        d.text((CARD_W / 2, y), text, font=f, fill=ink, anchor="ma")
    d.text((26, 96), "NIK", font=font(34, True), fill=ink)
    d.text((200, 96), ":", font=font(34, True), fill=ink)
    d.text((226, 96), person.nik, font=_fit(d, person.nik, 36, 372, bold=True), fill=ink)
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
    label_font = font(20)
    for i, (label, value) in enumerate(rows):
        y = 152 + i * 31
        d.text((26, y), label, font=label_font, fill=ink)
        d.text((218, y), ":", font=label_font, fill=ink)
        bold = i == 0  # the name is printed in bold on the card
        d.text((234, y), value, font=_fit(d, value, 21 if bold else 20, 364, bold), fill=ink)
    d.text((420, 152 + 2 * 31), "Gol. Darah : -", font=label_font, fill=ink)
    _photo(img, (612, 120, 800, 370), rng)
    city = regency.replace("KABUPATEN ", "").replace("KOTA ", "")
    f = _fit(d, city, 18, 200)
    d.text((706, 384), city, font=f, fill=ink, anchor="ma")
    d.text((706, 408), f"{int(rng.integers(1, 29)):02d}-0{int(rng.integers(1, 10))}-20{int(rng.integers(12, 24))}",
           font=font(18), fill=ink, anchor="ma")
    pts = [(650 + k * 12, 470 + int(rng.integers(-14, 14))) for k in range(10)]
    d.line(pts, fill=ink, width=2)  # signature squiggle
    return img


def render_ktp(person: Person, rng: np.random.Generator | None = None) -> np.ndarray:
    """The card as a BGR uint8 array of CARD_H x CARD_W."""
    rgb = np.asarray(render_ktp_pil(person, rng))
    return np.ascontiguousarray(rgb[:, :, ::-1])
