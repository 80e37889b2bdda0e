"""The second reader: pyzbar runs whenever zxing-cpp finds nothing, and only then."""
from __future__ import annotations

import numpy as np
import pytest

from idscan import barcodes
from tests.support import has_zbar
from tests.synthetic import code128_scene, qr_scene

pytestmark = pytest.mark.skipif(not has_zbar(), reason="libzbar0 missing: apt-get install libzbar0")


def test_pyzbar_reads_a_code_that_zxing_did_not_find(monkeypatch):
    rng = np.random.default_rng(8)
    frame = qr_scene("IKD:3373020101900001", rng)
    monkeypatch.setattr(barcodes, "zxing_scan", lambda *a, **k: ([], []))  # zxing-cpp saw nothing
    assert barcodes.read_barcodes(frame) == [{"format": "QRCode", "text": "IKD:3373020101900001"}]


def test_pyzbar_is_not_asked_when_zxing_already_read_the_code(monkeypatch):
    rng = np.random.default_rng(9)
    frame = code128_scene("TKT-2026-0007", rng)
    calls = []
    monkeypatch.setattr(barcodes, "read_pyzbar", lambda *a, **k: calls.append(1) or [])
    assert barcodes.read_barcodes(frame) == [{"format": "Code128", "text": "TKT-2026-0007"}]
    assert calls == []
