"""Issue 10, "no negative ever captured": a card that is not a KTP, held still before the kiosk's
camera and out of focus for the whole wait, is never captured, and the visitor is told to show the
front of the KTP; a blurred KTP held still is still captured after the wait (Runs 22v and 26b).

A plain gold or dark bank card, the blank side of a card or a pale rectangle of the room shows no
print to judge it by: told "too blurry", it used to be captured once the wait ran out (Run 26g)."""
from __future__ import annotations

import cv2
import numpy as np
import pytest

from idscan import blurry_wait, scan_frame
from idscan.tracker import FINGER_PATIENCE, CaptureTracker
from tests.idscan import test_exposure_and_other_cards as other

W, H = other.W, other.H
HELD = 3 * FINGER_PATIENCE  # three times the wait: ~9 s at the kiosk's ~5 frames a second


def _gold_bank_card() -> np.ndarray:
    """A plain gold bank card: the chip and the 16 embossed digits, little else."""
    card = np.zeros((H, W, 3), np.uint8)
    card[:] = np.linspace((70, 165, 205), (95, 190, 225), W)[None].astype(np.uint8)
    card[200:290, 90:210] = (80, 150, 190)
    cv2.putText(card, "4556 0123 4567 8901", (90, 400), cv2.FONT_HERSHEY_SIMPLEX, 2.0, (55, 120, 160), 4)
    return card


def _dark_bank_card() -> np.ndarray:
    """A plain dark blue bank card with its number in silver."""
    card = np.full((H, W, 3), (70, 30, 15), np.uint8)
    card[200:290, 90:210] = (120, 170, 190)
    cv2.putText(card, "5210 9876 5432 1098", (90, 400), cv2.FONT_HERSHEY_SIMPLEX, 2.0, (190, 190, 190), 4)
    return card


def _pale_rectangle() -> np.ndarray:
    """A card-sized pale rectangle of the room (a picture frame's mount, a box): no print at all."""
    return np.full((H, W, 3), (200, 212, 222), np.uint8)


def _blurred(card: np.ndarray, sigma: float = 2.5) -> np.ndarray:
    return cv2.GaussianBlur(other._frame(card), (0, 0), sigma)


@pytest.mark.parametrize("draw", [_gold_bank_card, _dark_bank_card, _pale_rectangle, other._driving_licence])
def test_a_card_that_is_not_a_ktp_held_blurred_for_the_whole_wait_is_never_captured(draw):
    frame = _blurred(draw())
    tracker = CaptureTracker()
    states = [tracker.update(scan_frame(frame, barcodes=False)) for _ in range(HELD)]
    assert not any(s.capture_now for s in states)
    assert {s.guidance for s in states} == {"not_ktp"}, "the visitor is told to show the KTP's front"


def test_before_the_change_such_a_card_was_captured_after_the_wait(monkeypatch):
    # What the change mends (Run 26g): the same blurred gold card, told too blurry, was taken.
    monkeypatch.setattr(blurry_wait, "ASK_PRINT", False)
    frame = _blurred(_gold_bank_card())
    assert scan_frame(frame, barcodes=False).guidance == "too_blurry"
    tracker = CaptureTracker()
    assert any(tracker.update(scan_frame(frame, barcodes=False)).capture_now for _ in range(HELD))


def _worn(card: np.ndarray) -> np.ndarray:
    """A worn card: its print faded half way towards the pale ground."""
    return cv2.addWeighted(card, 0.5, np.full_like(card, 225), 0.5, 0)


@pytest.mark.parametrize("seed,sigma,wear", [(11, 2.0, False), (12, 2.5, False), (13, 3.0, False), (14, 2.0, True)])
def test_a_blurred_ktp_held_still_is_still_captured_after_the_wait(seed, sigma, wear):
    card = other._ktp(seed)
    frame = _blurred(_worn(card) if wear else card, sigma)
    tracker = CaptureTracker()
    states = [tracker.update(scan_frame(frame, barcodes=False)) for _ in range(HELD)]
    assert states[0].guidance == "too_blurry", "a KTP's blur is told as blur, not as another card"
    assert [s.capture_now for s in states].index(True) == FINGER_PATIENCE + 2  # the wait, then 3 steady frames
