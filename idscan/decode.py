"""Turn untrusted upload bytes into a BGR array, or fail with a clear error code.

The image size is read from the header before any pixel is decoded, so a
decompression bomb (a tiny PNG that inflates to gigapixels) costs nothing.
A JPEG over the limits (a 24-50 MP phone photo of a card) is decoded at 1/2, 1/4 or 1/8
scale, which JPEG can do without the full-size pixels, unless it is one that keeps every
coefficient of the picture until its last scan (progressive): that one may be at most
WHOLE_JPEG_MAX_PIXELS. The picture is turned as its EXIF orientation says (phones store it so).
"""
from __future__ import annotations

import io
import math
import warnings

import cv2
import numpy as np
from PIL import Image, ImageOps

MAX_SIDE = 4096
MAX_PIXELS = 16_000_000
MIN_SIDE = 32  # below this no card or code can be read
FORMATS = {"JPEG", "PNG", "WEBP", "BMP", "GIF", "TIFF"}
WHOLE_JPEG_MAX_PIXELS = MAX_PIXELS  # a progressive JPEG's coefficients: ~100 MB at 16 MP
_PROGRESSIVE_SOF = {0xC2, 0xC6, 0xCA, 0xCE}
_OTHER_SOF = {0xC0, 0xC1, 0xC3, 0xC5, 0xC7, 0xC9, 0xCB, 0xCD}


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


def holds_whole_image(data: bytes) -> bool:
    """True when decoding this JPEG keeps every coefficient of the picture at once, at any scale:
    progressive, or its first scan carries fewer colours than the frame (one scan per colour). Read
    from the markers before the first scan; a header that cannot be walked counts as True (a
    568-byte progressive JPEG claiming 12000 x 12000 took a server to 1.2 GB: docs/scale.md)."""
    at, components = 2, None
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return True
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        length = int.from_bytes(data[at + 2:at + 4], "big")
        if marker in _PROGRESSIVE_SOF:
            return True
        if marker in _OTHER_SOF and at + 10 <= len(data):
            components = data[at + 9]
        if marker == 0xDA:  # start of the first scan
            return at + 4 >= len(data) or components is None or data[at + 4] < components
        at += 2 + length
    return True


def fit_scale(width: int, height: int, max_side: float, max_pixels: int) -> float:
    """The factor (at most 1) that brings a picture within max_side and max_pixels."""
    return min(math.sqrt(max_pixels / (width * height)), max_side / max(width, height), 1.0)


def decode_jpeg_scaled(data: bytes, max_side: int, max_pixels: int, *, whole_max_pixels: int,
                       sharper: bool = False) -> np.ndarray | None:
    """A JPEG as BGR within max_side / max_pixels, decoded at 1/1, 1/2, 1/4 or 1/8 scale (JPEG
    scales while decoding, without the full-size pixels) and turned as its EXIF tag says.

    The scale is the finest whose picture fits the bound, nothing resized (the engine); or, when
    `sharper`, the coarsest that still covers the bound, resized down after, for up to four times
    the bound's pixels while decoding (a kiosk frame). None when the bytes are not a JPEG, keep
    their whole picture while decoding (progressive) and it is over `whole_max_pixels`, or are too
    large even at 1/8; ImageError("corrupt") for damaged pixels.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # odd metadata; the decoding is judged below
        try:
            img = Image.open(io.BytesIO(data))  # header only
        except Exception:
            return None
        width, height = img.size
        if img.format != "JPEG" or (width * height > whole_max_pixels and holds_whole_image(data)):
            return None
        if sharper:
            fit = fit_scale(width, height, max_side, max_pixels)
            target = (max(1, int(width * fit)), max(1, int(height * fit)))
            most_side, most_pixels = math.inf, 4 * max_pixels
        else:
            k = next((k for k in (1, 2, 4, 8)
                      if max(math.ceil(width / k), math.ceil(height / k)) <= max_side
                      and math.ceil(width / k) * math.ceil(height / k) <= max_pixels), 8)
            # PIL scales by 1/k only when each side holds k whole times what is asked
            target = (max(1, width // k), max(1, height // k))
            most_side, most_pixels = max_side, max_pixels
        try:
            img.draft("RGB", target)  # the coarsest scale whose picture is at least `target`
            if max(img.size) > most_side or img.size[0] * img.size[1] > most_pixels:
                return None
            rgb = ImageOps.exif_transpose(img.convert("RGB"))  # raises on truncated or corrupt data
        except Exception as exc:
            raise ImageError("corrupt", f"image data is damaged: {exc}") from None
    frame = np.ascontiguousarray(np.asarray(rgb)[:, :, ::-1])
    fit = fit_scale(frame.shape[1], frame.shape[0], max_side, max_pixels)
    if fit < 1.0:
        size = (int(frame.shape[1] * fit), int(frame.shape[0] * fit))
        frame = cv2.resize(frame, size, interpolation=cv2.INTER_AREA)
    return frame


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
        try:
            check_dimensions(*img.size)
        except ImageError as exc:
            if exc.code != "too_large":
                raise
            scaled = decode_jpeg_scaled(data, MAX_SIDE, MAX_PIXELS, whole_max_pixels=WHOLE_JPEG_MAX_PIXELS)
            if scaled is None:
                raise
            return scaled
        try:
            img.load()  # raises on truncated or corrupt data (LOAD_TRUNCATED_IMAGES stays off)
            rgb = ImageOps.exif_transpose(img.convert("RGB"))
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
