"""The guest book as an A4 PDF with signature thumbnails in the table.

`lpsedesk.exports.render_pdf` takes text cells only, so this module lays out the same document
(title, period, LPSE line, table with the header on every page, summary, signatory block,
"Page X of Y") with a picture in the signature cell. It uses the library's fonts so both look alike.
"""
from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Image, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from lpsedesk.exports import DocumentSpec
from lpsedesk.exports.pdf import fonts

from .documents import GUESTBOOK_SIGNATURE_COLUMN

MARGIN = 12 * mm
THUMB_W, THUMB_H = 24 * mm, 8 * mm


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = fonts()
    return {
        "title": ParagraphStyle("t", fontName=bold, fontSize=13, leading=16, alignment=TA_CENTER, spaceAfter=2 * mm),
        "meta": ParagraphStyle("m", fontName=regular, fontSize=10, leading=13, alignment=TA_LEFT),
        "head": ParagraphStyle("h", fontName=bold, fontSize=7.5, leading=9.5, alignment=TA_CENTER),
        "cell": ParagraphStyle("c", fontName=regular, fontSize=7.5, leading=9.5),
        "cell_c": ParagraphStyle("cc", fontName=regular, fontSize=7.5, leading=9.5, alignment=TA_CENTER),
        "sign": ParagraphStyle("s", fontName=regular, fontSize=10, leading=13, alignment=TA_CENTER),
        "sign_name": ParagraphStyle("sn", fontName=bold, fontSize=10, leading=13, alignment=TA_CENTER),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text or "").replace("\n", "<br/>"), style)


def _numbered(label: str, font: str):
    class NumberedCanvas(rl_canvas.Canvas):
        """Holds the pages back so each can say "Page X of Y"."""

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                self.setFont(font, 8)
                self.drawRightString(self._pagesize[0] - MARGIN, 7 * mm, label.format(page=number, total=total))
                super().showPage()
            super().save()

    return NumberedCanvas


def _cell(text: str, index: int, picture: bytes | None, styles) -> object:
    if index == GUESTBOOK_SIGNATURE_COLUMN and picture:
        image = Image(io.BytesIO(picture))
        scale = min(THUMB_W / image.imageWidth, THUMB_H / image.imageHeight)
        image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
        return image
    centred = (0, 8, 9, GUESTBOOK_SIGNATURE_COLUMN)
    return _p(text, styles["cell_c"] if index in centred else styles["cell"])


def _table(spec: DocumentSpec, pictures: list[bytes | None], styles, width: float) -> Table:
    data: list[list] = [[_p(h, styles["head"]) for h in spec.columns]]
    for row, picture in zip(spec.rows, pictures):
        data.append([_cell(text, i, picture, styles) for i, text in enumerate(row)])
    commands = [("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"), ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("ALIGN", (GUESTBOOK_SIGNATURE_COLUMN, 1), (GUESTBOOK_SIGNATURE_COLUMN, -1), "CENTER"),
                ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), 2.5), ("RIGHTPADDING", (0, 0), (-1, -1), 2.5)]
    if not spec.rows:
        data.append([_p(spec.empty_text, styles["cell_c"])] + [""] * (len(spec.columns) - 1))
        commands.append(("SPAN", (0, 1), (-1, 1)))
    table = Table(data, colWidths=[width * w for w in spec.relative_widths()], repeatRows=1)
    table.setStyle(TableStyle(commands))
    return table


def _signatory(spec: DocumentSpec, styles, width: float) -> list:
    block: list = [_p(spec.place_date_line, styles["sign"])]
    if spec.signatory is not None:
        lines = spec.signatory.lines()
        block += [_p(spec.signatory.title, styles["sign"]), Spacer(1, 16 * mm), _p(lines[0], styles["sign_name"])]
        block += [_p(line, styles["sign"]) for line in lines[1:]]
    outer = Table([["", block]], colWidths=[width * 0.6, width * 0.4])
    outer.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [Spacer(1, 5 * mm), outer]


def render_guestbook_pdf(spec: DocumentSpec, pictures: list[bytes | None]) -> bytes:
    """`pictures[i]` is the PNG for `spec.rows[i]`'s signature cell, or None to print its text."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=landscape(A4), leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=MARGIN + 3 * mm, title=spec.title,
                            author="LPSE desk", subject=spec.subtitle)
    styles = _styles()
    story: list = [_p(spec.title, styles["title"])]
    story += [_p(line, styles["meta"]) for line in (spec.subtitle, spec.lpse_line) if line]
    story += [Spacer(1, 3 * mm), _table(spec, pictures, styles, doc.width)]
    tail: list = [Spacer(1, 3 * mm)] + [_p(line, styles["meta"]) for line in spec.summary]
    story.append(KeepTogether(tail + _signatory(spec, styles, doc.width)))
    doc.build(story, canvasmaker=_numbered(spec.page_label, fonts()[0]))
    return buffer.getvalue()
