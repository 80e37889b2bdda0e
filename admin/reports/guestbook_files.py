"""Guest-book PDF and XLSX with a thumbnail of each visitor's signature in its cell.

The PDF is `lpsedesk.exports.render_pdf`, built page by page from the streamed rows, each thumbnail
read as its row is laid out. The XLSX is
written once by `lpsedesk.exports.write_xlsx`, streaming the rows, each thumbnail anchored in the
"Signature" column as its row is written.
"""
from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterable, Iterator
from typing import IO
from dataclasses import replace

from PIL import Image, UnidentifiedImageError

from lpsedesk.exports import DocumentSpec, render_pdf, write_xlsx
from lpsedesk.reports.guestbook import GuestBookRow
from lpsedesk.signatures import make_small
from lpsedesk.storage import StorageError

from .documents import GUESTBOOK_SIGNATURE_COLUMN

log = logging.getLogger(__name__)


def signature_image(storage, key: str | None, small_key: str | None = None) -> bytes | Image.Image | None:
    """The signature small and greyscale, or None when it is gone (retention) or unreadable.

    The small copy stored when the visit was submitted, as its PNG file, when there is one: a busy
    month's PDF embeds thousands and takes such a file as it is (lpsedesk/exports/pdf_png.py);
    storage is authenticated encryption, so a file that opens is the one the kiosk wrote. Else the
    signature as drawn, decoded and made small the same way (visits signed before small copies).
    """
    if small_key:
        try:
            return storage.open(small_key)
        except StorageError:
            log.warning("signature %s could not be read for the guest book", small_key)
    if not key:
        return None
    try:
        return make_small(Image.open(io.BytesIO(storage.open(key))))
    except (StorageError, UnidentifiedImageError, OSError):
        log.warning("signature %s could not be read for the guest book", key)
        return None


def signature_thumbnail(storage, key: str | None, small_key: str | None = None) -> bytes | None:
    """`signature_image` as PNG bytes (the workbook embeds a file)."""
    image = signature_image(storage, key, small_key)
    if image is None or isinstance(image, bytes):
        return image
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _signatures_as_read(rows: Iterable[GuestBookRow], storage, read: Callable) -> tuple[Iterator[GuestBookRow], Callable]:
    """The rows passed through, and the writer's `pictures` callback: the signature (by `read`) of
    the row last taken from them, which is the row whose cells the writer is at."""
    current: dict[str, str | None] = {}

    def tracked() -> Iterator[GuestBookRow]:
        for row in rows:
            current["key"], current["small"] = row.signature_key, row.signature_small_key
            yield row

    return tracked(), lambda _n, _cells: read(storage, current.get("key"), current.get("small"))


def guestbook_xlsx(rows: Iterable[GuestBookRow], spec_for: Callable[[Iterable[GuestBookRow]], DocumentSpec],
                   storage, out: IO[bytes]) -> int:
    """Write the guest book workbook to `out` in one pass, a thumbnail in each signed row's cell.

    The rows stream from the database; `spec_for` turns them into the document's cells, so the
    row whose cells the writer is at is the last one taken from `rows`: its signature is the one
    drawn. Returns the number of rows written.
    """
    tracked, pictures = _signatures_as_read(rows, storage, signature_thumbnail)
    spec = replace(spec_for(tracked), picture_column=GUESTBOOK_SIGNATURE_COLUMN)
    return write_xlsx(spec, out, pictures=pictures)


def guestbook_pdf(rows: Iterable[GuestBookRow], spec_for: Callable[[Iterable[GuestBookRow]], DocumentSpec],
                  storage) -> bytes:
    """The guest book PDF, built page by page as the rows stream from the database; each row's
    signature thumbnail is read as its row is laid out (as for the XLSX)."""
    tracked, pictures = _signatures_as_read(rows, storage, signature_image)
    spec = spec_for(tracked)
    return render_pdf(replace(spec, picture_column=GUESTBOOK_SIGNATURE_COLUMN, compact=True,
                              centered=tuple(spec.centered) + (GUESTBOOK_SIGNATURE_COLUMN,)),
                      pictures=pictures)
