"""Photos of a card as people take them today: a 24-50 MP phone camera (over the engine's 4096 px /
16 MP decoding limit, refused as "too_large" before), stored sideways with an EXIF orientation tag.
A large baseline JPEG is decoded at a reduced scale and its card found; a progressive JPEG claiming
a huge picture (it keeps every coefficient while decoding: a memory bomb) is still refused before
any pixel; the picture is turned upright as its EXIF tag says."""
from __future__ import annotations

import io
import struct

import cv2
import numpy as np
from PIL import Image

from idscan import decode_image_bytes, scan_bytes
from tests.synthetic.ktp import render_ktp
from tests.synthetic.people import make_person
from tests.synthetic.scenes import place_in_scene


def _jpeg(rgb: np.ndarray, **kw) -> bytes:
    out = io.BytesIO()
    Image.fromarray(rgb).save(out, "JPEG", quality=85, **kw)
    return out.getvalue()


def _phone_photo(width: int) -> np.ndarray:
    """A card on a desk, as RGB, scaled up to a phone camera's width (4:3)."""
    rng = np.random.default_rng(21)
    frame, _quad = place_in_scene(render_ktp(make_person(rng)), rng, width_px=620, angle=4, tilt=3, jpeg=None,
                                  noise=1)
    frame = frame[:, 160:1120]  # 4:3, as a phone's main camera
    big = cv2.resize(frame, (width, width * 3 // 4), interpolation=cv2.INTER_CUBIC)
    return np.ascontiguousarray(big[:, :, ::-1])


def test_a_large_phone_photo_is_read_at_a_reduced_scale_and_its_card_found():
    data = _jpeg(_phone_photo(6000))  # 6000 x 4500 = 27 MP
    frame = decode_image_bytes(data)
    assert max(frame.shape[:2]) <= 4096 and frame.shape[0] * frame.shape[1] <= 16_000_000
    assert frame.shape[1] / frame.shape[0] == 6000 / 4500
    result = scan_bytes(data, ocr=False)
    assert result.error is None and result.card and result.in_frame


def test_a_progressive_jpeg_claiming_a_huge_picture_is_still_refused():
    out = io.BytesIO()
    Image.new("RGB", (64, 64), (128, 128, 128)).save(out, "JPEG", quality=50, progressive=True)
    data = bytearray(out.getvalue())
    at = data.find(b"\xff\xc2")
    struct.pack_into(">HH", data, at + 5, 12000, 12000)
    assert scan_bytes(bytes(data)).error == "too_large"


def test_a_photo_stored_sideways_is_turned_as_its_exif_tag_says():
    rgb = _phone_photo(1600)  # stored 1600 x 1200, landscape
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: the camera was turned; show it rotated 90 degrees clockwise
    frame = decode_image_bytes(_jpeg(rgb, exif=exif.tobytes()))
    assert frame.shape[:2] == (1600, 1200)


def test_a_large_photo_with_an_odd_number_of_pixels_a_side_is_read_at_a_reduced_scale_too():
    # An edited or cropped photo need not be even-sided; PIL's draft picks its scale from the
    # requested size's whole multiples, so asking for ceil(side / 2) kept 6001 px at full scale.
    data = _jpeg(np.full((4501, 6001, 3), 180, np.uint8))
    frame = decode_image_bytes(data)
    assert frame.shape[:2] == (2251, 3001)
