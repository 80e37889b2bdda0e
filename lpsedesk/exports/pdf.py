"""A DocumentSpec as an A4 PDF: table with its header on every page, wrapped cells, page numbers.

Built page by page: the rows are read (from a list or a generator) and laid out a chunk at a time
as reportlab reaches them, so a long period never holds every row's flowables at once, and no
single table is split over hundreds of pages (which costs reportlab time quadratic in its rows).
"""
from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Flowable, Image, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .spec import DocumentSpec

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
             Path("C:/Windows/Fonts"))
MARGIN = 14 * mm
PICTURE_W, PICTURE_H = 24 * mm, 8 * mm
DEFAULT_PADDING, COMPACT_PADDING = 6, 2.5  # reportlab's cell padding left and right; the compact one  # a signature: wide and low, like the kiosk's signing box


@lru_cache(maxsize=1)
def fonts() -> tuple[str, str]:
    """(regular, bold) font names: DejaVuSans when installed (covers Ñ, Ś, ơ...), else Helvetica."""
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            try:
                pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
                pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
            except Exception:  # a damaged font file: fall back rather than fail the export
                continue
            return "DejaVuSans", "DejaVuSans-Bold"
    return "Helvetica", "Helvetica-Bold"


class _CellParagraph(Paragraph):
    """A paragraph that breaks its lines once per width. reportlab lays a table cell out again on
    every wrap and split of its table (a row's cells were broken into lines about seven times before
    the row was drawn: most of a long guest book's time); Paragraph.wrap breaks by the width alone
    (the height offered changes nothing: a cell is never split)."""

    _wrapped_width: float | None = None

    def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab's names)
        if availWidth != self._wrapped_width:
            super().wrap(availWidth, availHeight)
            self._wrapped_width = availWidth
        return self.width, self.height


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text or "").replace("\n", "<br/>"), style)


def _cell_para(text: str, style: ParagraphStyle) -> Paragraph:
    return _CellParagraph(escape(text or "").replace("\n", "<br/>"), style)


def _styles(compact: bool = False) -> dict[str, ParagraphStyle]:
    regular, bold = fonts()
    size = _cell_size(compact)
    return {
        "title": ParagraphStyle("title", fontName=bold, fontSize=13, leading=16, alignment=TA_CENTER,
                                spaceAfter=3 * mm),
        "meta": ParagraphStyle("meta", fontName=regular, fontSize=10, leading=13, alignment=TA_LEFT),
        "head": ParagraphStyle("head", fontName=bold, fontSize=size, leading=size + 2, alignment=TA_CENTER),
        "cell": ParagraphStyle("cell", fontName=regular, fontSize=size, leading=size + 2),  # also _commands' FONT
        "cell_c": ParagraphStyle("cell_c", fontName=regular, fontSize=size, leading=size + 2, alignment=TA_CENTER),
        "sign": ParagraphStyle("sign", fontName=regular, fontSize=10, leading=13, alignment=TA_CENTER),
        "sign_name": ParagraphStyle("sign_name", fontName=bold, fontSize=10, leading=13, alignment=TA_CENTER),
    }


