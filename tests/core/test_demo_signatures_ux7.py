"""ux7: the demo shows the whole SOP 1. Demo visits carried no guest-book signature, so "report the
visit finished" (step 7) was refused on every one; each demo visit now has a signature drawn by the
program (no real person's), stored as the kiosk stores it, and a finished one can be reported."""
from __future__ import annotations

import io

from PIL import Image
from sqlalchemy import select

from lpsedesk import visit_ops
from lpsedesk.extensions import db
from lpsedesk.models import Visit

from .. import factories


def test_the_demo_command_signs_its_visits_so_finished_ones_can_be_reported(app, runner):
    with app.app_context():
        real = factories.visit("checked_out").id  # the office's own visit, unsigned: left alone
    result = runner.invoke(args=["demo-data", "--weeks", "1", "--survey-months", "0"])
    assert result.exit_code == 0, result.output
    store = app.extensions["storage"]
    with app.app_context():
        demo = db.session.scalars(select(Visit).where(Visit.id != real)).all()
        finished = [v for v in demo if v.status in ("checked_out", "reported")]
        assert finished and all(v.signature_key and v.signature_small_key for v in demo)
        # SOP step 7's check: nothing of the guest book is missing on a finished demo visit.
        assert [v.id for v in finished if visit_ops.missing_fields(v)] == []
        drawn = Image.open(io.BytesIO(store.open(finished[0].signature_key)))
        assert drawn.size == (900, 360) and drawn.getextrema()[0] < 100, "a drawn line, not a blank box"
        assert Image.open(io.BytesIO(store.open(finished[0].signature_small_key))).width <= 150
        assert len({v.signature_key for v in demo}) == len(demo), "each its own file: retention deletes them one by one"
        assert db.session.get(Visit, real).signature_key is None
