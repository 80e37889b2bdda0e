"""A document's table drawn straight on the canvas, one page of rows at a time (issue 16).

reportlab's Table re-applies its style to every cell, measures every cell again at each wrap and
split, and draws each cell through the flowable machinery: about 1.5 ms a row, 30 s for a busy
month's guest book of 20,000 rows. Here each row is measured once as it is read (its cells broken
into lines with a cache per column, since names, institutions and labels repeat through a month)
and the rows that fit a page are drawn as the Table drew them: the same column positions,
paddings, font, line breaks, grid and header row, so the printed page is the same.

`TableRows` is one flowable for the whole table: laid out, it takes the rows that fit the room
left on the page and hands the rest on to a new `TableRows` of the same source, so reportlab puts
one page of rows at a time and the rows are read (and their signatures thumbnailed) only as the
pages reach them.
"""
from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from .pdf_png import PlainPng, draw_png, plain_png

HEADER_BACKGROUND = colors.HexColor("#e6e6e6")
PAD_Y = 2.5  # top and bottom padding of every cell
GRID_WIDTH = 0.5
WRAP_CACHE = 20_000  # distinct (column, text) line breakings kept; cleared when full (memory stays bounded)
# Where a word too wide for its column is best cut: after these, each part still reads as itself.
CUT_AFTER = (".", "_", "-", "@", "/")


@dataclass
class Look:
    """What every page of one table shares: columns, font, paddings, the header row."""

    widths: list[float]
    pad_x: float
    font: str
    size: float
    leading: float
    centred: frozenset[int]
    picture_column: int | None
    picture_size: tuple[float, float]  # the largest a picture is drawn (w, h)
    header: list[Paragraph]

    def __post_init__(self) -> None:
        self.lefts = [sum(self.widths[:i]) for i in range(len(self.widths))]
        self.width = sum(self.widths)
        self.rooms = [w - 2 * self.pad_x for w in self.widths]
        heights = [p.wrap(room, 10_000)[1] for p, room in zip(self.header, self.rooms)]
        self.header_height = max(heights, default=0) + 2 * PAD_Y
        self._widths: dict[str, float] = {}
        self._lines: dict[tuple[int, str], tuple[str, ...]] = {}
        self._operators: dict[str, str] = {}

    # -- text --------------------------------------------------------------------------------
    def width_of(self, text: str) -> float:
        width = self._widths.get(text)
        if width is None:
            if len(self._widths) > WRAP_CACHE:
                self._widths.clear()
            width = self._widths[text] = stringWidth(text, self.font, self.size)
        return width

    def text_operators(self, canv, text: str) -> str:
        """What reportlab's drawString writes for `text` after the text origin (font subset
        selection, the encoded string, "Tj T*"), made by reportlab once per distinct text of the
        document: a busy month repeats its dates, times, labels and names, and formatting them was
        most of the drawing. Valid within one document (its font subsets)."""
        found = self._operators.get(text)
        if found is None:
            if len(self._operators) > WRAP_CACHE:
                self._operators.clear()
            made = canv.beginText(0, 0)
            made.textLine(text)
            found = self._operators[text] = made._code[-1]
        return found

    def lines(self, column: int, text: str) -> tuple[str, ...]:
        """The cell's text broken into the lines its column holds, as reportlab's Paragraph broke
        them (words kept whole, runs of spaces made one; "\n" starts a line). A word wider than the
        column is cut where the column ends, its first piece run on from the line before as Paragraph
        did, unless that piece would end inside a word (h44u): then it starts a line of its own."""
        key = (column, text)
        found = self._lines.get(key)
        if found is None:
            if len(self._lines) > WRAP_CACHE:
                self._lines.clear()
            room = self.rooms[column]
            if "\n" not in text and self.width_of(text) <= room:
                found = (text,)  # one line that fits, kept as written (as a plain Table cell)
            else:
                found = tuple(line for part in text.split("\n") for line in self._break(part, room))
            self._lines[key] = found
        return found

    def _break(self, text: str, room: float) -> list[str]:
        words = text.split()
        if not words:
            return [""]
        space = self.width_of(" ")
        shrink = rl_config.spaceShrinkage * space  # Paragraph lets each space of a line give a little
        lines: list[str] = []
        current: list[str] = []
        used = 0.0
        for word in words:
            width = self.width_of(word)
            if not current and width <= room:
                current, used = [word], width
            elif current and used + space + width <= room + shrink * len(current):
                current.append(word)
                used += space + width
            elif width <= room:
                lines.append(" ".join(current))
                current, used = [word], width
            else:  # wider than the column: cut, the first piece on the line begun (as Paragraph)
                first, *more = self._cut(word, used + space if current else 0.0, room)
                if current and more and not first.endswith(CUT_AFTER):
                    # h44u: ... unless that piece ends inside a word ("Pojok komput" / "er/internet"):
                    # the word starts a line of its own, cut where a mark joins two words if it can
                    lines.append(" ".join(current))
                    current, used = [], 0.0
                    first, *more = self._cut(word, 0.0, room)
                if not more:  # one glyph wider than the column: it cannot be cut
                    if current:
                        lines.append(" ".join(current))
                    current, used = [word], width
                    continue
                if first:
                    current.append(first)
                if current:
                    lines.append(" ".join(current))
                lines.extend(more[:-1])
                current, used = [more[-1]], self.width_of(more[-1])
        lines.append(" ".join(current))
        return lines

    def _cut(self, word: str, begun: float, room: float) -> list[str]:
        """`word` in pieces: the first fills the line after `begun` points (maybe empty), each
        other one a line of its own (reportlab's _splitWord), except that a piece ends after the
        last of ".", "_", "-", "@", "/" it holds: a username, e-mail or address cut there reads
        as itself ("teknisi." / "panjang"), where a cut one letter short read as two names."""
        pieces, piece, width = [], "", begun
        for char in word:
            char_width = self.width_of(char)
            if width + char_width > room and (piece or char_width <= room):
                joint = max(piece.rfind(mark) for mark in CUT_AFTER) + 1
                # ... unless that leaves the line two thirds empty ("a." / "bcdef...")
                kept = piece[joint:] if 0 < joint < len(piece) and 3 * joint >= len(piece) else ""
                pieces.append(piece[:len(piece) - len(kept)])
                piece, width = kept, self.width_of(kept)
            piece += char
            width += char_width
        pieces.append(piece)
        return pieces