def _canvas_class(label: str, font: str):
    """A canvas that holds pages back until the end so each can say "Halaman X dari Y"."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                width, _height = self._pagesize
                self.setFont(font, 8)
                self.drawRightString(width - MARGIN, 8 * mm, label.format(page=number, total=total))
                super().showPage()
            super().save()

    return NumberedCanvas


def _picture(png: bytes) -> Image:
    image = Image(io.BytesIO(png))
    scale = min(PICTURE_W / image.imageWidth, PICTURE_H / image.imageHeight)
    image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
    return image


CHUNK_ROWS = 40  # rows laid out at a time: a page or so, never the whole period
Pictures = Callable[[int, Sequence[str]], "bytes | None"]


def _commands(spec: DocumentSpec, header: bool) -> list:
    regular, size = fonts()[0], _cell_size(spec.compact)
    commands = [
        # The cells given as plain text (one line that fits, see _cell) are set as the cell style says.
        ("FONT", (0, 1 if header else 0), (-1, -1), regular, size, size + 2),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")), ("VALIGN", (0, 0), (-1, 0), "MIDDLE")]
    if spec.picture_column is not None:
        commands.append(("ALIGN", (spec.picture_column, 1 if header else 0), (spec.picture_column, -1), "CENTER"))
    for col in spec.centered:
        commands.append(("ALIGN", (col, 1 if header else 0), (col, -1), "CENTER"))
    if spec.compact:  # many narrow columns: less padding, so "No." still fits on one line
        commands += [("LEFTPADDING", (0, 0), (-1, -1), COMPACT_PADDING), ("RIGHTPADDING", (0, 0), (-1, -1), COMPACT_PADDING)]
    return commands


def _cell_size(compact: bool) -> float:
    return 7.5 if compact else 8.5


def _cell(text: str, style: ParagraphStyle, room: float):
    """A data cell: the text itself when it is one line that fits `room` points (a date, a time, a
    NIK, most names), else a paragraph that wraps. A plain string costs the table one width
    measurement; a paragraph is parsed as markup, broken into lines and drawn fragment by fragment,
    which was most of a long guest book's time."""
    text = text or ""
    if "\n" not in text and pdfmetrics.stringWidth(text, style.fontName, style.fontSize) <= room:
        return text
    return _cell_para(text, style)


class _RowsChunk(Flowable):
    """A few rows of the table, laid out only when reached. The header row comes first when the
    chunk opens the table or starts a page (where reportlab's repeatRows would have put it); a
    chunk cut by the page end carries its remaining rows, with the header, to the next page."""

    def __init__(self, doc, spec: DocumentSpec, header_cells: list, rows: list[list], widths: list[float],
                 first: bool = False) -> None:
        super().__init__()
        self.doc, self.spec, self.header_cells, self.rows, self.widths, self.first = \
            doc, spec, header_cells, rows, widths, first
        self._table: Table | None = None
        self._header = first
        self._built: dict[bool, Table] = {}

    def _build(self) -> Table:
        # reportlab wraps a flowable again and again (to place it, to split it at the page end):
        # the table with or without its header is made once, its style applied to every cell once.
        self._header = self.first or bool(getattr(self.doc.frame, "_atTop", 0))
        if self._header not in self._built:
            data = ([self.header_cells] if self._header else []) + self.rows
            table = Table(data, colWidths=self.widths, repeatRows=1 if self._header else 0)
            table.setStyle(TableStyle(_commands(self.spec, self._header)))
            self._built[self._header] = table
        return self._built[self._header]

    def wrap(self, available_width, available_height):
        self._table = self._build()
        self.width, self.height = self._table.wrap(available_width, available_height)
        return self.width, self.height

    def split(self, available_width, available_height):
        table = self._build()
        parts = table.split(available_width, available_height)
        if not parts:
            return []
        fitted = len(parts[0]._cellvalues) - (1 if self._header else 0)
        if fitted <= 0:
            return []
        rest = self.rows[fitted:]
        return [parts[0]] + ([_RowsChunk(self.doc, self.spec, self.header_cells, rest, self.widths)] if rest else [])

    def draw(self) -> None:
        self._table.drawOn(self.canv, 0, 0)


