"""A visitor without a working camera uploads a photo of the KTP that a phone app has cropped to the
card's edges (or a scan): the kiosk must find the card in it and read it, as it does a photo of the
card lying on a desk, instead of keeping the whole picture as "no card found"."""
from __future__ import annotations

import pytest

import idscan.tesseract
from tests.idscan.test_flat_scans import jpg, stranger_scans

pytestmark = pytest.mark.skipif(not idscan.tesseract.tesseract_path(), reason="tesseract-ocr not installed")


def test_an_uploaded_photo_that_is_all_card_is_read(kiosk):
    picture, nik, printed = stranger_scans(1, seed=5150)[0]
    response = kiosk.post_frame(jpg(picture), capture=True, filename="ktp.jpg")
    assert response.status_code == 200, response.json
    capture = response.json["capture"]
    assert capture["card_found"] is True
    assert capture["nik"] in (None, nik) and (capture["nik"] == nik or capture["name"] == printed)
