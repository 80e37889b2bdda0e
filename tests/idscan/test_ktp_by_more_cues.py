"""Issue 10: "no negative ever captured", and KTPs under colour casts, low light and thumbs must be found.

A KTP is told from other cards by more than one cue (docs/idscan.md, Run 20k): a cast, dim KTP whose
one long edge a thumb and a sliver of desk cover is still a KTP (its photo box on the right, its
label column, its centred header, its rows of print); a bank card or a driving licence (SIM), under
the same cast and dim light, and turned either way, is never captured. An empty desk is no card at all,
never "move into frame"."""
from __future__ import annotations

import cv2
import numpy as np
import pytest

from idscan import scan_frame
from idscan.card_look import looks_like_ktp
from idscan.tracker import CaptureTracker
from tests.idscan.test_exposure_and_other_cards import _bank_card, _driving_licence, _frame
from tests.synthetic import make_person, render_ktp

CAST = np.float32([1.12, 0.85, 1.05])  # BGR gains of a warm-blue cast, as the generators draw them (0.8-1.15)


def _ktp(seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return cv2.resize(render_ktp(make_person(rng), rng), (856, 540))


def _dim_cast(img: np.ndarray, seed: int, gain: float = 0.45) -> np.ndarray:
    f = img.astype(np.float32) * gain * CAST + np.random.default_rng(seed).normal(0, 6, img.shape)
    return np.clip(f, 0, 255).astype(np.uint8)


def _captured(frame: np.ndarray, frames: int = 20) -> bool:
    tracker = CaptureTracker()
    return any(tracker.update(scan_frame(frame, barcodes=False)).capture_now for _ in range(frames))


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_a_cast_dim_ktp_with_a_thumb_and_a_sliver_of_desk_on_one_edge_is_a_ktp(seed):
    # The straightened crop of a tilted card whose outline took in a wedge of desk along its top, a
    # thumb over that edge too: under half of the top strip is pale ground (held-out, Run 19x's loss).
    crop = _ktp(seed).astype(np.float32)
    cv2.fillConvexPoly(crop, np.int32([[0, 0], [660, 0], [0, 100]]), (40, 60, 80))
    cv2.ellipse(crop, (640, 30), (75, 110), 0, 0, 360, (110, 150, 200), -1)
    assert looks_like_ktp(_dim_cast(crop.astype(np.uint8), seed))


def test_a_cast_dim_ktp_held_with_a_thumb_is_captured():
    frame = _frame(_ktp(21))
    # a thumb over the card's lower long edge (the card spans x 330-954, y 160-554 of the frame)
    cv2.ellipse(frame, (700, 560), (30, 70), 0, 0, 360, (110, 150, 200), -1)
    frame = _dim_cast(frame, 21, 0.5)
    result = scan_frame(frame, barcodes=False)
    assert result.card and result.in_frame
    assert result.guidance != "not_ktp"
    assert _captured(frame)


def _turned(card: np.ndarray) -> np.ndarray:
    return cv2.rotate(card, cv2.ROTATE_180)


def _band_cut(card: np.ndarray) -> np.ndarray:
    """The SIM's outline found a little inside its coloured band: only part of the band in the crop."""
    return cv2.resize(card[50:], (card.shape[1], card.shape[0]))


# Known limit (docs/idscan.md, Run 20k): a SIM whose outline is found inside its coloured band keeps
# half of that strip pale, which the one-cue rule of Run 19x already took for a KTP's edge.
BAND_CUT = pytest.param(lambda: _band_cut(_driving_licence()), id="sim_band_cut",
                        marks=pytest.mark.xfail(reason="a SIM cut inside its band: half its edge strip pale", strict=True))


@pytest.mark.parametrize("draw", [_bank_card, _driving_licence, lambda: _turned(_driving_licence()), BAND_CUT],
                         ids=["bank_card", "sim", "sim_turned", "sim_band_cut"])
@pytest.mark.parametrize("light", ["plain", "cast_dim"])
def test_a_bank_card_or_a_sim_is_never_captured_under_a_cast_or_dim_light(draw, light):
    frame = _frame(draw())
    if light == "cast_dim":
        frame = _dim_cast(frame, 5)
    result = scan_frame(frame, barcodes=False)
    assert result.guidance not in ("ready", "finger_on_text", "hold_still")
    assert not _captured(frame)


@pytest.mark.parametrize("tone", [(60, 90, 130), (120, 120, 120), (150, 130, 100)], ids=["wood", "grey", "blue_wall"])
def test_an_empty_desk_is_no_card_not_move_into_frame(tone):
    rng = np.random.default_rng(4)
    frame = np.clip(np.full((720, 1280, 3), tone, np.float32) + rng.normal(0, 4, (720, 1280, 3)), 0, 255).astype(np.uint8)
    for light in (frame, _dim_cast(frame, 4)):
        result = scan_frame(light, barcodes=False)
        assert result.guidance == "no_card"
