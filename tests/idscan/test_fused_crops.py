"""The frames of a steady card fused into one image (issue 10: "The kiosk sees about 5 frames a
second of a steady card [...] fill the form only when the vote is confident and the cross-checks
agree. Otherwise fill nothing [...]: a wrong NIK filled in silently is worse than an empty field").

The fusion itself is tested on drawn cards with noise; the capture's use of it with the
recognisers replaced by what they would read on each line (as in test_capture_reading.py)."""
from __future__ import annotations


import cv2
import numpy as np
import pytest

import idscan.fuse
import idscan.rapid
import idscan.reader
import idscan.tesseract
from idscan.fuse import fuse

from .ocr_fakes import marked_lines, read_marked, recogniser

NIK = "3373014506900001"  # Salatiga, a woman born 05-06-1990
OTHER = "3373014506900007"  # ... a serial digit misread


def _card(text: str = NIK, seed: int = 0) -> np.ndarray:
    """A pale 856x540 card with a NIK line and a few more lines of print."""
    card = np.full((540, 856, 3), (205, 215, 225), np.uint8)
    rng = np.random.default_rng(seed)
    for y in range(40, 540, 23):  # a faint guilloche-like pattern: something to align on
        cv2.line(card, (0, y), (855, int(y + rng.integers(-20, 20))), (185, 200, 215), 1, cv2.LINE_AA)
    cv2.putText(card, "PROVINSI JAWA TENGAH", (150, 60), cv2.FONT_HERSHEY_SIMPLEX, 1.0, (30, 30, 30), 2, cv2.LINE_AA)
    cv2.putText(card, f"NIK : {text}", (30, 170), cv2.FONT_HERSHEY_SIMPLEX, 1.1, (20, 20, 20), 2, cv2.LINE_AA)
    cv2.putText(card, "SITI AMINAH", (30, 240), cv2.FONT_HERSHEY_SIMPLEX, 1.0, (20, 20, 20), 2, cv2.LINE_AA)
    cv2.rectangle(card, (640, 120), (800, 330), (60, 60, 160), -1)  # the photo
    return card


