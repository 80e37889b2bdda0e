"""The second barcode reader (pyzbar) runs only when the first (zxing-cpp) saw a symbol it could not
decode (issue 16: "the second barcode reader only when the first saw a symbol")."""
from __future__ import annotations

import numpy as np
import pytest

from idscan import barcodes
from tests.support import has_zbar
from tests.synthetic import code128_scene, qr_scene

pytestmark = pytest.mark.skipif(not has_zbar(), reason="libzbar0 missing: apt-get install libzbar0")


def _box_around_the_code(frame: np.ndarray) -> np.ndarray:
    """Where zxing-cpp would report a symbol it located: the dark print's bounding box."""
    gray = barcodes._gray(frame)
    ys, xs = np.nonzero(gray < 80)
    x0, x1, y0, y1 = xs.min(), xs.max(), ys.min(), ys.max()
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], np.float32)


def test_pyzbar_reads_a_code_the_first_reader_saw_but_could_not_decode(monkeypatch):
    rng = np.random.default_rng(8)
    frame = qr_scene("IKD:3373020101900001", rng)
    box = _box_around_the_code(frame)
    monkeypatch.setattr(barcodes, "zxing_scan", lambda *a, **k: ([], [box]))  # located, not decoded
    assert barcodes.read_barcodes(frame) == [{"format": "QRCode", "text": "IKD:3373020101900001"}]


def test_pyzbar_is_not_asked_when_the_first_reader_saw_no_symbol(monkeypatch):
    rng = np.random.default_rng(8)
    frame = qr_scene("IKD:3373020101900001", rng)
    calls = []
    monkeypatch.setattr(barcodes, "zxing_scan", lambda *a, **k: ([], []))  # zxing-cpp saw nothing
    monkeypatch.setattr(barcodes, "read_pyzbar", lambda *a, **k: calls.append(1) or [])
    assert barcodes.read_barcodes(frame) == []
    assert calls == []


def test_a_frame_without_any_code_costs_one_reader(monkeypatch):
    frame = np.full((720, 1280, 3), 170, np.uint8)  # an empty desk: no symbol anywhere
    calls = []
    monkeypatch.setattr(barcodes, "read_pyzbar", lambda *a, **k: calls.append(1) or [])
    assert barcodes.read_barcodes(frame) == []
    assert calls == []


def test_pyzbar_is_not_asked_when_zxing_already_read_the_code(monkeypatch):
    rng = np.random.default_rng(9)
    frame = code128_scene("TKT-2026-0007", rng)
    calls = []
    monkeypatch.setattr(barcodes, "read_pyzbar", lambda *a, **k: calls.append(1) or [])
    assert barcodes.read_barcodes(frame) == [{"format": "Code128", "text": "TKT-2026-0007"}]
    assert calls == []
