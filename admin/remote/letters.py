"""Checking a scanned request letter by its content (never by its name), re-encoding images."""
from __future__ import annotations

import io
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError

from lpsedesk.pdf_check import PdfProblem, check_pdf

MAX_LETTER_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # far above an A4 page at 300 dpi (8.7 MP); refuses decompression bombs
MAX_SIDE = 3600  # longest side kept: still legible at 300 dpi on A4
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP"}


class LetterError(ValueError):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code  # "too_large" | "empty" | "bad_type" | "active_pdf" | "unpacks_too_large" | "unchecked_pdf"


def clean_letter(data: bytes) -> tuple[bytes, str]:
    """(bytes to store, content type): a PDF as sent, an image decoded and re-encoded without metadata."""
    if not data:
        raise LetterError("empty")
    if len(data) > MAX_LETTER_BYTES:
        raise LetterError("too_large")
    if data.startswith(b"%PDF-"):
        try:
            check_pdf(data)  # HTML dressed as a PDF, or JavaScript and actions inside one: refused
        except PdfProblem as exc:
            raise LetterError({"not_pdf": "bad_type", "too_much": "unpacks_too_large",
                                "unchecked": "unchecked_pdf"}.get(exc.code, "active_pdf")) from None
        return data, "application/pdf"
    return _reencode(data)


def _reencode(data: bytes) -> tuple[bytes, str]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format not in IMAGE_FORMATS or probe.width * probe.height > MAX_PIXELS:
                    raise LetterError("bad_type")
                probe.verify()  # structure check before decoding the pixels
            with Image.open(io.BytesIO(data)) as img:
                img.load()
                fmt = img.format
                img = ImageOps.exif_transpose(img)  # keep the page upright once EXIF is dropped
    except LetterError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError,
            Image.DecompressionBombWarning):
        raise LetterError("bad_type") from None
    img.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    if fmt == "PNG":
        img.save(out, format="PNG", optimize=True)
        return out.getvalue(), "image/png"
    img.convert("RGB").save(out, format="JPEG", quality=85)
    return out.getvalue(), "image/jpeg"
