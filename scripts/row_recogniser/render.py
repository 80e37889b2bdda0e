"""Synthetic KTP name rows as the engine hands them to a row recogniser (training data, drawn on the fly).

A row as reader.card_lines cuts it and rapid.read_names shows it: one line of capitals on the card's
paper, ~5-10 px of paper either side, 48 px high with the capitals ~45-60 % of it, its greys stretched
(rapid.stretched). Soft, small and blurred rows are what both generic recognisers misread (docs/idscan.md,
Run 38n), so the degradations are wide: printed small and scaled back up, blur, motion, noise, JPEG,
uneven light, guilloche lines, glare bands, a slight rotation and shear, the cut a few px off.

Fonts: the dev generators' and other system fonts only, never a font a held-out split draws (Noto,
Liberation Sans Narrow, OCR-A Bold: tests/synthetic/styles.HELD_OUT_FONTS, stranger4's and stranger5's
test fonts), so the held-out splits still measure fonts the model never saw.
"""
from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from idscan.rapid import stretched  # noqa: E402 - the engine's own grey stretch of a name row

CHARSET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 '-.,/"
HEIGHT = 32  # the recogniser's input height (the engine's 48 px row scaled down)
ROW_HEIGHT = 48  # the engine's row height (reader.NAME_HEIGHT)

_T = "/usr/share/fonts/truetype/"
# (file, weight): name rows are mostly printed in a bold or regular sans.
FONTS = [
    ("dejavu/DejaVuSans-Bold.ttf", 4), ("dejavu/DejaVuSans.ttf", 3), ("dejavu/DejaVuSansCondensed.ttf", 2),
    ("dejavu/DejaVuSansCondensed-Bold.ttf", 2), ("dejavu/DejaVuSerif.ttf", 1), ("dejavu/DejaVuSerif-Bold.ttf", 1),
    ("liberation/LiberationSans-Bold.ttf", 4), ("liberation/LiberationSans-Regular.ttf", 4),
    ("liberation/LiberationSerif-Regular.ttf", 1), ("liberation/LiberationSerif-Bold.ttf", 1),
    ("freefont/FreeSans.ttf", 4), ("freefont/FreeSansBold.ttf", 4), ("freefont/FreeSerif.ttf", 2),
    ("freefont/FreeSerifBold.ttf", 2), ("ocr-a/OCRA.ttf", 1), ("liberation/LiberationMono-Bold.ttf", 1),
]
HELD_OUT_FILES = ("noto", "Narrow", "OCRABold")
assert not any(h in f for f, _w in FONTS for h in HELD_OUT_FILES)

_ONSETS = ["B", "D", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S", "T", "W", "Y", "SR", "PR", "C", "F",
           "KH", "NG", "NY", "SY", "V", "Z"]
_VOWELS = ["A", "I", "U", "E", "O"]
_CODAS = ["", "", "", "N", "NG", "R", "S", "T", "H", "K", "L", "M"]
_PARTS = ["NUR'AINI", "MA'RUF", "SITI", "ABDUL", "MUHAMMAD", "DEWI", "PUTRI", "AGUS", "SRI", "RAHMAT", "JUM'AT",
          "FATHUR-RAHMAN", "AL-FARISI", "NGABEHI", "KHOIRUN-NISA", "WIDYA-NINGSIH", "O'NEIL", "NUR", "AINI", "BUDI",
          "SANTOSO", "WAHYUDI", "HIDAYAT", "KURNIAWAN", "LESTARI", "RAHAYU", "SETIAWAN", "SUSANTO", "YULIANTI"]
_TITLES = ["H. ", "HJ. ", "KH. ", "DR. ", "DRS. ", "DRA. ", "IR. ", "M. ", "MOH. ", "MOCH. ", "MUH. ", "R. ", "RA. "]
_BALI = ["I GUSTI ", "NI ", "I ", "I MADE ", "NI LUH ", "I WAYAN ", "I KETUT ", "NI PUTU ", "I GEDE ", "I NYOMAN "]
_DEGREES = [", S.H.", ", S.E.", ", S.KOM", ", S.PD", ", M.M."]


def _word(rng: np.random.Generator) -> str:
    n = int(rng.integers(1, 5))
    out = ""
    for i in range(n):
        out += _ONSETS[int(rng.integers(len(_ONSETS)))] + _VOWELS[int(rng.integers(5))]
        if i == n - 1 or rng.random() < 0.15:
            out += _CODAS[int(rng.integers(len(_CODAS)))]
    if rng.random() < 0.05:  # a mark inside a word
        k = int(rng.integers(1, len(out)))
        out = out[:k] + ("'" if rng.random() < 0.6 else "-") + out[k:]
    return out


