import io
import struct
import time
import zlib

import cv2
import numpy as np
import pytest
from click.testing import CliRunner
from PIL import Image

from idscan import ImageError, decode_image_bytes, scan_bytes, scan_frame
from kiosk.idscan_cli import idscan_command
from tests.synthetic import make_person, place_in_scene, render_ktp


def _png_header_only(w: int, h: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + chunk(b"IEND", b"")


def _jpeg() -> bytes:
    rng = np.random.default_rng(0)
    frame, _ = place_in_scene(render_ktp(make_person(rng)), rng)
    return cv2.imencode(".jpg", frame)[1].tobytes()


def _one_pixel() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (1, 1)).save(buf, "PNG")
    return buf.getvalue()


@pytest.mark.parametrize("data,code", [
    (b"", "empty"),
    (b"hello, not an image" * 10, "not_image"),
    (_png_header_only(20000, 20000), "too_large"),
    (_png_header_only(5000, 3000), "too_large"),
    (_one_pixel(), "too_small"),
])
def test_bad_bytes_give_error_value_fast(data, code):
    t = time.perf_counter()
    res = scan_bytes(data)
    assert res.error == code and not res.card
    assert time.perf_counter() - t < 1.0
    with pytest.raises(ImageError) as exc:
        decode_image_bytes(data)
    assert exc.value.code == code


def test_truncated_jpeg():
    data = _jpeg()
    assert scan_bytes(data[: len(data) // 2]).error == "corrupt"
    assert scan_bytes(data).error is None


def test_bad_arrays():
    assert scan_frame(np.zeros((0, 0, 3), np.uint8)).error == "empty"
    assert scan_frame(np.zeros((10, 10), np.float32)).error == "not_image"
    assert scan_frame(np.zeros((1, 1, 3), np.uint8)).error == "too_small"
    assert scan_frame(np.zeros((720, 1280), np.uint8)).error is None


def test_cli(tmp_path):
    good = tmp_path / "card.jpg"
    good.write_bytes(_jpeg())
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"nope")
    out = CliRunner().invoke(idscan_command, ["--no-ocr", str(good), str(bad)])
    assert out.exit_code == 0, out.output
    import json
    rows = [json.loads(line) for line in out.output.splitlines()]
    assert rows[0]["file"] == str(good) and rows[0]["card"] is True and rows[0]["nik"] is None
    assert set(rows[0]) >= {"corners", "in_frame", "sharpness", "glare", "guidance", "barcodes", "nik_info", "ms"}
    assert rows[1]["error"] == "not_image"
