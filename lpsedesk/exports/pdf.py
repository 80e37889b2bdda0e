"""A DocumentSpec as an A4 PDF: table with its header on every page, wrapped cells, page numbers.

Built page by page: the title, totals and signature are reportlab flowables; the table is drawn by
`pdf_table` straight on the canvas, its rows read (from a list or a generator) as the pages reach
them, so a long period never holds more than a page of rows, and a row costs its own measuring and
drawing only (not reportlab's Table machinery, issue 16).
"""
from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from PIL.Image import Image as PILImage
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .pdf_table import HEADER_BACKGROUND, PAD_Y, Look, RowSource, TableRows
from .spec import DocumentSpec

# Streams (pages, pictures) are written binary, not as ASCII85 text: reportlab's encoder is pure
# Python and cost more than drawing a guest book row with its signature (issue 16). Set for every
# PDF of the process; a PDF reader reads either.
rl_config.useA85 = 0

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
             Path("C:/Windows/Fonts"))
MARGIN = 14 * mm
PICTURE_W, PICTURE_H = 24 * mm, 8 * mm  # a signature: wide and low, like the kiosk's signing box
DEFAULT_PADDING, COMPACT_PADDING = 6, 2.5  # a cell's padding left and right (reportlab's); the compact one


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


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text or "").replace("\n", "<br/>"), style)


def _styles(compact: bool = False) -> dict[str, ParagraphStyle]:
    regular, bold = fonts()
    size = _cell_size(compact)
    return {
        "title": ParagraphStyle("title", fontName=bold, fontSize=13, leading=16, alignment=TA_CENTER,
                                spaceAfter=3 * mm),
        "meta": ParagraphStyle("meta", fontName=regular, fontSize=10, leading=13, alignment=TA_LEFT),
        "head": ParagraphStyle("head", fontName=bold, fontSize=size, leading=size + 2, alignment=TA_CENTER),
        "cell": ParagraphStyle("cell", fontName=regular, fontSize=size, leading=size + 2),
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


Pictures = Callable[[int, Sequence[str]], "bytes | PILImage | None"]


def _commands(spec: DocumentSpec, header: bool) -> list:
    """The Table style of the one-row "no data" table (the data table is drawn by pdf_table)."""
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_Y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_Y),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND), ("VALIGN", (0, 0), (-1, 0), "MIDDLE")]
    if spec.compact:  # many narrow columns: less padding, so "No." still fits on one line
        commands += [("LEFTPADDING", (0, 0), (-1, -1), COMPACT_PADDING), ("RIGHTPADDING", (0, 0), (-1, -1), COMPACT_PADDING)]
    return commands


def _cell_size(compact: bool) -> float:
    return 7.5 if compact else 8.5


def _table(spec: DocumentSpec, styles: dict[str, ParagraphStyle], width: float,
           pictures: Pictures | None) -> Flowable:
    """The table, its rows read from `spec.rows` as the pages reach them."""
    col_widths = [width * w for w in spec.relative_widths()]
    header = [_para(h, styles["head"]) for h in spec.columns]
    given = list(spec.pictures) if pictures is None else []

    def picture(n: int, row) -> bytes | None:
        if spec.picture_column is None:
            return None
        if pictures is not None:
            return pictures(n, row)
        return given[n] if n < len(given) else None

    size = _cell_size(spec.compact)
    look = Look(widths=col_widths, pad_x=COMPACT_PADDING if spec.compact else DEFAULT_PADDING, font=fonts()[0],
                size=size, leading=size + 2, centred=frozenset(spec.centered), picture_column=spec.picture_column,
                picture_size=(PICTURE_W, PICTURE_H), header=header)
    source = RowSource(look, iter(spec.rows), picture, len(spec.columns))
    if not source.empty():
        return TableRows(source)
    # no row at all: the header and one line saying so
    table = Table([header, [_para(spec.empty_text, styles["cell_c"])] + [""] * (len(spec.columns) - 1)],
                  colWidths=col_widths, repeatRows=1)
    table.setStyle(TableStyle(_commands(spec, True) + [("SPAN", (0, 1), (-1, 1))]))
    return table


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
    gives row n's picture (PNG bytes, a PIL image, or None) as it is laid out, instead of `spec.pictures`."""
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

    # The totals stay with the signature so a signature never stands alone without context.
    tail: list = [Spacer(1, 3 * mm)] + [_para(line, styles["meta"]) for line in spec.summary]
    story = head + [_table(spec, styles, doc.width, pictures), KeepTogether(tail + _signature(spec, styles, doc.width))]
    doc.build(story, canvasmaker=_canvas_class(spec.page_label, fonts()[0]))
    return buffer.getvalue()
