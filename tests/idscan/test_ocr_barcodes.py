import numpy as np
import pytest

from idscan import available_engines, barcodes, scan_frame
from tests.support import has_zbar
from tests.synthetic import code128_scene, make_person, place_in_scene, qr_scene, render_ktp


@pytest.mark.skipif(not available_engines(), reason="NO OCR ENGINE INSTALLED: apt-get install tesseract-ocr")
def test_nik_and_name_read_from_captured_card():
    ok = 0
    for seed in range(4):
        rng = np.random.default_rng(300 + seed)
        person = make_person(rng)
        frame, _ = place_in_scene(render_ktp(person), rng, tilt=10)
        res = scan_frame(frame, ocr=True, barcodes=False)
        assert res.guidance == "ready"
        assert res.nik == person.nik
        assert res.nik_info and res.nik_info["birth_date"] == person.birth_date.isoformat()
        ok += res.name == person.name
    assert ok >= 3


@pytest.mark.parametrize("reader", [
    "zxing",
    pytest.param("pyzbar", marks=pytest.mark.skipif(not has_zbar(), reason="libzbar0 missing: apt-get install libzbar0")),
])
def test_qr_and_code128_decoded(reader):
    rng = np.random.default_rng(5)
    qr = qr_scene("IKD:3373020101900001", rng)
    c128 = code128_scene("TKT-2025-0042", rng)
    read = barcodes.READERS[reader]
    assert {"format": "QRCode", "text": "IKD:3373020101900001"} in read(qr)
    assert {"format": "Code128", "text": "TKT-2025-0042"} in read(c128)
    assert scan_frame(c128).barcodes == [{"format": "Code128", "text": "TKT-2025-0042"}]
