"""Issue 10: "no negative ever captured", and a KTP under "a laminate glare band" or simply bright
light (docs/idscan.md, Run 19x).

A laminate glare band is bright light over part of the card that washes out the print under it: the
visitor tilts the card away from it. A card washed pale all over by the webcam's exposure keeps its
print dark: it is read, never sent to tilt for ever. A card that is not a KTP (a driving licence, a
bank card, a name badge) is never captured: the visitor is asked for the front of their KTP."""
from __future__ import annotations

import cv2
import numpy as np
import pytest

from idscan import scan_frame
from idscan.quality import MAX_GLARE
from idscan.tracker import CaptureTracker
from tests.synthetic import make_person, render_ktp

W, H = 856, 540  # a card at the KTP's proportion, as the generators draw it


def _frame(card: np.ndarray, gain: float = 1.0) -> np.ndarray:
    """The card held flat before a dark wall of a 1280x720 webcam frame, a little sensor noise, the
    camera's gain applied last (a gain above 1 clips what was already bright)."""
    frame = np.full((720, 1280, 3), 60, np.uint8)
    frame[160:160 + 394, 330:330 + 624] = cv2.resize(card, (624, 394), interpolation=cv2.INTER_AREA)
    noisy = frame.astype(np.float32) + np.random.default_rng(3).normal(0, 2.0, frame.shape)
    return np.clip(noisy * gain, 0, 255).astype(np.uint8)


def _captured(frame: np.ndarray, frames: int = 20) -> bool:
    tracker = CaptureTracker()
    return any(tracker.update(scan_frame(frame, barcodes=False)).capture_now for _ in range(frames))


def _ktp(seed: int = 11) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return render_ktp(make_person(rng), rng)


def _text_rows(card: np.ndarray, x: int, y0: int, rows: int, ink) -> None:
    for k in range(rows):
        cv2.putText(card, "ABCDE 12345 FGHIJ", (x, y0 + 48 * k), cv2.FONT_HERSHEY_SIMPLEX, 1.0, ink, 2, cv2.LINE_AA)


def _driving_licence() -> np.ndarray:
    """Pale cream, a coloured band along its top, the photo on the left, rows of text."""
    card = np.full((H, W, 3), (205, 230, 236), np.uint8)
    card[:90] = (60, 60, 200)
    cv2.putText(card, "SURAT IZIN MENGEMUDI", (30, 62), cv2.FONT_HERSHEY_SIMPLEX, 1.4, (255, 255, 255), 3)
    card[160:440, 40:250] = (170, 90, 60)
    _text_rows(card, 290, 150, 7, (25, 25, 25))
    return card


def _bank_card() -> np.ndarray:
    card = np.zeros((H, W, 3), np.uint8)
    card[:] = np.linspace((110, 40, 20), (160, 120, 10), W)[None].astype(np.uint8)
    card[230:320, 110:230] = (90, 180, 210)
    cv2.putText(card, "7878 0639 8275 8274", (90, 400), cv2.FONT_HERSHEY_SIMPLEX, 2.0, (235, 235, 235), 5)
    cv2.putText(card, "BUDI S WIRAWAN", (90, 500), cv2.FONT_HERSHEY_SIMPLEX, 1.2, (235, 235, 235), 3)
    return card


def _badge() -> np.ndarray:
    """White, a logo stripe along the top, a big name."""
    card = np.full((H, W, 3), 245, np.uint8)
    card[:150] = (60, 110, 20)
    cv2.putText(card, "VISITOR", (60, 260), cv2.FONT_HERSHEY_SIMPLEX, 3.0, (20, 20, 20), 8)
    cv2.putText(card, "RINA MARLINA", (60, 360), cv2.FONT_HERSHEY_SIMPLEX, 2.0, (20, 20, 20), 5)
    return card


@pytest.mark.parametrize("draw", [_driving_licence, _bank_card, _badge], ids=["sim", "bank_card", "badge"])
def test_a_card_that_is_not_a_ktp_is_never_captured(draw):
    frame = _frame(draw())
    result = scan_frame(frame, barcodes=False)
    assert result.card and result.in_frame, "the card itself is found: the refusal is about what it is"
    assert result.guidance == "not_ktp"
    assert not _captured(frame)


def test_a_ktp_in_plain_light_is_still_captured():
    frame = _frame(_ktp())
    assert scan_frame(frame, barcodes=False).guidance == "ready"
    assert _captured(frame)


def test_a_ktp_washed_pale_by_the_exposure_is_captured_not_sent_to_tilt():
    # The camera's gain set for a darker room: the pale ground clips to white, the print stays dark.
    frame = _frame(_ktp(), gain=1.45)
    result = scan_frame(frame, barcodes=False)
    assert result.glare > MAX_GLARE, "the card's ground is blown out"
    assert result.guidance != "glare"
    assert _captured(frame)


def test_a_glare_band_over_the_nik_digits_still_asks_to_tilt():
    card = _ktp()
    card[:, int(0.33 * W):int(0.50 * W)] = 255  # a band of reflected light across the card, over the NIK
    frame = _frame(card)
    result = scan_frame(frame, barcodes=False)
    assert result.guidance == "glare"
    assert not _captured(frame)
