"""Issue 16: a plain greyscale PNG goes into a PDF as it is stored; any other picture is decoded as
before, since a palette, transparency, gamma or interlacing would change what a reader draws."""
from __future__ import annotations

import io

from PIL import Image, ImageDraw

from lpsedesk.exports.pdf_png import plain_png


def _png(mode: str = "L", **options) -> bytes:
    image = Image.new(mode, (113, 45), "white")
    ImageDraw.Draw(image).line([(5, 40), (50, 5), (108, 30)], fill="black", width=3)
    out = io.BytesIO()
    image.save(out, format="PNG", **options)
    return out.getvalue()


def test_a_plain_greyscale_png_is_taken_with_its_size():
    png = plain_png(_png(optimize=True))
    assert png is not None and png.getSize() == (113, 45) and png.data


def test_other_pictures_are_left_to_the_decoder():
    assert plain_png(_png("RGB")) is None
    assert plain_png(_png("P")) is None
    assert plain_png(_png("LA")) is None
    assert plain_png(_png(dpi=(300, 300))) is None, "an extra chunk: not taken"
    assert plain_png(_png()[:-20]) is None, "cut short"
    assert plain_png(b"GIF89a") is None and plain_png(b"") is None