def name_text(rng: np.random.Generator) -> str:
    """A name as the generators print them: 1-5 words, titles, Balinese names, marks; now and
    then a row of other characters (digits, '/', ','), so every character is seen."""
    r = rng.random()
    if r < 0.07:
        return "".join(CHARSET[int(rng.integers(len(CHARSET) - 5))] if rng.random() < 0.85
                       else CHARSET[-5 + int(rng.integers(5))] for _ in range(int(rng.integers(3, 20)))).strip() or "A"
    if r < 0.11:  # a birth row's value: PLACE, DD-MM-YYYY
        return f"{_word(rng)}, {int(rng.integers(1, 32)):02d}-{int(rng.integers(1, 13)):02d}-{int(rng.integers(1950, 2008))}"
    words = [_PARTS[int(rng.integers(len(_PARTS)))] if rng.random() < 0.25 else _word(rng)
             for _ in range(int(rng.integers(1, 6)))]
    name = " ".join(words)
    p = rng.random()
    if p < 0.12:
        name = _TITLES[int(rng.integers(len(_TITLES)))] + name
    elif p < 0.22:
        name = _BALI[int(rng.integers(len(_BALI)))] + name
    if rng.random() < 0.03:
        name += _DEGREES[int(rng.integers(len(_DEGREES)))]
    while len(name) > 34 and " " in name:
        name = name.rsplit(" ", 1)[0]
    return name[:34]


@lru_cache(maxsize=256)
def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(_T + path, size)


_FONT_P = np.array([w for _f, w in FONTS], dtype=float) / sum(w for _f, w in FONTS)


