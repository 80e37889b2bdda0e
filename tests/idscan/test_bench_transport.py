"""The benches can give the engine the frame the kiosk sends, not the camera's (issue 10: "the benchmark
measures what the kiosk does"; Run 35r). static/kiosk/js/camera.js draws each camera frame into a
canvas at most MAX_WIDTH (960) px wide and sends it as a JPEG at quality 0.85; a 1280x720 webcam's
frame reaches the server as a 960x540 JPEG. `--transport kiosk` does the same to every camera frame
before the engine sees it, `--transport raw` keeps the generator's array."""
from __future__ import annotations

import io
from types import SimpleNamespace

import numpy as np
from PIL import Image

from bench import engine_bench
from bench.transport import kiosk_frame, kiosk_jpeg, transport
from idscan.result import ScanResult


def _webcam_frame(width: int = 1280, height: int = 720) -> np.ndarray:
    rng = np.random.default_rng(35)
    return rng.integers(0, 256, (height, width, 3), dtype=np.uint8)


def _quality_tables(quality: int) -> dict:
    """The quantisation tables of a JPEG at `quality` as PIL (libjpeg's IJG scale) writes it."""
    out = io.BytesIO()
    Image.new("RGB", (16, 16)).save(out, "JPEG", quality=quality)
    return Image.open(io.BytesIO(out.getvalue())).quantization


def test_a_720p_webcam_frame_reaches_the_server_as_a_960x540_jpeg_at_quality_85():
    sent = Image.open(io.BytesIO(kiosk_jpeg(_webcam_frame())))
    assert sent.format == "JPEG"
    assert sent.size == (960, 540)
    assert sent.quantization == _quality_tables(85)
    assert sent.quantization != _quality_tables(90)


def test_the_engine_gets_the_decoded_jpeg_not_the_scaled_array():
    frame = _webcam_frame()
    got = kiosk_frame(frame)
    assert got.shape == (540, 960, 3)
    scaled = np.asarray(Image.fromarray(frame).resize((960, 540), Image.BILINEAR))
    difference = np.abs(got.astype(int) - scaled.astype(int)).mean()
    assert difference > 1  # JPEG's loss on a noisy frame
    smooth = np.tile(np.linspace(0, 255, 1280, dtype=np.uint8)[None, :, None], (720, 1, 3))
    assert np.abs(kiosk_frame(smooth).astype(int)[:, 40:-40] - np.linspace(0, 255, 960)[None, 40:-40, None]).max() <= 4


def test_the_width_is_a_parameter_and_a_smaller_frame_is_never_enlarged():
    assert kiosk_frame(_webcam_frame(), max_width=1280).shape == (720, 1280, 3)
    assert kiosk_frame(_webcam_frame(1920, 1080), max_width=1280).shape == (720, 1280, 3)
    assert kiosk_frame(_webcam_frame(640, 480)).shape == (480, 640, 3)


def test_raw_transport_hands_the_array_as_it_is():
    frame = _webcam_frame()
    assert transport("raw")(frame) is frame


def test_the_benches_take_the_transport_on_their_command_line():
    ap = engine_bench.arguments({"dev": None, "test": None}, cards=1, sequences=1, negatives=1)
    assert (ap.parse_args([]).transport, ap.parse_args([]).kiosk_width) == ("raw", 960)
    args = ap.parse_args(["--transport", "kiosk", "--kiosk-width", "1280"])
    assert (args.transport, args.kiosk_width) == ("kiosk", 1280)


def test_every_camera_frame_a_bench_scans_passes_through_the_kiosk_transport(monkeypatch):
    seen: list[tuple[int, ...]] = []

    def scan_frame(frame, **_):
        seen.append(frame.shape)
        return ScanResult(guidance="no_card")

    monkeypatch.setattr(engine_bench, "scan_frame", scan_frame)
    monkeypatch.setattr(engine_bench, "_sent", transport("kiosk"))
    scene = SimpleNamespace(frame=_webcam_frame(), tags=["empty"], blur=0.5)
    engine_bench.scan_negatives([scene])
    engine_bench.steady_run(lambda i: scene.frame, 5, None, None)
    engine_bench.read_frame(scene, "3171234567890123", "BUDI", None, None, 0)
    engine_bench.read_frame(scene, "3171234567890123", "BUDI", None, None, 0, uploaded=True)
    assert seen[:-1] and set(seen[:-1]) == {(540, 960, 3)}
    assert seen[-1] == (720, 1280, 3)  # an uploaded photo goes as the file is, not through the canvas
