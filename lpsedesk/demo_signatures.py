"""Signatures for the demo's visits: drawn by the program, a scribble of no real person.

Every kiosk visit carries the signature drawn on the rules screen, and SOP step 7 (reporting a
finished visit) needs it; demo visits without one could never be reported, so the demo could not
show the whole SOP. Stored as the kiosk stores them: the PNG as drawn and its small copy.
"""
from __future__ import annotations

import io
import math
import random

from PIL import Image, ImageDraw

from .signatures import small_png

SIZE = (900, 360)  # the kiosk's signing box, as stored


def drawn_signature(rng: random.Random) -> Image.Image:
    """A made-up signature: two or three looping strokes across a white box, in dark ink."""
    image = Image.new("L", SIZE, 255)
    pen = ImageDraw.Draw(image)
    for stroke in range(rng.randint(2, 3)):
        x, y = 90 + stroke * 220 + rng.randint(-30, 30), 180 + rng.randint(-40, 40)
        points, loops, width = [], rng.uniform(2.0, 4.5), rng.randint(160, 320)
        for i in range(40):
            t = i / 39
            points.append((x + t * width + 35 * math.cos(t * loops * 2 * math.pi),
                           y - 70 * math.sin(t * loops * 2 * math.pi) * (1 - t / 2)))
        pen.line(points, fill=20, width=5, joint="curve")
    pen.line([(110, 290), (110 + rng.randint(380, 640), 275 + rng.randint(-15, 15))], fill=20, width=4)
    return image


def sign(storage, visit, rng: random.Random) -> None:
    """Give `visit` a drawn signature and its small copy, saved in `storage`."""
    image = drawn_signature(rng)
    out = io.BytesIO()
    image.save(out, format="PNG")
    visit.signature_key = storage.save(out.getvalue(), kind="signature")
    visit.signature_small_key = storage.save(small_png(image), kind="signature")
