"""What a capture's recognisers already read, so that no line is read twice by the same model.

The reader's later steps cut some lines anew that an earlier step already read: the sharpest
crop's birth line read by the names model for the printed date (birth_line.read_birth) and again
for each crop's date (birth_line.date_of_row), its NIK line read digits-only by _digit_frames and
again by _digits_dispute, RapidOCR's scores of the NIK line asked again by the vetoes (read_chars).
The cuts come out pixel for pixel the same and both recognisers give the same reading of the same
pixels (one thread each, no state kept between calls: docs/idscan.md, Runs 18t and 21t), so the
reading made first is given again instead. Kept per capture (read_cards) and per thread: the
sheet Tesseract reads in its own thread while RapidOCR reads is read once anyway.
"""
from __future__ import annotations

import hashlib
import threading
from typing import Any, Callable

import numpy as np

_HERE = threading.local()


class capture_memo:
    """with capture_memo(): recogniser readings made in this thread meanwhile are kept and given
    again for the same model and the same pixels (nested: the outer capture's memo is used)."""

    def __enter__(self) -> None:
        self.outer = getattr(_HERE, "memo", None)
        if self.outer is None:
            _HERE.memo = {}

    def __exit__(self, *exc) -> None:
        _HERE.memo = self.outer


def image_key(images: list[np.ndarray], *how: Any) -> bytes:
    """A digest of the images' pixels (shape, type and bytes) and of how they are read (`how`)."""
    digest = hashlib.blake2b(repr(how).encode(), digest_size=20)
    for img in images:
        digest.update(repr((img.shape, img.dtype.str)).encode())
        digest.update(np.ascontiguousarray(img).data)
    return digest.digest()


def once(key: Callable[[], bytes], read: Callable[[], Any]) -> Any:
    """read(), or what it gave before for the same key within this capture (capture_memo)."""
    memo = getattr(_HERE, "memo", None)
    if memo is None:
        return read()
    k = key()
    if k not in memo:
        memo[k] = read()
    return memo[k]
