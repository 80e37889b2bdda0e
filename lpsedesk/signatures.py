"""The small copy of a visitor's signature that the guest book's PDF and workbook show.

The kiosk stores the signature as drawn (900x360 greyscale PNG: the record) and, beside it, this
small copy, made once when the visit is submitted. A month's PDF then reads a 1-2 KB picture per
signed row instead of decoding the full one (about 1 ms each: 18,000 signatures were 25 s of a
20,000-row month). Signatures stored before the small copy existed are made small the same way
when read. Plain PIL, no Flask.
"""
from __future__ import annotations

import io
import math

from PIL import Image

SMALL_PX = (150, 50)  # at most; wide and low, like the signing box on the kiosk


def make_small(image: Image.Image, size: tuple[int, int] = SMALL_PX) -> Image.Image:
    """`image` greyscale and averaged down by a whole factor (box filter) to fit `size`.

    A box average costs a third of thumbnail()'s resampling and, for line art, looks the same.
    """
    if image.mode != "L":
        image = image.convert("L")
    factor = math.ceil(max(image.width / size[0], image.height / size[1]))
    return image.reduce(factor) if factor > 1 else image


def small_png(image: Image.Image) -> bytes:
    """The small copy of `image` as the PNG file that is stored."""
    out = io.BytesIO()
    make_small(image).save(out, format="PNG", optimize=True)
    return out.getvalue()
