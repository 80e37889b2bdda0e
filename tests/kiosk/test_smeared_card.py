"""A card that smears in the picture while the visitor holds it (shake during the exposure): the
kiosk asks the visitor to hold still and waits a few seconds before capturing it as it is, rather
than capturing the smeared picture at once (issue 10, Run 15b). Run with TEST_DATABASE_URL, the
tracker goes through the shared scan sessions' rows."""
from __future__ import annotations

import cv2
import numpy as np
import pytest

from .conftest import captured_after_waiting, jpeg


@pytest.fixture(scope="module")
def smeared_ktp() -> bytes:
    """A KTP held flat (1280x720), every frame streaked 6 px sideways, its corners where they were."""
    from tests.synthetic.ktp import render_ktp
    from tests.synthetic.people import make_person
    from tests.synthetic.scenes import place_in_scene

    rng = np.random.default_rng(7)
    frame, _quad = place_in_scene(render_ktp(make_person(rng)), rng, width_px=460, angle=0, tilt=3, jpeg=None,
                                  noise=1)
    streak = np.full((1, 6), 1 / 6, np.float32)
    return jpeg(cv2.filter2D(frame, -1, streak))


def test_the_visitor_is_asked_to_hold_still_then_the_card_is_captured_anyway(kiosk, smeared_ktp):
    answers = [kiosk.post_frame(smeared_ktp).json for _ in range(35)]  # 7 s at the kiosk's 5 frames/s
    first = answers[0]
    assert first["result"]["card"] is True and first["guidance"] == "hold_still"
    assert first["message"] == "Tahan sebentar..."
    # Not in the first 2 s (time to hold the card still), but taken within 5 s: the capture is never lost.
    fired = captured_after_waiting(answers)
