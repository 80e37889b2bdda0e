"""h46f: no signature may take the desk's processor from everyone else.

A probe sent, from the kiosk's API, a 500 KB PNG "signature" of 2000 x 2000 black and white dots: it
was accepted (201) after 51-81 s of a core, spent writing it again as the stored PNG at zlib's
greatest effort; the request's own fields could be wrong, since the signature is read in the same
round that names every problem. The kiosk's signing box is a canvas of 900 x 360 pixels
(templates/kiosk/_rules.html). The README's words: bad input gets a clear message in the user's
language and a 4xx, loses nothing, and the server keeps serving.
"""
from __future__ import annotations

import base64
import io
import time

import cv2
import numpy as np
from PIL import Image
from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import Visit

from .conftest import entry

CANVAS = (900, 360)  # the kiosk's signing box, width x height


def _data_url(grey: np.ndarray) -> str:
    out = io.BytesIO()
    Image.fromarray(grey).convert("1").save(out, format="PNG")
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode()


def _drawn(width: int, height: int) -> np.ndarray:
    canvas = np.full((height, width), 255, np.uint8)
    cv2.line(canvas, (width // 10, height * 4 // 5), (width * 9 // 10, height // 5), 17, 5)
    cv2.line(canvas, (width // 8, height // 5), (width * 2 // 3, height * 4 // 5), 17, 5)
    return canvas


def _dots(width: int, height: int) -> np.ndarray:
    rng = np.random.default_rng(46)
    return np.where(rng.random((height, width)) < 0.5, 0, 255).astype(np.uint8)


def _send(kiosk, signature: str, **fields):
    return kiosk.post_json("/visits", entry(capture="", no_camera=True, signature=signature, **fields))


def test_a_signature_larger_than_the_signing_box_is_refused_in_the_visitors_language(app, kiosk):
    response = _send(kiosk, _data_url(_drawn(CANVAS[0] * 2, CANVAS[1] * 2)))
    assert response.status_code == 413
    said = response.json["fields"]["signature"]
    assert "tanda tangan" in said.lower() and "piksel" not in said.lower(), said  # about the signature
    with app.app_context():
        assert db.session.scalars(select(Visit)).all() == []


def test_the_signing_box_itself_is_taken_as_drawn(app, kiosk):
    response = _send(kiosk, _data_url(_drawn(*CANVAS)))
    assert response.status_code == 201, response.json


def test_the_costliest_signature_the_box_can_give_costs_little_of_the_processor(app, kiosk):
    dots = _data_url(_dots(*CANVAS))
    started = time.process_time()
    response = _send(kiosk, dots, full_name="")  # a field wrong too: the signature is read all the same
    spent = time.process_time() - started
    assert response.status_code == 400 and "full_name" in response.json["fields"]
    # the whole request cost 0.45 s of the processor before (the PNG written at zlib's greatest
    # effort), 0.04 s after (7 December, this 2-core machine). Processor time, not the clock's, so a
    # busy machine does not lengthen it.
    assert spent < 0.25, spent
