"""Issue 10: "clutter at the frame edge must not produce 'move into frame' when no card is there",
while a KTP partly out of the frame is still told to move it in (Run 30e).

The scenes are fresh dev draws of our generator (seeds 8181 and 8282, dev fonts; never the held-out
seed): edge clutter whose four-sided outline ran past the border (a ruled sheet, a keyboard, a phone)
and KTPs slid partly out of the frame whose outline is found the same way.
"""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from idscan import scan_frame
from tests.synthetic.scenes import place_in_scene
from tests.synthetic.splits import DEV, cases
from tests.synthetic.webcam import negative_desk

# (seed, negative number): the rng negatives() gives that desk; each is edge clutter and no card
EDGE_CLUTTER = [(8181, 1), (8181, 156), (8282, 100), (8282, 109), (8282, 112), (8282, 192)]
# (seed, card number): a dev card placed partly out of the frame, its outline cut by the border
PARTLY_OUT = [(8181, 0), (8181, 3), (8181, 12), (8181, 17)]


@pytest.mark.parametrize(("seed", "i"), EDGE_CLUTTER)
def test_edge_clutter_with_no_card_is_not_told_move_into_frame(seed, i):
    scene = negative_desk("edge_clutter", np.random.default_rng([seed, 10**6 + i]))
    assert scan_frame(scene.frame).guidance != "move_into_frame"


@pytest.mark.parametrize(("seed", "k"), PARTLY_OUT)
def test_a_ktp_partly_out_of_the_frame_is_told_move_into_frame(seed, k):
    case = cases(dataclasses.replace(DEV, seed=seed), 1, offset=k)[0]
    frame, quad = place_in_scene(case.card, np.random.default_rng([seed, 555, k]), partial=True)
    h, w = frame.shape[:2]
    assert not ((quad >= 0).all() and (quad[:, 0] <= w).all() and (quad[:, 1] <= h).all())  # really cut
    res = scan_frame(frame)
    assert res.card and not res.in_frame
    assert res.guidance == "move_into_frame"
