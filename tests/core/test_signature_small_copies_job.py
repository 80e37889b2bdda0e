"""Issue 16: a guest book month signed before the kiosk kept small copies must cost what a new month
costs. The daily job `signature_small_copies` makes the missing copies once, the same way the kiosk
makes them, leaves a signature that no longer opens as it is, and never remakes a copy that exists."""
from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone

import numpy as np
from PIL import Image, ImageDraw

from lpsedesk import signature_copies
from lpsedesk.extensions import db
from lpsedesk.jobs import run_once
from lpsedesk.models import Visit
from lpsedesk.signatures import make_small

from .. import factories

NOW = datetime.now(timezone.utc)


def _drawn(seed: int) -> bytes:
    """A 900x360 greyscale signature as the kiosk stores it."""
    image = Image.new("L", (900, 360), 255)
    pen = ImageDraw.Draw(image)
    rng = np.random.default_rng(seed)
    points = [(int(x), int(y)) for x, y in zip(np.linspace(40, 860, 12), rng.integers(60, 300, 12))]
    pen.line(points, fill=0, width=6)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _old_signed_visit(app, data: bytes, **fields) -> int:
    storage = app.extensions["storage"]
    visit = factories.visit(status="reported", submitted_at=NOW - timedelta(days=40),
                            signature_key=storage.save(data, kind="signature"), **fields)
    return visit.id


def test_a_signature_stored_without_a_small_copy_gets_the_one_the_kiosk_would_have_made(app):
    drawn = _drawn(1)
    with app.app_context():
        visit_id = _old_signed_visit(app, drawn)
    assert "1 signature small copies made" in str(run_once(app, ["signature_small_copies"])["signature_small_copies"])
    with app.app_context():
        visit = db.session.get(Visit, visit_id)
        assert visit.signature_small_key and visit.signature_small_key != visit.signature_key
        small = Image.open(io.BytesIO(app.extensions["storage"].open(visit.signature_small_key)))
    assert small.width <= 150 and small.height <= 50, "small enough for a guest book row"
    expected = make_small(Image.open(io.BytesIO(drawn)))
    assert np.array_equal(np.asarray(small.convert("L")), np.asarray(expected)), "the same picture as before"


def test_a_signature_that_no_longer_opens_is_left_and_the_others_still_get_their_copy(app):
    with app.app_context():
        broken = _old_signed_visit(app, b"not a picture")
        fine = _old_signed_visit(app, _drawn(2))
    result = run_once(app, ["signature_small_copies"])["signature_small_copies"]
    assert "1 signature small copies made, 1 unreadable" in str(result)
    with app.app_context():
        assert db.session.get(Visit, broken).signature_small_key is None
        assert db.session.get(Visit, fine).signature_small_key is not None


def test_a_copy_that_exists_is_never_remade_and_a_visit_without_a_signature_gets_none(app):
    storage = app.extensions["storage"]
    with app.app_context():
        kept_key = storage.save(b"the kiosk's own small copy", kind="signature")
        has_copy = _old_signed_visit(app, _drawn(3), signature_small_key=kept_key)
        unsigned = factories.visit(status="reported").id
    assert "0 signature small copies made" in str(run_once(app, ["signature_small_copies"])["signature_small_copies"])
    with app.app_context():
        assert db.session.get(Visit, has_copy).signature_small_key == kept_key
        assert db.session.get(Visit, unsigned).signature_small_key is None


def test_many_old_signatures_are_made_in_bounded_batches_until_none_is_left(app, monkeypatch):
    monkeypatch.setattr(signature_copies, "BATCH", 2)
    with app.app_context():
        ids = [_old_signed_visit(app, _drawn(10 + i)) for i in range(5)]
    assert "5 signature small copies made" in str(run_once(app, ["signature_small_copies"])["signature_small_copies"])
    with app.app_context():
        assert all(db.session.get(Visit, i).signature_small_key for i in ids)
