"""sec4 probe: a kiosk frame of 568 bytes, a progressive JPEG whose header claims 12000 x 12000
pixels, took the server from 0.2 to 1.2 GB and 8.5 s of CPU, and was answered 200: scaled decoding
spares memory only for a JPEG decoded in one pass, and a progressive one (or one sending each colour
in a scan of its own) keeps the whole picture's coefficients until its last scan. Two kiosks, two
frame slots: 2.4 GB, again and again.

What must happen: such a frame is refused before decoding, 413 with the reason in the kiosk's
language, nothing stored; a camera frame and a phone photo (baseline JPEG, decoded at reduced
scale) still go through, and the kiosk keeps being served."""
from __future__ import annotations

import io
import struct
import time

from PIL import Image

from .test_frame_capability import _device_only, _frame, _open


def _claiming(width: int, height: int, *, progressive: bool) -> bytes:
    """A tiny real JPEG whose frame header is rewritten to claim width x height."""
    out = io.BytesIO()
    Image.new("RGB", (64, 64), (128, 128, 128)).save(out, "JPEG", quality=50, subsampling=0,
                                                      progressive=progressive)
    data = bytearray(out.getvalue())
    at = data.find(b"\xff\xc2" if progressive else b"\xff\xc0")
    struct.pack_into(">HH", data, at + 5, height, width)
    return bytes(data)


def _one_colour_per_scan(data: bytes) -> bytes:
    """The same header, its first scan naming one colour of three (a non-interleaved JPEG)."""
    data = bytearray(data)
    at = data.find(b"\xff\xda")
    data[at + 4] = 1
    return bytes(data)


def test_a_progressive_jpeg_claiming_a_huge_picture_is_refused_before_decoding(app, kiosk):
    capability = _open(kiosk).json["capability"]
    client = _device_only(app, kiosk)
    started = time.monotonic()
    refused = _frame(client, _claiming(12000, 12000, progressive=True), capability, capture="1")
    assert refused.status_code == 413, refused.json
    assert refused.json["error"] == "frame_too_many_pixels"
    assert "1920" in refused.json["message"] and "kamera" in refused.json["message"].lower()
    assert time.monotonic() - started < 2
    # one colour per scan holds the whole picture just the same
    other = _frame(client, _one_colour_per_scan(_claiming(12000, 12000, progressive=False)), capability)
    assert other.status_code == 413 and other.json["error"] == "frame_too_many_pixels"
    # the kiosk is still served
    ok = _frame(client, _claiming(640, 480, progressive=True), capability)
    assert ok.status_code == 200


def test_what_a_phone_or_camera_sends_still_goes_through():
    from idscan.decode import holds_whole_image

    assert not holds_whole_image(_claiming(4000, 3000, progressive=False))  # a baseline phone photo
    assert holds_whole_image(_claiming(4000, 3000, progressive=True))
    assert holds_whole_image(_one_colour_per_scan(_claiming(4000, 3000, progressive=False)))
    assert holds_whole_image(b"\xff\xd8garbage")  # a header that cannot be walked is not trusted
