"""A KTP held in a clear plastic sleeve or card holder is found by its own outline, not the sleeve's (issue 10:
"card found >= 97 % of in-frame cards"; docs/idscan.md, Run 43d).

The sleeve is drawn here from what a visitor's sleeve looks like: its own edge a few millimetres outside the card
all round (a faint bright rim where the plastic catches the light), a haze over all it covers, and a diagonal band
of the room's light reflected across it. The sleeve's outline is card-shaped too (a few mm larger all round), so it
was taken for the card, and where the band broke the card's own edge nothing but the sleeve was left to find."""
from __future__ import annotations

import cv2
import numpy as np
import pytest

from idscan import scan_frame
from idscan.card import detect_card
from tests.synthetic import make_person, render_ktp
from tests.synthetic.scenes import background, degrade, paste_quad, project_quad

CARD_MM = (85.6, 53.98)


def _card_in_a_sleeve(seed: int, sleeve_mm: float | None, band: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """A 1280x720 webcam frame of our generator's card, tilted a little on a desk, in a sleeve reaching sleeve_mm past
    it on every side (None: no sleeve), with a reflected band this bright (grey levels) across the sleeve.
    Returns the frame and the card's corners."""
    rng = np.random.default_rng(seed)
    card = render_ktp(make_person(rng), rng)
    frame = background(rng, "noise")
    width_px, angle, tilt_x, tilt_y = 520.0, float(rng.uniform(-10, 10)), 8.0, -6.0
    centre = (640.0, 360.0)
    quad = project_quad(*CARD_MM, centre, width_px, angle, tilt_x, tilt_y)
    paste_quad(frame, card, quad)
    if sleeve_mm is not None:
        out_w, out_h = CARD_MM[0] + 2 * sleeve_mm, CARD_MM[1] + 2 * sleeve_mm
        outer = project_quad(out_w, out_h, centre, width_px * out_w / CARD_MM[0], angle, tilt_x, tilt_y)
        cover = np.zeros(frame.shape[:2], np.float32)
        cv2.fillConvexPoly(cover, np.round(outer).astype(np.int32), 1.0)
        cover = cv2.GaussianBlur(cover, (0, 0), 1.0)[..., None]
        img = frame.astype(np.float32) * (1 - 0.2 * cover) + 235 * 0.2 * cover  # the plastic's haze
        rim = np.zeros(frame.shape[:2], np.float32)
        cv2.polylines(rim, [np.round(outer).astype(np.int32)], True, 1.0, 2, cv2.LINE_AA)
        img += 20 * rim[..., None]
        y, x = np.mgrid[0:frame.shape[0], 0:frame.shape[1]].astype(np.float32)
        across = (x - centre[0]) * np.cos(np.radians(50)) + (y - centre[1]) * np.sin(np.radians(50)) + 0.3 * width_px
        img += band * np.exp(-(across / (0.12 * width_px)) ** 2)[..., None] * cover
        frame = np.clip(img, 0, 255).astype(np.uint8)
    return degrade(frame, rng, blur=0.6, noise=3.0, jpeg=85), quad


def _off(found: np.ndarray, drawn: np.ndarray) -> float:
    """How far the found corners lie from the drawn ones, as a share of the drawn card's width."""
    return float(np.linalg.norm(drawn[:, None] - found[None], axis=2).min(axis=1).max() / np.linalg.norm(drawn[1] - drawn[0]))


@pytest.mark.parametrize("sleeve_mm", [3.0, 5.0])
def test_a_card_in_a_sleeve_is_found_by_its_own_edge_not_the_sleeves(sleeve_mm):
    frame, drawn = _card_in_a_sleeve(7, sleeve_mm)
    found = detect_card(frame)
    assert found is not None and found.in_frame
    assert _off(found.corners, drawn) < 0.02, "the sleeve's edge taken for the card's"


def test_a_card_whose_edge_a_reflection_across_the_sleeve_breaks_is_still_found_by_it():
    frame, drawn = _card_in_a_sleeve(2, 4.0, band=200.0)
    res = scan_frame(frame, barcodes=False)
    assert res.card and res.in_frame, res.guidance
    assert _off(np.array(res.corners), drawn) < 0.02, "the sleeve's edge taken for the card's"


@pytest.mark.parametrize("seed", [7, 11, 19])
def test_a_card_without_a_sleeve_keeps_its_own_corners(seed):
    """The look for a card inside the outline found must not pull a bare card's corners in onto its print."""
    frame, drawn = _card_in_a_sleeve(seed, None)
    found = detect_card(frame)
    assert found is not None and found.in_frame and _off(found.corners, drawn) < 0.02


def test_only_an_outline_set_in_by_a_sleeves_margin_all_round_is_taken_for_the_card_in_it():
    from idscan.card import _in_sleeve
    reach = 10.7  # a 1280-wide frame's
    card = project_quad(*CARD_MM, (640.0, 360.0), 520.0, 5.0, 8.0, -6.0)
    sleeve = project_quad(CARD_MM[0] + 8, CARD_MM[1] + 8, (640.0, 360.0), 520.0 * (CARD_MM[0] + 8) / CARD_MM[0],
                          5.0, 8.0, -6.0)
    assert _in_sleeve(card, sleeve, reach), "a card 4 mm inside its sleeve all round"
    same_edge = sleeve.mean(axis=0) + (sleeve - sleeve.mean(axis=0)) * 0.99  # the edge band's inner contour
    assert not _in_sleeve(same_edge, sleeve, reach)
    photo = card.mean(axis=0) + (card - card.mean(axis=0)) * 0.3  # a box well inside the card
    assert not _in_sleeve(photo, card, reach)
    beside = card + [60.0, 0.0]  # as large, but off to one side: not inside all round
    assert not _in_sleeve(beside, sleeve, reach)