def _table(doc, spec: DocumentSpec, styles: dict[str, ParagraphStyle], width: float,
           pictures: Pictures | None) -> Iterator:
    """The table as chunks of rows, made as the rows are read from `spec.rows`."""
    col_widths = [width * w for w in spec.relative_widths()]
    header = [_para(h, styles["head"]) for h in spec.columns]
    centred = set(spec.centered)
    padding = 2 * (COMPACT_PADDING if spec.compact else DEFAULT_PADDING)
    room = [w - padding for w in col_widths]
    cell_styles = [styles["cell_c"] if i in centred else styles["cell"] for i in range(len(spec.columns))]
    given = list(spec.pictures) if pictures is None else []

    def picture(n: int, row) -> bytes | None:
        if spec.picture_column is None:
            return None
        if pictures is not None:
            return pictures(n, row)
        return given[n] if n < len(given) else None

    chunk: list[list] = []
    first = True
    for n, row in enumerate(spec.rows):
        if len(row) != len(spec.columns):
            raise ValueError("every row needs one cell per column")
        png = picture(n, row)
        chunk.append([_picture(png) if png and i == spec.picture_column
                      else _cell(c, cell_styles[i], room[i]) for i, c in enumerate(row)])
        if len(chunk) == CHUNK_ROWS:
            yield _RowsChunk(doc, spec, header, chunk, col_widths, first)
            chunk, first = [], False
    if chunk:
        yield _RowsChunk(doc, spec, header, chunk, col_widths, first)
    elif first:  # no row at all: the header and one line saying so
        table = Table([header, [_para(spec.empty_text, styles["cell_c"])] + [""] * (len(spec.columns) - 1)],
                      colWidths=col_widths, repeatRows=1)
        table.setStyle(TableStyle(_commands(spec, True) + [("SPAN", (0, 1), (-1, 1))]))
        yield table


class _Story(list):
    """The story reportlab consumes from the front, topped up from an iterator a few flowables at a
    time, so the period's rows are never all laid out (or all in memory) at once."""

    def __init__(self, head: list, more: Iterator) -> None:
        super().__init__(head)
        self._more: Iterator | None = more

    def _fill(self) -> None:
        while self._more is not None and list.__len__(self) < 4:
            try:
                self.append(next(self._more))
            except StopIteration:
                self._more = None

    def __len__(self) -> int:
        self._fill()
        return list.__len__(self)

    def __getitem__(self, index):
        self._fill()
        return list.__getitem__(self, index)


def _signature(spec: DocumentSpec, styles: dict[str, ParagraphStyle], width: float) -> list:
    if spec.signatory is None and not spec.place_date_line:
        return []
    block = [_para(spec.place_date_line, styles["sign"])]
    if spec.signatory is not None:
        lines = spec.signatory.lines()
        block += [_para(spec.signatory.title, styles["sign"]), Spacer(1, 18 * mm),
                  Paragraph(f"<u>{escape(lines[0])}</u>", styles["sign_name"])] + [_para(x, styles["sign"]) for x in lines[1:]]
    right = width * 0.4
    outer = Table([["", block]], colWidths=[width - right, right])
    outer.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [Spacer(1, 6 * mm), outer]


def render_pdf(spec: DocumentSpec, pictures: Pictures | None = None) -> bytes:
    """The document as PDF bytes. `spec.rows` may be a generator read once; `pictures(n, cells)`
    gives row n's picture (PNG bytes or None) as it is laid out, instead of `spec.pictures`."""
    pagesize = landscape(A4) if spec.orientation == "landscape" else portrait(A4)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=MARGIN + 4 * mm, title=spec.title,
                            author="LPSE desk", subject=spec.subtitle)
    styles = _styles(spec.compact)
    head: list = [_para(spec.title, styles["title"])]
    for line in (spec.subtitle, spec.lpse_line):
        if line:
            head.append(_para(line, styles["meta"]))
    head.append(Spacer(1, 4 * mm))

    def rest() -> Iterator:
        yield from _table(doc, spec, styles, doc.width, pictures)
        # The totals stay with the signature so a signature never stands alone without context.
        tail: list = [Spacer(1, 3 * mm)] + [_para(line, styles["meta"]) for line in spec.summary]
        yield KeepTogether(tail + _signature(spec, styles, doc.width))

    doc.build(_Story(head, rest()), canvasmaker=_canvas_class(spec.page_label, fonts()[0]))
    return buffer.getvalue()
