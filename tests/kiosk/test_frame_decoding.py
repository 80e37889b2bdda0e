"""A kiosk frame is decoded by OpenCV (what the engine costs), with PIL's strictness kept for
pictures that are cut short or that OpenCV will not read (issue 16)."""
from __future__ import annotations

import io
import time

import cv2
import numpy as np
import pytest
from PIL import Image

from idscan import decode_image_bytes
from kiosk import images
from kiosk.images import UploadError, decode_frame

from .conftest import jpeg


def _png(image: np.ndarray) -> bytes:
    out = io.BytesIO()
    Image.fromarray(image[:, :, ::-1]).save(out, format="PNG")
    return out.getvalue()


def _webp(image: np.ndarray) -> bytes:
    out = io.BytesIO()
    Image.fromarray(image[:, :, ::-1]).save(out, format="WEBP", lossless=True)
    return out.getvalue()


@pytest.mark.parametrize("encode", [jpeg, _png, _webp], ids=["jpeg", "png", "webp"])
def test_a_camera_frame_is_decoded_by_opencv_to_the_pixels_pil_would_give(ktp_scene, monkeypatch, encode):
    data = encode(ktp_scene[0])
    reference = decode_image_bytes(data)
    monkeypatch.setattr(images, "decode_image_bytes", lambda _data: pytest.fail("decoded by PIL"))
    frame = decode_frame(data)
    assert frame.shape == reference.shape and frame.dtype == np.uint8
    assert np.abs(frame.astype(int) - reference.astype(int)).mean() < 1.0


def test_a_jpeg_cut_short_is_damaged_not_filled_with_grey(ktp_scene):
    data = jpeg(ktp_scene[0])
    with pytest.raises(UploadError) as caught:
        decode_frame(data[: len(data) * 2 // 3])
    assert caught.value.code == "image_damaged"


def test_decoding_a_frame_costs_less_than_pil_does():
    rng = np.random.default_rng(3)
    frame = cv2.GaussianBlur(rng.integers(0, 255, (540, 960, 3), dtype=np.uint8), (0, 0), 3)
    data = jpeg(frame)

    def best(fn) -> float:
        times = []
        for _ in range(15):
            start = time.perf_counter()
            fn(data)
            times.append(time.perf_counter() - start)
        return min(times)

    assert best(decode_frame) < best(decode_image_bytes)
