"""A DocumentSpec as an Excel workbook laid out like the paper form, ready to print.

Written in openpyxl's write-only mode: rows go to disk as they come (the spec's rows may be a
generator reading the database in chunks), so a year of guest book costs the memory of one row,
and the workbook is saved once. Write-only sheets have no merged cells: titles and the signature
block are centred across their columns ("centerContinuous") instead, which prints the same.
"""
from __future__ import annotations

import io
import os
from collections.abc import Callable
from copy import copy
from typing import IO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.drawing.image import Image as SheetImage
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from .cells import set_xlsx_text
from .spec import DocumentSpec

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
ACROSS = Alignment(horizontal="centerContinuous")
# Total characters across a landscape A4 page at Calibri 11: width hints are spread over this.
LANDSCAPE_CHARS, PORTRAIT_CHARS = 150, 100
PICTURE_PX = (120, 40)  # a picture's size on the sheet (the guest book's signature thumbnails)
PICTURE_ROW_POINTS = 34

# A picture for a data row: (0-based row number, the row's cells) -> PNG bytes, or None for none.
Pictures = Callable[[int, list[str]], bytes | None]


def _cell(ws, text: str):
    # Every cell is text from a spec, much of it typed by visitors: never a formula (cells.py).
    return set_xlsx_text(WriteOnlyCell(ws), text)


def _style_of(ws, **styles):
    """The style of a cell with `styles` set, to give to every data cell alike: setting a border or an
    alignment cell by cell hashes the style object each time (half the export's time at 20k rows),
    copying the resolved style indexes costs nothing."""
    cell = WriteOnlyCell(ws)
    for name, value in styles.items():
        setattr(cell, name, value)
    return cell._style


def _styled_cell(ws, text: str, style):
    cell = WriteOnlyCell(ws)
    cell._style = copy(style)
    # The text goes in after the style: a formula-like text adds its quote prefix to this copy.
    return set_xlsx_text(cell, text)


def _across(ws, text: str, ncols: int, *, bold: bool = False, size: int = 11, first: int = 1) -> list:
    """A line centred across columns `first`..`ncols` (the write-only stand-in for a merge)."""
    head = _cell(ws, text)
    head.font, head.alignment = Font(bold=bold, size=size), ACROSS
    rest = []
    for _ in range(first + 1, ncols + 1):
        blank = WriteOnlyCell(ws)
        blank.alignment = ACROSS
        rest.append(blank)
    return [None] * (first - 1) + [head] + rest


def _line(ws, text: str, *, bold: bool = False, size: int = 11) -> list:
    cell = _cell(ws, text)
    cell.font = Font(bold=bold, size=size)
    return [cell]


