import cv2
import numpy as np
import pytest

from idscan import available_engines, read_card, scan_frame
from idscan import card as card_mod
from idscan.orient import orientation_score
from idscan.quality import MAX_GLARE
from tests.synthetic import add_glare_at, make_person, place_in_scene, render_ktp

NO_OCR = "NO OCR ENGINE INSTALLED: apt-get install tesseract-ocr"


def _corner_error(res, quad):
    return float(np.linalg.norm(np.array(res.corners) - quad, axis=1).max())


@pytest.mark.parametrize("seed", range(6))
def test_layout_cues_tell_upright_from_upside_down_on_a_straight_card(seed):
    rng = np.random.default_rng(500 + seed)
    card = render_ktp(make_person(rng))
    if seed % 2:
        card = cv2.GaussianBlur(card, (0, 0), 3.0)  # the fine print is gone, colour cues remain
    assert orientation_score(card) > 1.0
    assert orientation_score(cv2.rotate(card, cv2.ROTATE_180)) < -1.0


@pytest.mark.parametrize("spot", [(0.83, 0.45), (0.2, 0.5)], ids=["glare_on_photo", "glare_on_labels"])
@pytest.mark.parametrize("angle", [20, 200])
def test_glare_spot_does_not_turn_the_card_upside_down(spot, angle):
    rng = np.random.default_rng(600 + angle)
    frame, quad = place_in_scene(render_ktp(make_person(rng)), rng, angle=float(angle), tilt=10, width_px=560)
    add_glare_at(frame, quad, *spot, radius=0.1)
    res = scan_frame(frame, barcodes=False)
    # The spot is seen (blown-out pixels); it is off the NIK row, so the visitor is no longer sent to
    # tilt for it (Run 19x): what matters here is the orientation.
    assert res.card and res.in_frame and res.glare > MAX_GLARE
    assert _corner_error(res, quad) < 0.03 * np.linalg.norm(quad[1] - quad[0])  # TL listed first


@pytest.mark.skipif(not available_engines(), reason=NO_OCR)
def test_upside_down_crop_is_read_turned_over_when_the_nik_fails():
    rng = np.random.default_rng(310)
    person = make_person(rng)
    frame, quad = place_in_scene(render_ktp(person), rng, tilt=5, width_px=600)
    crop = scan_frame(frame, barcodes=False).crop
    text = read_card(cv2.rotate(crop, cv2.ROTATE_180))
    assert text.rotated and text.nik == person.nik
    assert not read_card(crop).rotated


@pytest.mark.skipif(not available_engines(), reason=NO_OCR)
def test_scan_with_ocr_fixes_corners_and_crop_when_the_orientation_guess_was_wrong(monkeypatch):
    rng = np.random.default_rng(311)
    person = make_person(rng)
    frame, quad = place_in_scene(render_ktp(person), rng, tilt=5, width_px=600)
    # Force the wrong guess, as a card with every layout cue spoiled would give.
    monkeypatch.setattr(card_mod, "upright", lambda f, q, warp_fn: (np.roll(q, 2, axis=0), 0.0))
    assert _corner_error(scan_frame(frame, barcodes=False), np.roll(quad, 2, axis=0)) < 10
    res = scan_frame(frame, ocr=True, barcodes=False)
    assert res.nik == person.nik and res.nik_info is not None
    assert _corner_error(res, quad) < 10  # corners listed in card orientation again
    assert orientation_score(res.crop) > 0  # and the crop handed to the kiosk is upright
