"""Odd pictures sent to the kiosk's scan endpoint (probe sec16): bad input gets a clear message in
the visitor's language and a 4xx, and the kiosk goes on reading the next frame; a picture that is
merely unusual (CMYK, greyscale) is read like any other."""
from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from .conftest import jpeg


def _pil(img: Image.Image, fmt: str, **kw) -> bytes:
    out = io.BytesIO()
    img.save(out, fmt, **kw)
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png(width: int, height: int, pixels: bytes = b"") -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", zlib.compress(pixels, 9)) + _chunk(b"IEND", b"")


def _jpeg_claiming(width: int, height: int) -> bytes:
    data = bytearray(_pil(Image.new("RGB", (16, 16), "white"), "JPEG"))
    at = data.find(b"\xff\xc0")
    data[at + 5:at + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def _bomb(width: int, height: int) -> bytes:
    """A PNG of zeros: a few kilobytes that decode to width x height x 3 bytes."""
    return _png(width, height, (b"\x00" * (1 + width * 3)) * height)


REFUSED = {
    "1x1 JPEG": (lambda: _pil(Image.new("RGB", (1, 1)), "JPEG"), 400, "image_too_small", "terlalu kecil"),
    "1x1 PNG": (lambda: _pil(Image.new("RGB", (1, 1)), "PNG"), 400, "image_too_small", "terlalu kecil"),
    "1920x1 JPEG": (lambda: _pil(Image.new("RGB", (1920, 1)), "JPEG"), 400, "image_too_small", "terlalu kecil"),
    # A few hundred bytes claiming a huge picture: the pixels are the trouble, not the file's size, so the
    # message says what would be read (docs/idscan.md: at most 16 MP, 4096 px a side), never "8 MB" (h34w).
    "PNG header claiming 20000x20000": (lambda: _png(20000, 20000), 413, "image_too_large", "16 megapiksel"),
    "JPEG header claiming 20000x20000": (lambda: _jpeg_claiming(20000, 20000), 413, "image_too_large", "16 megapiksel"),
    "PNG bomb 6000x6000": (lambda: _bomb(6000, 6000), 413, None, "1920 x 1080"),
}


@pytest.mark.parametrize("how", ["upload", "camera"])
@pytest.mark.parametrize("name", list(REFUSED))
def test_an_odd_picture_gets_a_clear_4xx_and_the_next_frame_is_read(kiosk, ktp_scene, name, how):
    make, status, code, words = REFUSED[name]
    response = _send(kiosk, make(), how)
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    if code:
        assert response.json["error"] == code
    assert words in response.json["message"]  # Indonesian, the kiosk's default
    assert " MB" not in response.json["message"]  # a file far below any byte limit is not "too large (8 MB)"
    assert _send(kiosk, jpeg(ktp_scene[0]), how).status_code == 200


@pytest.mark.parametrize("mode", ["CMYK", "L"])
def test_a_cmyk_or_grey_photo_of_a_card_is_read_as_a_card(kiosk, ktp_scene, mode):
    frame = Image.fromarray(ktp_scene[0][:, :, ::-1].copy())
    response = _send(kiosk, _pil(frame.convert(mode), "JPEG", quality=92), "upload")
    assert response.status_code == 200 and response.json["result"]["card"]


def _send(kiosk, data: bytes, how: str):
    if how == "upload":
        # encoded in memory: the test client would spool a large body to a file it never closes
        boundary, body = encode_multipart(MultiDict([("session", "odd-picture-1"), ("mode", "ktp"),
                                                     ("frame", FileStorage(io.BytesIO(data), "photo.jpg"))]))
        return kiosk.client.post("/kiosk/api/v1/scan", data=body, headers={"X-CSRFToken": kiosk.csrf},
                                 content_type=f"multipart/form-data; boundary={boundary}")
    return kiosk.client.post("/kiosk/api/v1/scan", query_string={"session": "odd-picture-2", "mode": "ktp"},
                             data=data, headers={"Content-Type": "image/jpeg", "X-CSRFToken": kiosk.csrf})