def _paper(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    """The card's ground under the row: a light tint, guilloche waves, uneven light (float 0..255, grey)."""
    base = rng.uniform(170, 250)
    img = np.full((h, w), base, np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    if rng.random() < 0.7:  # guilloche: thin sine lines
        for _ in range(int(rng.integers(2, 9))):
            f, a, ph = rng.uniform(0.005, 0.04), rng.uniform(3, h * 0.6), rng.uniform(0, 6.3)
            y0 = rng.uniform(0, h)
            d = np.abs(yy - (y0 + a * np.sin(xx * f + ph)))
            img -= rng.uniform(10, 55) * np.exp(-(d / rng.uniform(0.6, 2.0)) ** 2)
    if rng.random() < 0.5:  # uneven light across the row
        img *= (1 + rng.uniform(-0.25, 0.25) * (xx / w - 0.5) + rng.uniform(-0.1, 0.1) * (yy / h - 0.5))
    return img


def render_row(rng: np.random.Generator, text: str) -> np.ndarray:
    """`text` as a degraded name row, grey uint8, ROW_HEIGHT high, greys stretched as the engine does."""
    path = FONTS[int(rng.choice(len(FONTS), p=_FONT_P))][0]
    size = 60
    font = _font(path, size)
    spacing = rng.uniform(-0.02, 0.12) * size
    x0, y0, x1, y1 = font.getbbox("H")
    cap = y1 - y0
    # the row image at a large size: glyph by glyph for letter spacing
    widths = [font.getlength(ch) for ch in text]
    tw = int(sum(widths) + spacing * len(text)) + 2
    # capitals ~38-62 % of the row's height, placed with a little vertical jitter
    fill = rng.uniform(0.38, 0.62)
    H = int(round(cap / fill))
    ang, shear = rng.uniform(-0.8, 0.8), rng.uniform(-0.12, 0.12)
    # paper either side, and room for the shear to move the ends
    slack = abs(shear) * H / 2
    pad_l, pad_r = rng.uniform(0.1, 0.6) * cap + slack, rng.uniform(0.1, 0.6) * cap + slack
    W = int(tw + pad_l + pad_r)
    ink = Image.new("L", (W, H), 0)
    d = ImageDraw.Draw(ink)
    top = (H - cap) / 2 + rng.uniform(-0.12, 0.12) * (H - cap) - y0
    x = pad_l
    stroke = 1 if rng.random() < 0.15 else 0
    for ch, w in zip(text, widths):
        d.text((x, top), ch, font=font, fill=255, stroke_width=stroke, stroke_fill=255)
        x += w + spacing
    a = np.asarray(ink, np.float32) / 255.0
    # slight rotation and shear of the print
    m = cv2.getRotationMatrix2D((W / 2, H / 2), ang, 1.0)
    m[0, 1] += shear
    m[0, 2] -= shear * H / 2
    a = cv2.warpAffine(a, m, (W, H), flags=cv2.INTER_LINEAR, borderValue=0)
    paper = _paper(rng, H, W)
    ink_level = rng.uniform(0, 90)
    img = paper * (1 - a) + ink_level * a
    if rng.random() < 0.2:  # a glare band: a bright stripe across, washing the letters under it
        c, wd = rng.uniform(0, W), rng.uniform(0.05, 0.4) * W
        xx = np.arange(W, dtype=np.float32)
        g = np.exp(-((xx - c) / wd) ** 2) * rng.uniform(0.3, 0.7)
        img = img + (255 - img) * g[None, :]
    if rng.random() < 0.1:  # a speck or the label's colon left of the value
        cv2.circle(img, (int(rng.uniform(1, pad_l + 1)), int(rng.uniform(H * 0.3, H * 0.7))),
                   int(rng.uniform(1, 3)), float(ink_level), -1)
    # printed small: down to an x-height of 6-22 px, soft optics, back up to the row height
    target_cap = rng.uniform(6, 22)
    s = target_cap / cap
    small = cv2.resize(img, (max(4, int(W * s)), max(4, int(H * s))), interpolation=cv2.INTER_AREA)
    r = rng.random()
    if r < 0.6:  # softer where the print is larger (a 6 px capital blurred by 2 px is gone)
        small = cv2.GaussianBlur(small, (0, 0), rng.uniform(0.3, min(2.2, 0.5 + target_cap / 8)))
    elif r < 0.8:  # motion blur along a random direction
        k = int(rng.integers(3, 8))
        ker = np.zeros((k, k), np.float32)
        ker[k // 2, :] = 1
        ker = cv2.warpAffine(ker, cv2.getRotationMatrix2D((k / 2 - 0.5, k / 2 - 0.5), rng.uniform(0, 180), 1), (k, k))
        small = cv2.filter2D(small, -1, ker / max(ker.sum(), 1e-6))
    small = small + rng.normal(0, rng.uniform(0, 14), small.shape)
    small = np.clip(small, 0, 255).astype(np.uint8)
    if rng.random() < 0.8:
        ok, buf = cv2.imencode(".jpg", small, [cv2.IMWRITE_JPEG_QUALITY, int(rng.integers(40, 91))])
        small = cv2.imdecode(buf, cv2.IMREAD_GRAYSCALE)
    out = cv2.resize(small, (max(8, int(round(W * ROW_HEIGHT / H))), ROW_HEIGHT),
                     interpolation=cv2.INTER_CUBIC if rng.random() < 0.7 else cv2.INTER_LINEAR)
    if rng.random() < 0.3:  # the crop's own resampling: soft again at the row's size (dev rows, Run 41r)
        out = cv2.GaussianBlur(out, (0, 0), rng.uniform(0.8, 3.0))
    if rng.random() < 0.3:  # the cut a few px off: rows cut tight or loose
        dy = int(rng.integers(-4, 5))
        out = np.roll(out, dy, axis=0)
        if dy > 0:
            out[:dy] = out[dy:dy + 1]
        elif dy < 0:
            out[dy:] = out[dy - 1:dy]
    return stretched(out)


def model_input(row: np.ndarray) -> np.ndarray:
    """A 48 px row as the recogniser takes it: HEIGHT high, width scaled alike, [-1, 1] float32."""
    h, w = row.shape
    w2 = max(16, int(round(w * HEIGHT / h)))
    img = cv2.resize(row, (w2, HEIGHT), interpolation=cv2.INTER_AREA)
    return img.astype(np.float32) / 127.5 - 1.0


if __name__ == "__main__":  # a sheet of samples to look at
    rng = np.random.default_rng(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
    rows = [render_row(rng, name_text(rng)) for _ in range(16)]
    w = max(r.shape[1] for r in rows)
    sheet = np.vstack([np.pad(r, ((2, 2), (0, w - r.shape[1])), constant_values=128) for r in rows])
    cv2.imwrite(sys.argv[2] if len(sys.argv) > 2 else "/tmp/rows.png", sheet)
