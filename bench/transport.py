"""What reaches the engine from the kiosk's camera: the frame as the browser sends it (issue 10, Run 35r).

The camera loop (static/kiosk/js/camera.js) does not send the camera's frame: it draws it into a
canvas at most MAX_WIDTH px wide and sends `toBlob(..., "image/jpeg", 0.85)`; the server decodes
that JPEG (kiosk/images.py, OpenCV). `--transport kiosk` gives the engine that frame; `--transport
raw` the generator's array as it is (what every bench measured until Run 35r).

The scaling is bilinear (cv2.INTER_LINEAR): Debian's Chromium 156 drawing a 1280x720 scene into a
960x540 canvas matched it within 0.44 grey levels on average (PSNR 50 dB), closer than area
averaging (0.76, 44 dB) or bicubic (1.2, 40 dB), with the canvas's default smoothing and at
"medium" and "high" alike (software canvas, `--disable-gpu` as the browser tests run it).
"""
from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np

KIOSK_WIDTH = 960  # camera.js MAX_WIDTH on main before Run 35r
KIOSK_QUALITY = 85  # camera.js toBlob's 0.85
TRANSPORTS = ("raw", "kiosk")


def kiosk_jpeg(frame: np.ndarray, max_width: int = KIOSK_WIDTH, quality: int = KIOSK_QUALITY) -> bytes:
    """The JPEG the kiosk's browser sends for `frame`: scaled (bilinear) to at most `max_width` px
    wide, never enlarged, and encoded at `quality`."""
    height, width = frame.shape[:2]
    if width > max_width:
        size = (max_width, round(height * max_width / width))  # camera.js: Math.round(h * scale)
        frame = cv2.resize(frame, size, interpolation=cv2.INTER_LINEAR)
    ok, data = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise ValueError("frame not encodable as JPEG")
    return data.tobytes()


def kiosk_frame(frame: np.ndarray, max_width: int = KIOSK_WIDTH, quality: int = KIOSK_QUALITY) -> np.ndarray:
    """`frame` as the server decodes the kiosk's JPEG of it (OpenCV, as kiosk/images.py does)."""
    return cv2.imdecode(np.frombuffer(kiosk_jpeg(frame, max_width, quality), np.uint8), cv2.IMREAD_COLOR)


def transport(name: str, max_width: int = KIOSK_WIDTH) -> Callable[[np.ndarray], np.ndarray]:
    """The function a bench passes each camera frame through before the engine sees it."""
    if name == "raw":
        return lambda frame: frame
    if name == "kiosk":
        return lambda frame: kiosk_frame(frame, max_width)
    raise ValueError(f"transport: one of {', '.join(TRANSPORTS)}")