@dataclass
class Picture:
    image: ImageReader | PlainPng
    width: float
    height: float

    @classmethod
    def of(cls, picture, most: tuple[float, float]) -> Picture:
        """The picture (PNG bytes, or a PIL image) scaled to fit `most` (w, h) points, its
        proportions kept. A plain greyscale PNG goes into the PDF as it is (pdf_png), not decoded."""
        png = plain_png(picture) if isinstance(picture, bytes) else None
        image = png or ImageReader(io.BytesIO(picture) if isinstance(picture, bytes) else picture)
        w, h = image.getSize()
        scale = min(most[0] / w, most[1] / h)
        return cls(image, w * scale, h * scale)


@dataclass
class Row:
    height: float
    cells: list  # per column: a tuple of lines, or a Picture


def make_row(look: Look, texts: Sequence[str], picture) -> Row:
    cells: list = []
    tallest = 0.0
    for column, text in enumerate(texts):
        if column == look.picture_column and picture is not None and picture != b"":
            # inside its cell's padding, however narrow the column (the guest book's is 20 mm)
            cell = Picture.of(picture, (min(look.picture_size[0], look.rooms[column]), look.picture_size[1]))
            tall = cell.height
        else:
            cell = look.lines(column, text or "")
            tall = len(cell) * look.leading
        cells.append(cell)
        tallest = max(tallest, tall)
    return Row(tallest + 2 * PAD_Y, cells)


class RowSource:
    """The table's rows read one at a time and made into `Row`s as they are read; a row read but
    not placed (it did not fit the page) waits for the next page."""

    def __init__(self, look: Look, rows: Iterator[Sequence[str]], picture: Callable[[int, Sequence[str]], object],
                 columns: int) -> None:
        self.look, self._rows, self._picture, self._columns = look, rows, picture, columns
        self._waiting: list[Row] = []  # a stack: the next row last
        self._read = 0

    def _next(self) -> Row | None:
        if self._waiting:
            return self._waiting.pop()
        row = next(self._rows, None)
        if row is None:
            return None
        if len(row) != self._columns:
            raise ValueError("every row needs one cell per column")
        n, self._read = self._read, self._read + 1
        # the picture is asked for now, while `row` is the last one read (the guest book's
        # signature follows the row the generator is at)
        return make_row(self.look, row, self._picture(n, row))

    def take(self, room: float, at_least_one: bool) -> list[Row]:
        """The next rows whose heights add up to at most `room` (the first one anyway if asked)."""
        taken: list[Row] = []
        used = 0.0
        while (row := self._next()) is not None:
            if used + row.height > room + 1e-6 and (taken or not at_least_one):
                self._waiting.append(row)
                break
            taken.append(row)
            used += row.height
        return taken

    def give_back(self, rows: list[Row]) -> None:
        self._waiting.extend(reversed(rows))

    def empty(self) -> bool:
        row = self._next()
        if row is None:
            return True
        self._waiting.append(row)
        return False


