"""PDF table cells cost what their text needs (issue 16, guest book month at 1M visits): a short
one-line cell is set as plain text, a long or multi-line one still wraps inside its column, and a
wrapping cell is broken into lines once per width however often reportlab lays its table out."""
from __future__ import annotations

from reportlab.platypus import Paragraph

from lpsedesk.exports import pdf

from .test_exports import many_rows, pdf_text, spec


def _styles():
    return pdf._styles(False)


def test_short_text_is_a_plain_cell_long_or_multi_line_text_wraps():
    style = _styles()["cell"]
    assert pdf._cell("Sari Uji", style, 100) == "Sari Uji"
    assert pdf._cell("", style, 100) == ""
    long = pdf._cell("Dinas Pekerjaan Umum dan Penataan Ruang Kota Contoh", style, 60)
    assert isinstance(long, Paragraph)
    assert isinstance(pdf._cell("baris satu\nbaris dua", style, 500), Paragraph)
    # Markup characters are text in either kind of cell.
    assert pdf._cell("PT A & B <Uji>", style, 200) == "PT A & B <Uji>"


def test_every_word_of_plain_and_wrapped_cells_is_in_the_pdf():
    rows = [["1", "Sari Uji", "PT A & B <Uji>", "Catatan yang sangat panjang sekali " * 6],
            ["2", "Budi\nContoh", "Dinas Contoh Kota", "pendek"]]
    _pages, text = pdf_text(pdf.render_pdf(spec(rows)))
    flat = " ".join(text.split())
    for words in ("Sari Uji", "PT A & B <Uji>", "Dinas Contoh Kota", "pendek", "Budi", "Contoh"):
        assert words in flat
    assert flat.count("sangat panjang sekali") == 6


def test_a_wrapping_cell_breaks_its_lines_once_per_width(monkeypatch):
    calls = [0]
    breaks = Paragraph.breakLines

    def counting(self, widths):
        calls[0] += 1
        return breaks(self, widths)

    monkeypatch.setattr(Paragraph, "breakLines", counting)
    cell = pdf._cell("Catatan panjang " * 8, _styles()["cell"], 80)
    first = cell.wrap(80, 1000)
    assert cell.wrap(80, 500) == first and cell.wrap(80, 1000) == first
    assert calls[0] == 1
    narrower = cell.wrap(50, 1000)
    assert calls[0] == 2 and narrower[1] > first[1]


def test_a_long_table_keeps_every_row():
    rows = many_rows(300)
    pages, text = pdf_text(pdf.render_pdf(spec(rows)))
    assert pages > 3
    for i in (1, 150, 300):
        assert f"Peserta Uji {i}" in text
