"""A DocumentSpec as an Excel workbook laid out like the paper form, ready to print."""
from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .cells import set_xlsx_text
from .spec import DocumentSpec

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
# Total characters across a landscape A4 page at Calibri 11: width hints are spread over this.
LANDSCAPE_CHARS, PORTRAIT_CHARS = 150, 100


def _text(ws: Worksheet, row: int, column: int, text: str):
    # Every cell is text from a spec, much of it typed by visitors: never a formula (cells.py).
    return set_xlsx_text(ws.cell(row=row, column=column), text)


def _line(ws: Worksheet, row: int, text: str, ncols: int, *, bold: bool = False, size: int = 11,
          centre: bool = False) -> None:
    _text(ws, row, 1, text).font = Font(bold=bold, size=size)
    ws.cell(row=row, column=1).alignment = Alignment(horizontal="center" if centre else "left")
    if centre and ncols > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)


def render_xlsx(spec: DocumentSpec) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Formulir"[:31] if not spec.file_stem else spec.file_stem[:31]
    ncols = len(spec.columns)
    row = 1
    _line(ws, row, spec.title, ncols, bold=True, size=14, centre=True)
    row += 1
    for text in (spec.subtitle, spec.lpse_line):
        if text:
            _line(ws, row, text, ncols)
            row += 1
    row += 1
    header_row = row
    fill = PatternFill("solid", fgColor="E6E6E6")
    for col, title in enumerate(spec.columns, start=1):
        cell = _text(ws, row, col, title)
        cell.font, cell.border, cell.fill = Font(bold=True), BOX, fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    centred = set(spec.centered)
    for data in spec.rows:
        row += 1
        for col, text in enumerate(data, start=1):
            cell = _text(ws, row, col, text)
            cell.border = BOX
            cell.alignment = Alignment(wrap_text=True, vertical="top",
                                       horizontal="center" if col - 1 in centred else None)
    if not spec.rows:
        row += 1
        _text(ws, row, 1, spec.empty_text).alignment = Alignment(horizontal="center")
        for col in range(1, ncols + 1):
            ws.cell(row=row, column=col).border = BOX
        if ncols > 1:
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
    row += 1
    for text in spec.summary:
        row += 1
        _line(ws, row, text, ncols)
    _signature(ws, spec, row + 2, ncols)

    chars = LANDSCAPE_CHARS if spec.orientation == "landscape" else PORTRAIT_CHARS
    for col, share in enumerate(spec.relative_widths(), start=1):
        ws.column_dimensions[get_column_letter(col)].width = max(5.0, round(chars * share, 1))
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = spec.orientation
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as needed
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.right.text = "Halaman &P dari &N"
    wb.properties.title = spec.title
    wb.properties.creator = "LPSE desk"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _signature(ws: Worksheet, spec: DocumentSpec, row: int, ncols: int) -> None:
    """Place-and-date and the signatory in the right-hand columns, as on the paper form."""
    col = max(1, ncols - 2)
    lines: list[tuple[str, bool]] = []
    if spec.place_date_line:
        lines.append((spec.place_date_line, False))
    if spec.signatory is not None:
        names = spec.signatory.lines()
        lines += [(spec.signatory.title, False), ("", False), ("", False), ("", False), (names[0], True)]
        lines += [(x, False) for x in names[1:]]
    for offset, (text, bold) in enumerate(lines):
        cell = _text(ws, row + offset, col, text)
        cell.font = Font(bold=bold, underline="single" if bold else None)
        cell.alignment = Alignment(horizontal="center")
        if ncols - col >= 1:
            ws.merge_cells(start_row=row + offset, start_column=col, end_row=row + offset, end_column=ncols)
