"""Guest-book PDF and XLSX with a thumbnail of each visitor's signature in its cell.

The PDF is `lpsedesk.exports.render_pdf` with the thumbnails as the spec's pictures. The XLSX comes
from `lpsedesk.exports.render_xlsx`; the thumbnails are then anchored in the "Signature" column.
"""
from __future__ import annotations

import io
import logging
from dataclasses import replace

from openpyxl import load_workbook
from openpyxl.drawing.image import Image as SheetImage
from PIL import Image, UnidentifiedImageError

from lpsedesk.exports import DocumentSpec, render_pdf, render_xlsx
from lpsedesk.reports.guestbook import GuestBookRow
from lpsedesk.storage import StorageError

from .documents import GUESTBOOK_SIGNATURE_COLUMN

log = logging.getLogger(__name__)
THUMB_PX = (150, 50)  # wide and low, like the signing box on the kiosk


def signature_thumbnail(storage, key: str | None, size: tuple[int, int] = THUMB_PX) -> bytes | None:
    """A small greyscale PNG of the stored signature, or None when it is gone (retention) or unreadable."""
    if not key:
        return None
    try:
        image = Image.open(io.BytesIO(storage.open(key)))
        image.thumbnail(size)
        out = io.BytesIO()
        image.convert("L").save(out, format="PNG")
        return out.getvalue()
    except (StorageError, UnidentifiedImageError, OSError):
        log.warning("signature %s could not be read for the guest book", key)
        return None


def _header_row(ws, spec: DocumentSpec) -> int:
    for row in ws.iter_rows(min_col=1, max_col=1):
        cell = row[0]
        if cell.value == spec.columns[0] and ws.cell(row=cell.row, column=len(spec.columns)).value == spec.columns[-1]:
            return cell.row
    raise ValueError("the guest-book table header was not found in the workbook")


def guestbook_xlsx(spec: DocumentSpec, rows: list[GuestBookRow], storage) -> bytes:
    wb = load_workbook(io.BytesIO(render_xlsx(spec)))
    ws = wb.active
    header = _header_row(ws, spec)
    column = GUESTBOOK_SIGNATURE_COLUMN + 1
    letter = ws.cell(row=header, column=column).column_letter
    ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width or 0, 22)
    for offset, row in enumerate(rows, start=1):
        png = signature_thumbnail(storage, row.signature_key)
        if png is None:
            continue
        picture = SheetImage(io.BytesIO(png))
        picture.width, picture.height = 120, 40  # pixels on the sheet
        cell = ws.cell(row=header + offset, column=column)
        cell.value = None  # the picture says it; the text "signed" would sit under it
        ws.add_image(picture, cell.coordinate)
        ws.row_dimensions[cell.row].height = max(ws.row_dimensions[cell.row].height or 0, 34)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def guestbook_pdf(spec: DocumentSpec, rows: list[GuestBookRow], storage) -> bytes:
    pictures = [signature_thumbnail(storage, r.signature_key) for r in rows]
    return render_pdf(replace(spec, pictures=pictures, picture_column=GUESTBOOK_SIGNATURE_COLUMN, compact=True,
                              centered=tuple(spec.centered) + (GUESTBOOK_SIGNATURE_COLUMN,)))
