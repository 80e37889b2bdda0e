import numpy as np
import pytest

from idscan import CaptureTracker, scan_frame
from tests.synthetic import NEGATIVE_KINDS, make_person, negative_scene, place_in_scene, render_ktp


def _card(seed, **kw):
    rng = np.random.default_rng(seed)
    person = make_person(rng)
    return person, *place_in_scene(render_ktp(person), rng, **kw)


@pytest.mark.parametrize("angle", [0, 37, 90, 145, 180, 230, 300])
def test_card_found_at_any_rotation_with_tilt(angle):
    _, frame, quad = _card(100 + angle, angle=float(angle), tilt=15)
    res = scan_frame(frame, barcodes=False)
    assert res.card and res.in_frame and res.guidance == "ready"
    width = np.linalg.norm(quad[1] - quad[0])
    err = np.linalg.norm(np.array(res.corners) - quad, axis=1).max()
    assert err < 0.02 * width  # corners in card orientation (TL first), within 2 %
    assert res.crop.shape == (540, 856, 3)


@pytest.mark.parametrize("kind", NEGATIVE_KINDS)
def test_negatives_rejected(kind):
    for seed in range(3):
        res = scan_frame(negative_scene(kind, np.random.default_rng(seed)), barcodes=False)
        assert not res.card and res.guidance == "no_card"


def test_guidance_codes():
    assert scan_frame(_card(1, blur=3.5)[1], barcodes=False).guidance == "too_blurry"
    assert scan_frame(_card(2, glare=True)[1], barcodes=False).guidance == "glare"
    assert scan_frame(_card(3, width_px=230)[1], barcodes=False).guidance == "move_closer"


def test_partial_card_is_move_into_frame():
    rng = np.random.default_rng(7)
    frame, quad = place_in_scene(render_ktp(make_person(rng)), rng, partial=True, angle=10, width_px=560)
    res = scan_frame(frame, barcodes=False)
    assert res.guidance == "move_into_frame"


def test_tracker_fires_after_steady_frames_only():
    _, frame, _ = _card(11)
    res = scan_frame(frame, barcodes=False)
    tr = CaptureTracker(frames=3)
    states = [tr.update(res) for _ in range(4)]
    assert [s.capture_now for s in states] == [False, False, True, False]
    assert states[0].guidance == "hold_still"
    tr.update(scan_frame(negative_scene("desk", np.random.default_rng(1)), barcodes=False))
    assert tr.update(res).steady_frames == 1  # reset when the card left


def test_tracker_not_on_moving_card():
    tr = CaptureTracker(frames=3)
    res = scan_frame(_card(12)[1], barcodes=False)
    fired = []
    for k in range(6):
        moved = type(res)(**{**res.__dict__, "corners": [[x + 10 * k, y] for x, y in res.corners]})
        fired.append(tr.update(moved).capture_now)
    assert not any(fired)
