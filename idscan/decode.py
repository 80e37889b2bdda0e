"""Turn untrusted upload bytes into a BGR array, or fail with a clear error code.

The image size is read from the header before any pixel is decoded, so a
decompression bomb (a tiny PNG that inflates to gigapixels) costs nothing.
"""
from __future__ import annotations

import io
import warnings

import numpy as np
from PIL import Image

MAX_SIDE = 4096
MAX_PIXELS = 16_000_000
MIN_SIDE = 32  # below this no card or code can be read
FORMATS = {"JPEG", "PNG", "WEBP", "BMP", "GIF", "TIFF"}


class ImageError(ValueError):
    """Raised for unusable input; .code is one of the codes below."""

    CODES = ("empty", "not_image", "too_large", "too_small", "corrupt")

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def check_dimensions(width: int, height: int) -> None:
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise ImageError("too_large", f"image is {width}x{height}, limit {MAX_SIDE}px / {MAX_PIXELS} px")
    if width < MIN_SIDE or height < MIN_SIDE:
        raise ImageError("too_small", f"image is {width}x{height}, need at least {MIN_SIDE}px")


def decode_image_bytes(data: bytes) -> np.ndarray:
    """Decode JPEG/PNG/WebP/BMP/GIF/TIFF bytes to an HxWx3 uint8 BGR array."""
    if not data:
        raise ImageError("empty", "no image data")
    # PIL warns (and with -W error would raise) on odd metadata; decoding is judged below.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            img = Image.open(io.BytesIO(data))  # lazy: parses the header only
        except Image.DecompressionBombError as exc:
            raise ImageError("too_large", str(exc)) from None
        except Exception:
            raise ImageError("not_image", "not a supported image") from None
        if img.format not in FORMATS:
            raise ImageError("not_image", f"unsupported image format {img.format}")
        check_dimensions(*img.size)
        try:
            img.load()  # raises on truncated or corrupt data (LOAD_TRUNCATED_IMAGES stays off)
            rgb = img.convert("RGB")
        except Exception as exc:
            raise ImageError("corrupt", f"image data is damaged: {exc}") from None
    arr = np.asarray(rgb)
    return np.ascontiguousarray(arr[:, :, ::-1])


def check_frame(frame: object) -> np.ndarray:
    """Validate an in-memory frame and return it as contiguous BGR uint8."""
    if not isinstance(frame, np.ndarray) or frame.size == 0:
        raise ImageError("empty", "no frame")
    if frame.dtype != np.uint8 or frame.ndim not in (2, 3) or (frame.ndim == 3 and frame.shape[2] not in (1, 3, 4)):
        raise ImageError("not_image", f"unsupported frame {frame.dtype} {frame.shape}")
    check_dimensions(frame.shape[1], frame.shape[0])
    if frame.ndim == 2:
        return np.ascontiguousarray(np.repeat(frame[:, :, None], 3, axis=2))
    if frame.shape[2] == 1:
        return np.ascontiguousarray(np.repeat(frame, 3, axis=2))
    return np.ascontiguousarray(frame[:, :, :3])
