"""A card smeared by movement is not captured at once: the visitor is asked to hold still and the
kiosk waits a few seconds for a steadier picture, then captures as it is (issue 10: "read the NIK
and name on the sharpest frames of the steady run"; Run 15b).
The cards are drawn by our generator (tests/synthetic) in each of its fonts, straightened as the
engine's crop; the smear is a straight streak as a card moving while the picture is taken."""
from __future__ import annotations

import cv2
import numpy as np
import pytest

from idscan.card import CROP_H, CROP_W
from idscan.quality import guidance, sharpness, smeared
from idscan.result import ScanResult
from idscan.sequence import pick_sharpest
from idscan.tracker import CaptureTracker
from tests.synthetic.ktp import render_ktp
from tests.synthetic.people import make_varied_person
from tests.synthetic.styles import DEV_FONTS, HELD_OUT_FONTS, CardStyle
from tests.idscan.kiosk_wait import WAIT_FRAMES


def _crop(family: str, seed: int = 5) -> np.ndarray:
    person = make_varied_person(np.random.default_rng(seed))
    card = render_ktp(person, np.random.default_rng(seed), CardStyle(family=family, guilloche=True))
    return cv2.resize(card, (CROP_W, CROP_H), interpolation=cv2.INTER_AREA)


def _smeared(crop: np.ndarray, length: int, angle: float) -> np.ndarray:
    """The crop streaked `length` px along `angle` degrees (a card moving during the exposure)."""
    k = np.zeros((length, length), np.float32)
    k[length // 2, :] = 1
    rot = cv2.getRotationMatrix2D((length / 2 - 0.5, length / 2 - 0.5), angle, 1)
    k = cv2.warpAffine(k, rot, (length, length))
    return cv2.filter2D(crop, -1, k / k.sum())


def _advice(crop: np.ndarray) -> str:
    return guidance(True, True, 0.2, sharpness(crop), 0.0, smeared(crop))


@pytest.mark.parametrize("family", DEV_FONTS + HELD_OUT_FONTS)
def test_a_sharp_card_in_any_font_is_ready(family):
    assert _advice(_crop(family)) == "ready"


@pytest.mark.parametrize("family", DEV_FONTS + HELD_OUT_FONTS)
def test_a_softly_focused_card_is_not_taken_for_a_moving_one(family):
    # Soft optics blur every direction alike: nothing the visitor's holding still would mend.
    assert _advice(cv2.GaussianBlur(_crop(family), (0, 0), 1.2)) == "ready"


@pytest.mark.parametrize("family", DEV_FONTS + HELD_OUT_FONTS)
@pytest.mark.parametrize("angle", [0, 45, 90, 135])
def test_a_card_smeared_along_across_or_athwart_its_lines_asks_the_visitor_to_hold_still(family, angle):
    crop = _smeared(_crop(family), 12, angle)
    assert sharpness(crop) >= 150  # sharp enough overall: before Run 15b this frame was captured at once
    assert _advice(crop) == "hold_still"


def _frame(advice: str, crop_sharpness: float = 500.0, corners=((0, 0), (856, 0), (856, 540), (0, 540))) -> ScanResult:
    return ScanResult(card=True, corners=[list(c) for c in corners], in_frame=True, guidance=advice,
                      sharpness=crop_sharpness, crop=np.zeros((8, 8, 3), np.uint8))


def test_a_smeared_card_is_not_captured_at_once_but_when_it_is_held_still():
    tracker = CaptureTracker()
    states = [tracker.update(_frame("hold_still")) for _ in range(5)]
    assert not any(s.capture_now for s in states)
    assert all(s.guidance == "hold_still" for s in states)
    states = [tracker.update(_frame("ready")) for _ in range(3)]
    assert [s.capture_now for s in states] == [False, False, True]


def test_a_card_that_stays_smeared_is_still_captured_after_a_few_seconds():
    tracker = CaptureTracker()
    fired = [tracker.update(_frame("hold_still")).capture_now for _ in range(WAIT_FRAMES + 3)]
    assert fired.count(True) == 1
    assert fired.index(True) == WAIT_FRAMES + 2  # the wait, then three steady frames as always


def test_a_smeared_frame_still_votes_by_its_sharpness_and_a_finger_frame_comes_last():
    # "Read the NIK and name on the sharpest 3-5 frames of the steady run" (issue 10): a smeared
    # frame captured after the wait votes in its place; a frame with a finger over digits comes last.
    smear, clean, finger = _frame("hold_still", 2000.0), _frame("ready", 400.0), _frame("finger_on_text", 3000.0)
    picked = pick_sharpest([clean, finger, _frame("too_blurry", 90.0), smear])
    assert picked == [smear, clean, finger]
