"""What one kiosk frame may cost: its pixels bounded before decoding, and a few decoded at once.

A camera sends at most 1920x1080 (the kiosk asks for 1280x720 and sends at most 1280 px wide), but a 47 KB
PNG of zeros can claim 4096x3900 and cost 220 MiB once decoded and scanned; eight at once cost
1.4 GiB. So the size is read from the header first: a frame over the bound is refused before a
pixel is decoded, except a JPEG (a photo picked with the upload button), which is decoded straight
at 1/2, 1/4 or 1/8 scale (JPEG can do that without the full-size pixels) and then fitted. And at
most `slots` frames are decoded and scanned at once per process: the rest get 503 and the kiosk's
camera loop simply sends its next frame.

Scaled decoding saves memory only for a JPEG decoded scan by scan in one pass. A progressive JPEG
(or one sending each colour in a scan of its own) keeps the whole picture's DCT coefficients until
its last scan, at any scale: a 568-byte progressive JPEG claiming 12000 x 12000 pixels took the
server to 1.2 GB and 8.5 s of CPU per frame (sec4 probe). Such a JPEG may have at most
`WHOLE_IMAGE_MAX_PIXELS` (a 16 MP phone photo: about 100 MB of coefficients).
"""
from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from collections.abc import Iterator

import numpy as np

from idscan.decode import ImageError, decode_jpeg_scaled

from .images import UploadError, _open, decode_frame

MAX_FRAME_PIXELS = 1920 * 1080
MAX_FRAME_SIDE = 1920
WHOLE_IMAGE_MAX_PIXELS = 8 * MAX_FRAME_PIXELS
BUSY_WAIT_SECONDS = 1.0
# A photo picked with the upload button waits longer for its kiosk's turn: the camera frame still
# scanned when it was picked (the camera loop's last) can take several seconds on a busy or small
# server, a capture's OCR more, and a photo refused as "busy, hold the card still" was lost for a
# visitor holding no card to the camera (h44f: a loaded 2-core machine). A camera frame keeps the
# short wait: the loop simply sends the next one.
UPLOAD_WAIT_SECONDS = 30.0


def within_bound(width: int, height: int) -> bool:
    return width * height <= MAX_FRAME_PIXELS and max(width, height) <= MAX_FRAME_SIDE


def decode_bounded_frame(data: bytes) -> np.ndarray:
    """A kiosk frame as BGR within the bound, or UploadError (413 when too many pixels)."""
    img = _open(data)  # header only
    if within_bound(*img.size):
        return decode_frame(data, img)
    try:
        # a photo from the upload button: decoded at reduced scale, then fitted into the bound
        frame = decode_jpeg_scaled(data, MAX_FRAME_SIDE, MAX_FRAME_PIXELS, whole_max_pixels=WHOLE_IMAGE_MAX_PIXELS,
                                   sharper=True)
    except ImageError:
        raise UploadError("image_damaged") from None
    if frame is None:
        raise UploadError("frame_too_many_pixels", 413)
    return frame


class FrameSlots:
    """At most `slots` frames decoded and scanned at once in this process, and at most `per_kiosk`
    of them from one kiosk: a kiosk (or anything holding its credential) sending frames side by
    side cannot take every slot while the other kiosks wait. The camera loop sends one frame at a
    time; an uploaded photo sent while its last frame is still scanned waits for it (within the
    same `wait`)."""

    def __init__(self, slots: int, per_kiosk: int | None = None) -> None:
        self.slots = max(1, slots)
        self.per_kiosk = max(1, per_kiosk if per_kiosk is not None else (self.slots + 1) // 2)
        self._semaphore = threading.BoundedSemaphore(self.slots)
        self._held: dict[object, int] = {}
        self._turns = threading.Condition()

    @contextmanager
    def hold(self, wait: float = BUSY_WAIT_SECONDS, kiosk: object | None = None) -> Iterator[bool]:
        """Yields True with a slot held, or False when none came free within `wait` seconds (for
        `kiosk`: when its share stayed taken, or no slot came free, within `wait`)."""
        deadline = time.monotonic() + wait
        if kiosk is not None:
            with self._turns:
                turn = self._turns.wait_for(lambda: self._held.get(kiosk, 0) < self.per_kiosk, timeout=wait)
                if turn:
                    self._held[kiosk] = self._held.get(kiosk, 0) + 1
            if not turn:  # answered outside the lock: the refusal is built while others take turns
                yield False
                return
        got = False
        try:
            got = self._semaphore.acquire(timeout=max(0.0, deadline - time.monotonic()))
            yield got
        finally:
            if got:
                self._semaphore.release()
            if kiosk is not None:
                with self._turns:
                    left = self._held.pop(kiosk) - 1
                    if left:
                        self._held[kiosk] = left
                    self._turns.notify_all()