class TableRows(Flowable):
    """The rest of the table: as much of it as fits where it is placed, header row first."""

    def __init__(self, source: RowSource) -> None:
        super().__init__()
        self.hAlign = "CENTER"  # as a Table's: wider than the frame by its padding, shared out left and right
        self.source, self.look = source, source.look
        self.rows: list[Row] = []
        self.more = False

    def wrap(self, available_width, available_height):
        # Laid out again (on the next page, or after a split): the rows go back and are re-taken.
        self.source.give_back(self.rows)
        at_top = bool(getattr(getattr(self, "_frame", None), "_atTop", 0))
        self.rows = self.source.take(available_height - self.look.header_height, at_least_one=at_top)
        self.more = not self.source.empty()
        self.width = self.look.width
        self.height = self.look.header_height + sum(r.height for r in self.rows)
        if not self.rows or self.more:  # the frame then asks for a split (or the next page)
            return self.width, max(self.height, available_height) + 1
        return self.width, self.height

    def split(self, available_width, available_height):
        self.wrap(available_width, available_height)
        if not self.rows:
            return []
        page = _PlacedRows(self.look, self.rows)
        self.rows = []  # now the page's; the rest stays in the source for the next part
        return [page, TableRows(self.source)]

    def draw(self) -> None:
        draw_rows(self.canv, self.look, self.rows)


class _PlacedRows(Flowable):
    """The rows that fit one page, header first."""

    def __init__(self, look: Look, rows: list[Row]) -> None:
        super().__init__()
        self.hAlign = "CENTER"
        self.look, self.rows = look, rows
        self.width, self.height = look.width, look.header_height + sum(r.height for r in rows)

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self) -> None:
        draw_rows(self.canv, self.look, self.rows)


def draw_rows(canv, look: Look, rows: list[Row]) -> None:
    """Header and rows as reportlab's Table drew them: background, cells left to right and top
    to bottom (so extracted text reads in that order), then the grid."""
    top = look.header_height + sum(r.height for r in rows)
    canv.saveState()
    canv.setFillColor(HEADER_BACKGROUND)
    canv.rect(0, top - look.header_height, look.width, look.header_height, stroke=0, fill=1)
    for paragraph, left in zip(look.header, look.lefts):  # centred vertically
        paragraph.drawOn(canv, left + look.pad_x, top - (look.header_height + paragraph.height) / 2)
    canv.setFillColor(colors.black)
    canv.setFont(look.font, look.size, look.leading)
    # Each line is what canv.drawString / drawCentredString would write (one text object, so text
    # extraction reads the cells as before), with its operators made once per distinct text.
    # The page's lines go to the canvas as one string (flushed before each picture, which the
    # canvas writes itself): the numbering canvas keeps every page until the end, and one string a
    # line cost a hundred bytes of object each.
    code, operators, width_of = [], look.text_operators, look.width_of

    def flush() -> None:
        if code:
            canv._code.append("\n".join(code))
            code.clear()

    y = top - look.header_height
    for row in rows:
        first = y - PAD_Y - look.size  # the first line's baseline
        for column, (cell, left, width) in enumerate(zip(row.cells, look.lefts, look.widths)):
            if isinstance(cell, Picture):  # centred at the top of its cell
                flush()
                at = (left + (width - cell.width) / 2, y - PAD_Y - cell.height, cell.width, cell.height)
                if isinstance(cell.image, PlainPng):
                    draw_png(canv, cell.image, *at)
                else:
                    canv.drawImage(cell.image, *at)
                continue
            centre = column in look.centred
            baseline = first
            for line in cell:
                if line:
                    x = left + width / 2 - width_of(line) / 2 if centre else left + look.pad_x
                    code.append(f"BT 1 0 0 1 {_number(x)} {_number(baseline)} Tm {operators(canv, line)} ET")
                baseline -= look.leading
        y -= row.height
    flush()
    canv.setStrokeColor(colors.black)
    canv.setLineWidth(GRID_WIDTH)
    canv.setLineCap(1)
    edges = [top, top - look.header_height]
    for row in rows:
        edges.append(edges[-1] - row.height)
    canv.lines([(0, e, look.width, e) for e in edges] +
               [(x, top, x, edges[-1]) for x in look.lefts + [look.width]])
    canv.restoreState()


def _number(value: float) -> str:
    """A coordinate for the content stream, to a thousandth of a point (reportlab's fp_str is
    pure Python and slower than the rest of a line)."""
    return f"{value:.3f}".rstrip("0").rstrip(".")
