"""Untrusted pictures from the kiosk (camera frames, uploads, signatures): accept only JPEG, PNG and
WebP, refuse decompression bombs before decoding, and re-encode what is kept, so no byte the browser
sent is ever stored as-is (no metadata, no polyglot files)."""
from __future__ import annotations

import base64
import binascii
import io
import warnings

import cv2
import numpy as np
from PIL import Image

from idscan import ImageError, decode_image_bytes
from lpsedesk.signatures import small_png
from idscan.decode import check_dimensions

ACCEPTED = {"JPEG", "PNG", "WEBP"}
# The kiosk's signing box is a canvas of 900 x 360 pixels (templates/kiosk/_rules.html), whatever
# size the screen shows it at; nothing larger is a signature drawn there. A 2000 x 2000 picture of
# dots, which the bound of 2000 a side let in, cost a core for a minute to store (h46f).
SIGNATURE_BOX = (900, 360)
# zlib's default effort: its greatest (PIL's optimize) made a drawn signature 15 % smaller for ten
# times the work, and a picture of dots in the box 0.4 s of a core instead of 0.03 s (h46f).
SIGNATURE_PNG_LEVEL = 6


class UploadError(ValueError):
    """`.code` is an api_message code; `.status` the HTTP status to answer with."""

    def __init__(self, code: str, status: int = 400) -> None:
        super().__init__(code)
        self.code = code
        self.status = status


def _open(data: bytes) -> Image.Image:
    if not data:
        raise UploadError("image_missing")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            img = Image.open(io.BytesIO(data))  # header only: no pixel decoded yet
        except Image.DecompressionBombError:
            raise UploadError("image_too_large", 413) from None
        except Exception:
            raise UploadError("not_image", 415) from None
    if img.format not in ACCEPTED:
        raise UploadError("not_image", 415)
    return img


def decode_frame(data: bytes, header: Image.Image | None = None) -> np.ndarray:
    """A camera frame or uploaded photo as a BGR array, or UploadError.

    PIL reads the header (format, size: a bomb is refused before any pixel); OpenCV decodes the
    pixels, about three times faster than PIL for a camera JPEG, straight into BGR. A picture
    OpenCV will not take, or a JPEG cut short (which OpenCV would fill with grey), goes through
    PIL's strict decoder, which says what is wrong with it.
    """
    img = header or _open(data)
    try:
        check_dimensions(*img.size)
    except ImageError as exc:
        raise _upload_error(exc) from None
    if not (img.format == "JPEG" and not _jpeg_complete(data)):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            frame = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR | cv2.IMREAD_IGNORE_ORIENTATION)
        if frame is not None and frame.ndim == 3 and frame.shape[1::-1] == img.size:
            return frame
    try:
        return decode_image_bytes(data)
    except ImageError as exc:
        raise _upload_error(exc) from None


def _jpeg_complete(data: bytes) -> bool:
    """A JPEG ends with its EOI marker (some cameras pad a few bytes after it)."""
    return b"\xff\xd9" in data[-64:]


def _upload_error(exc: ImageError) -> UploadError:
    if exc.code == "too_large":
        return UploadError("image_too_large", 413)
    if exc.code == "empty":
        return UploadError("image_missing")
    if exc.code == "not_image":
        return UploadError("not_image", 415)
    if exc.code == "too_small":  # a whole 1x1 picture is no damaged one: say what to send instead (sec16)
        return UploadError("image_too_small")
    return UploadError("image_damaged")


def encode_jpeg(image: np.ndarray, quality: int = 90) -> bytes:
    ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise UploadError("image_damaged")
    return buf.tobytes()


def data_url_bytes(value: str) -> bytes:
    """The bytes of a `data:image/...;base64,` URL (what canvas.toDataURL gives)."""
    if not isinstance(value, str) or not value.startswith("data:image/") or ";base64," not in value:
        raise UploadError("signature_required")
    try:
        return base64.b64decode(value.split(",", 1)[1], validate=True)
    except (binascii.Error, ValueError):
        raise UploadError("image_damaged") from None


def signature_png(data: bytes) -> bytes:
    """A drawn signature re-encoded as a small greyscale PNG; a blank canvas counts as no signature."""
    return signature_pngs(data)[0]


def signature_pngs(data: bytes) -> tuple[bytes, bytes]:
    """`signature_png` and, made from the same pixels, the small copy the guest book's PDF and
    workbook show (lpsedesk/signatures.py)."""
    try:
        img = _open(data)
    except UploadError as exc:  # a bomb's header: said of the signing box, not of a photo's pixels
        raise UploadError("signature_too_large", 413) if exc.status == 413 else exc from None
    check = img.size
    try:
        check_dimensions(*check)
    except ImageError as exc:
        raise UploadError("signature_too_large" if exc.code == "too_large" else "image_damaged",
                          413 if exc.code == "too_large" else 400) from None
    if check[0] > SIGNATURE_BOX[0] or check[1] > SIGNATURE_BOX[1]:
        raise UploadError("signature_too_large", 413)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            img.load()
            rgba = img.convert("RGBA")
        except Exception:
            raise UploadError("image_damaged") from None
    # Transparent canvas pixels are paper, not ink.
    paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    grey = Image.alpha_composite(paper, rgba).convert("L")
    ink = np.count_nonzero(np.asarray(grey) < 128)
    if ink < 30:
        raise UploadError("signature_required")
    out = io.BytesIO()
    grey.save(out, format="PNG", compress_level=SIGNATURE_PNG_LEVEL)
    return out.getvalue(), small_png(grey)
