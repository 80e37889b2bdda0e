"""A DocumentSpec as an A4 PDF: table with its header on every page, wrapped cells, page numbers."""
from __future__ import annotations

import io
from dataclasses import replace
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
from reportlab.platypus import Image, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .spec import DocumentSpec

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
             Path("C:/Windows/Fonts"))
MARGIN = 14 * mm
PICTURE_W, PICTURE_H = 24 * mm, 8 * mm  # a signature: wide and low, like the kiosk's signing box


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
    size = 7.5 if compact else 8.5
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


def _picture(png: bytes) -> Image:
    image = Image(io.BytesIO(png))
    scale = min(PICTURE_W / image.imageWidth, PICTURE_H / image.imageHeight)
    image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
    return image


def _table(spec: DocumentSpec, styles: dict[str, ParagraphStyle], width: float) -> Table:
    col_widths = [width * w for w in spec.relative_widths()]
    data: list[list] = [[_para(h, styles["head"]) for h in spec.columns]]
    centred = set(spec.centered)
    pictures = list(spec.pictures) + [None] * (len(spec.rows) - len(spec.pictures))
    for row, png in zip(spec.rows, pictures):
        data.append([_picture(png) if png and i == spec.picture_column
                     else _para(c, styles["cell_c"] if i in centred else styles["cell"]) for i, c in enumerate(row)])
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if spec.picture_column is not None:
        commands.append(("ALIGN", (spec.picture_column, 1), (spec.picture_column, -1), "CENTER"))
    if spec.compact:  # many narrow columns: less padding, so "No." still fits on one line
        commands += [("LEFTPADDING", (0, 0), (-1, -1), 2.5), ("RIGHTPADDING", (0, 0), (-1, -1), 2.5)]
    if not spec.rows:
        data.append([_para(spec.empty_text, styles["cell_c"])] + [""] * (len(spec.columns) - 1))
        commands.append(("SPAN", (0, 1), (-1, 1)))
    table = Table(data, colWidths=col_widths, repeatRows=1)
    table.setStyle(TableStyle(commands))
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


def render_pdf(spec: DocumentSpec) -> bytes:
    if not isinstance(spec.rows, (list, tuple)):  # the PDF is laid out whole (page count in the footer)
        spec = replace(spec, rows=list(spec.rows))
    pagesize = landscape(A4) if spec.orientation == "landscape" else portrait(A4)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=MARGIN + 4 * mm, title=spec.title,
                            author="LPSE desk", subject=spec.subtitle)
    styles = _styles(spec.compact)
    story: list = [_para(spec.title, styles["title"])]
    for line in (spec.subtitle, spec.lpse_line):
        if line:
            story.append(_para(line, styles["meta"]))
    story += [Spacer(1, 4 * mm), _table(spec, styles, doc.width)]
    # The totals stay with the signature so a signature never stands alone without context.
    tail: list = [Spacer(1, 3 * mm)] + [_para(line, styles["meta"]) for line in spec.summary]
    story.append(KeepTogether(tail + _signature(spec, styles, doc.width)))
    doc.build(story, canvasmaker=_canvas_class(spec.page_label, fonts()[0]))
    return buffer.getvalue()