def _frame(card: np.ndarray, dx: float, dy: float, sigma: float, seed: int) -> np.ndarray:
    """The card moved by a sub-pixel hand shake, with fresh sensor noise."""
    moved = cv2.warpAffine(card, np.float32([[1, 0, dx], [0, 1, dy]]), (card.shape[1], card.shape[0]),
                           flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    noise = np.random.default_rng(seed).normal(0, sigma, card.shape)
    return np.clip(moved.astype(np.float32) + noise, 0, 255).astype(np.uint8)


SHAKES = [(0.0, 0.0), (1.4, -0.7), (-0.9, 1.2), (0.6, 0.8), (-1.3, -0.4)]


def _noisy_run(sigma: float = 28.0, n: int = 5) -> tuple[np.ndarray, list[np.ndarray]]:
    card = _card()
    return card, [_frame(card, dx, dy, sigma, seed) for seed, (dx, dy) in enumerate(SHAKES[:n])]


def _inner(img: np.ndarray) -> np.ndarray:
    return img[20:-20, 20:-20].astype(np.float32)


def test_fused_frames_of_a_steady_card_carry_less_noise_than_the_sharpest_one():
    card, frames = _noisy_run()
    fused, used = fuse(frames)
    assert used == len(frames), "every frame of one steady card aligns"
    error_one = float(np.sqrt(np.mean((_inner(frames[0]) - _inner(card)) ** 2)))
    error_fused = float(np.sqrt(np.mean((_inner(fused) - _inner(card)) ** 2)))
    assert error_fused < 0.6 * error_one, (error_one, error_fused)


def test_a_frame_of_another_card_is_left_out_of_the_fusion():
    _card_a, frames = _noisy_run(sigma=8.0, n=2)
    other = _frame(_card("9999999999999999", seed=7)[::-1, ::-1].copy(), 0, 0, 8.0, 9)  # another card, turned
    fused, used = fuse([frames[0], other])
    assert used == 1
    assert np.array_equal(fused, frames[0])


def _digits_right(text: str) -> int:
    digits = "".join(ch for ch in text if ch.isdigit())[-16:]
    return sum(a == b for a, b in zip(digits, NIK))


@pytest.mark.skipif(not idscan.tesseract.tesseract_path(), reason="tesseract-ocr not installed")
def test_the_fused_frames_read_at_least_what_the_sharpest_frame_reads():
    _card_a, frames = _noisy_run(sigma=55.0)  # the single frame reads junk after the digits
    fused, _used = fuse(frames)
    line = (slice(130, 190), slice(20, 620))
    one, both = (cv2.cvtColor(img[line], cv2.COLOR_BGR2GRAY) for img in (frames[0], fused))
    (text_one, _c1), (text_fused, _c2) = idscan.tesseract.read_lines([one, both])
    assert _digits_right(text_fused) >= _digits_right(text_one), (text_one, text_fused)
    assert NIK in text_fused.replace(" ", "")


# --- the capture: which reading the fused crops give, and what is filled -----------------------

REGIONS = {"33": "Jawa Tengah", "3373": "Kota Salatiga", "337301": "Argomulyo"}
FUSED = 9  # the marker of the fused crop's lines in the fakes below


def _fake(monkeypatch, *, rapid_niks: dict[int, str], fused_nik: str | None, aligned: bool = True) -> list:
    """Tesseract reads every line of every single crop but the NIK's digits (the birth date is
    unread too); RapidOCR reads crop k's NIK line as rapid_niks[k] (else nothing there); the fused
    crops' NIK line reads fused_nik to Tesseract. Returns the list of fusions made."""
    text = ["PROVINSI JAWA TENGAH", "KOTA SALATIGA", "NIK :", "SITI AMINAH", "SALATIGA, ??-??-????",
            "PEREMPUAN", ""]
    fusions: list = []

    def tess(k, j):
        return f"NIK : {fused_nik or ''}" if (k, j) == (FUSED, 2) else text[j]

    def rapid(k, j):
        return f"NIK : {rapid_niks.get(k, '')}" if j == 2 else text[j].replace(" ", "")

    def fake_fuse(crops):
        fusions.append(len(crops))
        return (np.full((2, 2, 3), FUSED, np.uint8), len(crops)) if aligned else (crops[0], 1)

    monkeypatch.setattr(idscan.reader, "card_lines", marked_lines)
    monkeypatch.setattr(idscan.tesseract, "read_lines", recogniser(tess))
    monkeypatch.setattr(idscan.rapid, "read_lines", recogniser(rapid, per_word=False))
    monkeypatch.setattr(idscan.fuse, "fuse", fake_fuse)
    return fusions


def _read(n: int = 3):
    return read_marked(n, REGIONS)


def test_the_fused_crops_read_alike_by_tesseract_confirm_the_second_recognisers_nik(monkeypatch):
    fusions = _fake(monkeypatch, rapid_niks={0: NIK, 1: NIK, 2: NIK}, fused_nik=NIK)
    reading = _read()
    assert fusions == [3]
    assert reading.nik == NIK
    assert "nik" in reading.read_from_card


def test_without_the_fused_reading_the_second_recognisers_nik_alone_fills_nothing(monkeypatch):
    _fake(monkeypatch, rapid_niks={0: NIK, 1: NIK, 2: NIK}, fused_nik=None)
    assert _read().nik is None


def test_the_fused_crops_read_otherwise_fill_nothing(monkeypatch):
    _fake(monkeypatch, rapid_niks={0: NIK, 1: NIK, 2: NIK}, fused_nik=OTHER)
    assert _read().nik is None


def test_a_run_whose_frames_do_not_align_fills_nothing(monkeypatch):
    _fake(monkeypatch, rapid_niks={0: NIK, 1: NIK, 2: NIK}, fused_nik=NIK, aligned=False)
    assert _read().nik is None


def test_a_later_crop_read_otherwise_still_vetoes_a_nik_the_fused_crops_confirmed(monkeypatch):
    _fake(monkeypatch, rapid_niks={0: NIK, 1: NIK, 2: OTHER}, fused_nik=NIK)
    assert _read().nik is None


def test_a_single_crop_is_not_fused(monkeypatch):
    fusions = _fake(monkeypatch, rapid_niks={0: NIK}, fused_nik=NIK)
    assert _read(1).nik is None
    assert fusions == []