def write_xlsx(spec: DocumentSpec, out: IO[bytes], pictures: Pictures | None = None) -> int:
    """Write the workbook to `out`; returns the number of data rows. `pictures` fills the
    column `spec.picture_column` with an image per row where it returns PNG bytes."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Formulir"[:31] if not spec.file_stem else spec.file_stem[:31])
    try:
        return _write_sheet(wb, ws, spec, out, pictures)
    except BaseException:
        _discard_rows(ws)
        raise


def _discard_rows(ws) -> None:
    """Remove the temporary file a write-only sheet keeps its rows in. openpyxl deletes it only when
    the workbook is saved or the process exits, so an export that fails half way (a database error,
    an unreadable signature) would leave visitors' names and NIKs in the temp folder for as long as
    the server runs."""
    writer = ws._writer
    if writer is None:
        return
    try:
        if ws._rows is not None:
            ws._rows.close()  # ends the sheet's row generator while its file is still open
        writer.close()
    except (OSError, ValueError, StopIteration):
        pass  # a half-written file: it is removed below all the same
    if isinstance(writer.out, str) and os.path.exists(writer.out):
        writer.cleanup()


def _write_sheet(wb: Workbook, ws, spec: DocumentSpec, out: IO[bytes], pictures: Pictures | None) -> int:
    ncols = len(spec.columns)
    chars = LANDSCAPE_CHARS if spec.orientation == "landscape" else PORTRAIT_CHARS
    for col, share in enumerate(spec.relative_widths(), start=1):
        ws.column_dimensions[get_column_letter(col)].width = max(5.0, round(chars * share, 1))
    if pictures is not None and spec.picture_column is not None:
        letter = get_column_letter(spec.picture_column + 1)
        ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width or 0, 22)

    # Sheet properties are written with the first row: fit to the page width before any row.
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    # The sheet's view is written with its first row: freeze below the header before any row.
    header_row = 1 + sum(1 for text in (spec.subtitle, spec.lpse_line) if text) + 2
    ws.freeze_panes = f"A{header_row + 1}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    row = 0

    def append(cells) -> None:
        nonlocal row
        ws.append(cells)
        row += 1

    append(_across(ws, spec.title, ncols, bold=True, size=14))
    for text in (spec.subtitle, spec.lpse_line):
        if text:
            append(_line(ws, text))
    append([])
    fill = PatternFill("solid", fgColor="E6E6E6")
    header = []
    for title in spec.columns:
        cell = _cell(ws, title)
        cell.font, cell.border, cell.fill = Font(bold=True), BOX, fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        header.append(cell)
    append(header)

    centred = set(spec.centered)
    top = _style_of(ws, border=BOX, alignment=Alignment(wrap_text=True, vertical="top"))
    middle = _style_of(ws, border=BOX, alignment=Alignment(wrap_text=True, vertical="top", horizontal="center"))
    styles = [middle if col in centred else top for col in range(ncols)]
    count = 0
    for data in spec.rows:
        data = list(data)
        if len(data) != ncols:
            raise ValueError("every row needs one cell per column")
        picture = pictures(count, data) if pictures is not None and spec.picture_column is not None else None
        cells = []
        for col, text in enumerate(data):
            cells.append(_styled_cell(ws, "" if picture is not None and col == spec.picture_column else text,
                                      styles[col]))
        if picture is not None:
            image = SheetImage(io.BytesIO(picture))
            image.width, image.height = PICTURE_PX
            ws.add_image(image, f"{get_column_letter(spec.picture_column + 1)}{row + 1}")
            ws.row_dimensions[row + 1].height = PICTURE_ROW_POINTS
        append(cells)
        count += 1
    if count == 0:
        cells = _across(ws, spec.empty_text, ncols)
        for cell in cells:
            cell.border = BOX
        append(cells)
    append([])
    for text in spec.summary:
        append(_line(ws, text))
    append([])
    _signature(ws, spec, ncols, append)

    ws.page_setup.orientation = spec.orientation
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as needed
    ws.oddFooter.right.text = "Halaman &P dari &N"
    wb.properties.title = spec.title
    wb.properties.creator = "LPSE desk"
    wb.save(out)
    return count


def render_xlsx(spec: DocumentSpec, pictures: Pictures | None = None) -> bytes:
    out = io.BytesIO()
    write_xlsx(spec, out, pictures)
    return out.getvalue()


def _signature(ws, spec: DocumentSpec, ncols: int, append) -> None:
    """Place-and-date and the signatory in the right-hand columns, as on the paper form."""
    col = max(1, ncols - 2)
    lines: list[tuple[str, bool]] = []
    if spec.place_date_line:
        lines.append((spec.place_date_line, False))
    if spec.signatory is not None:
        names = spec.signatory.lines()
        lines += [(spec.signatory.title, False), ("", False), ("", False), ("", False), (names[0], True)]
        lines += [(x, False) for x in names[1:]]
    for text, bold in lines:
        cells = _across(ws, text, ncols, first=col)
        cells[col - 1].font = Font(bold=bold, underline="single" if bold else None)
        append(cells)
