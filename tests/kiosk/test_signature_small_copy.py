"""Issue 16: a visitor's signature is kept as drawn (the record), and beside it a small copy for
the guest book's PDF, made from the same drawing when the visit is submitted."""
from __future__ import annotations

import base64
import io

import numpy as np
from PIL import Image, ImageDraw

from lpsedesk.extensions import db
from lpsedesk.models import Visit

from .conftest import capture_id, entry


def _kiosk_signature() -> str:
    """What the kiosk's signing box sends: a 900x360 canvas, strokes of #111 on white, as a PNG data URL."""
    canvas = Image.new("RGBA", (900, 360), (255, 255, 255, 255))
    ImageDraw.Draw(canvas).line([(80, 260), (240, 60), (380, 300), (560, 80), (820, 200)], fill=(17, 17, 17, 255),
                                width=5, joint="curve")
    out = io.BytesIO()
    canvas.save(out, format="PNG")
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode()


def test_a_kiosk_signature_is_kept_as_drawn_with_a_small_copy_for_the_guest_book(app, kiosk, ktp_scene):
    response = kiosk.post_json("/visits", entry(capture=capture_id(kiosk, ktp_scene[0]), scan_session="test-session-1",
                                                signature=_kiosk_signature()))
    assert response.status_code == 201, response.json
    with app.app_context():
        visit = db.session.query(Visit).one()
        store = app.extensions["storage"]
        drawn = Image.open(io.BytesIO(store.open(visit.signature_key)))
        small = Image.open(io.BytesIO(store.open(visit.signature_small_key)))
    assert drawn.size == (900, 360) and drawn.mode == "L", "the signature itself is kept whole"
    assert small.format == "PNG" and small.mode == "L"
    assert small.width <= 150 and small.height <= 50 and abs(small.width / small.height - 900 / 360) < 0.05
    ink = np.asarray(small) < 160
    assert ink.sum() > 50, "the strokes are still there, dark"
    # The same drawing: where the small copy has ink, the signature as drawn has ink in that box.
    factor = -(-360 // small.height)  # averaged down by a whole factor
    whole = np.asarray(drawn)
    for y, x in zip(*np.nonzero(ink)):
        assert whole[y * factor:(y + 1) * factor, x * factor:(x + 1) * factor].min() < 128
