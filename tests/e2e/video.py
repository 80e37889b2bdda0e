"""Write YUV4MPEG2 (.y4m) files of I420 frames for chromium's fake camera."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import cv2
import numpy as np


def write_y4m(path: Path, frames: Iterable[np.ndarray], fps: int = 10) -> Path:
    """Write BGR frames (all the same even width and height) as a .y4m video chromium can play."""
    frames = list(frames)
    height, width = frames[0].shape[:2]
    with open(path, "wb") as out:
        out.write(f"YUV4MPEG2 W{width} H{height} F{fps}:1 Ip A1:1 C420jpeg\n".encode())
        for frame in frames:
            out.write(b"FRAME\n")
            out.write(cv2.cvtColor(frame, cv2.COLOR_BGR2YUV_I420).tobytes())
    return path
