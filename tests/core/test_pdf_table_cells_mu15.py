"""The PDF table (issue 16, lpsedesk/exports/pdf_table.py) as the remote-access form and the guest book
print it: a row is as tall as its tallest wrapped cell, and a word too wide for its column is cut after
the last of `.@_-/` it holds, so a username or an e-mail address reads as itself (h34a)."""
from __future__ import annotations

import io

from pypdf import PdfReader

from lpsedesk.exports import pdf, render_pdf
from lpsedesk.exports.pdf_table import Look

from .test_exports import spec


def _look() -> Look:
    return Look(widths=[40.0, 70.0, 60.0], pad_x=6, font=pdf.fonts()[0], size=8.5, leading=10.5,
                centred=frozenset({0}), picture_column=None, picture_size=(68, 22), header=[])


def test_an_email_address_too_wide_is_cut_right_after_its_at_sign():
    look = _look()
    for address, first in (("budiman@salatigakota", "budiman@"), ("kasubag@kotasalatiga", "kasubag@")):
        lines = look.lines(1, address)
        assert "".join(lines) == address
        assert lines[0] == first, lines


def _table_lines(page) -> list[tuple[str, float]]:
    """The table's text lines on the page, top to bottom, each with the height of its baseline."""
    found: list[tuple[str, float]] = []

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            found.append((text.strip(), cm[5] + tm[5]))

    page.extract_text(visitor_text=visit)
    return found


def test_a_row_is_as_tall_as_its_wrapped_cell_so_the_next_row_starts_below_its_last_line():
    note = "Catatan panjang yang harus dibungkus menjadi beberapa baris di kolomnya " * 3
    rows = [[str(i), f"Peserta Uji {i}", "PT Contoh", note] for i in (1, 2, 3)]
    lines = _table_lines(PdfReader(io.BytesIO(render_pdf(spec(rows)))).pages[0])
    for above, below in ((1, 2), (2, 3)):
        top = next(y for text, y in lines if text == f"Peserta Uji {above}")
        next_row = next(y for text, y in lines if text == f"Peserta Uji {below}")
        note_lines = [y for text, y in lines if text.startswith("Catatan") and next_row < y <= top]
        assert len(note_lines) >= 3, "the note wraps into several lines"
        # the next row starts a line below the note's last line, never over it
        assert next_row < min(note_lines) - 5


def test_rows_over_several_pages_are_printed_in_the_order_given():
    rows = [[str(i), f"Peserta Uji {i}", "PT Contoh Teknologi Nusantara", "Catatan panjang " * 4]
            for i in range(1, 121)]
    reader = PdfReader(io.BytesIO(render_pdf(spec(rows))))
    assert len(reader.pages) > 2
    names = [text for page in reader.pages for text, _y in _table_lines(page) if text.startswith("Peserta Uji ")]
    assert names == [f"Peserta Uji {i}" for i in range(1, 121)]
