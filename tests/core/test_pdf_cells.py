"""PDF table cells cost what their text needs (issue 16, guest book month at 1M visits): a short
one-line cell is set as written, a long or multi-line one wraps inside its column where reportlab's
Paragraph wrapped it (so the page reads as before), and a text is broken into lines once per column
however often it comes back (names, institutions and labels repeat through a month)."""
from __future__ import annotations

import io

from PIL import Image
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from lpsedesk.exports import pdf
from lpsedesk.exports.pdf_table import Look, make_row

from .test_exports import many_rows, pdf_text, spec


def _look(widths=(40.0, 100.0, 60.0), size=8.5) -> Look:
    return Look(widths=list(widths), pad_x=6, font=pdf.fonts()[0], size=size, leading=size + 2,
                centred=frozenset({0}), picture_column=None, picture_size=(68, 22), header=[])


def test_short_text_is_one_line_as_written_long_or_multi_line_text_wraps():
    look = _look()
    assert look.lines(1, "Sari Uji") == ("Sari Uji",)
    assert look.lines(1, "") == ("",)
    assert len(look.lines(2, "Dinas Pekerjaan Umum dan Penataan Ruang Kota Contoh")) > 2
    assert look.lines(1, "baris satu\nbaris dua") == ("baris satu", "baris dua")
    # Markup characters are text.
    assert look.lines(1, "PT A & B <Uji>") == ("PT A & B <Uji>",)


def test_wrapped_cells_break_where_reportlabs_paragraph_broke_them():
    look = _look(widths=(40.0, 90.0, 60.0))
    style = ParagraphStyle("cell", fontName=look.font, fontSize=look.size, leading=look.leading)
    texts = ["Dinas Pekerjaan Umum dan Penataan Ruang Kota Contoh", "Raden Ajeng Kartika Dewi Sekar Ayu Ningrum",
             "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah Kabupaten Contoh",
             "Bùi Thị Ánh Nguyễn Śmigły Ørsted", "Catatan panjang " * 8, "Pengembangan" * 3]
    for column in (1, 2):
        room = look.rooms[column]
        for text in texts:
            if any(look.width_of(word) > room for word in text.split()):
                continue  # h44u: no longer cut as Paragraph cut it (the test below)
            paragraph = Paragraph(text, style)
            paragraph.wrap(room, 10_000)
            expected = tuple(" ".join(line[1]) for line in paragraph.blPara.lines)
            assert look.lines(column, text) == expected, text


def test_a_word_wider_than_its_column_starts_its_own_line_not_cut_after_the_words_before_it():
    """h44u: Paragraph ran such a word on from the line before, cut inside it ("PT Pengemba" / "ngan..."),
    as "Pojok komput" / "er/internet" on the visit report; the word now starts a line of its own, and
    one joined by "/" is cut there when it can be."""
    look = _look(widths=(40.0, 90.0, 60.0))
    word = "Pengembangan" * 3
    for column in (1, 2):
        lines = look.lines(column, f"PT {word} Kota")
        assert lines[0] == "PT" and "".join(lines[1:]).replace(" ", "") == word + "Kota", lines
    narrow = _look(widths=(40.0, 70.0, 60.0))
    assert narrow.lines(1, "Pojok komputer/internet") == ("Pojok", "komputer/", "internet")
    # a piece that ends where "/" joins two words may still follow the words before it
    assert narrow.lines(1, "A komputer/internet") == ("A komputer/", "internet")


def test_a_word_wider_than_its_column_is_cut_not_clipped():
    look = _look(widths=(40.0, 50.0, 60.0))
    word = "Pengembangan" * 4
    lines = look.lines(1, word)
    assert len(lines) > 1 and "".join(lines) == word
    assert all(look.width_of(line) <= look.rooms[1] for line in lines)


def test_a_text_is_broken_into_lines_once_per_column(monkeypatch):
    look = _look()
    calls = [0]
    breaks = Look._break

    def counting(self, text, room):
        calls[0] += 1
        return breaks(self, text, room)

    monkeypatch.setattr(Look, "_break", counting)
    text = "Catatan panjang " * 8
    first = look.lines(1, text)
    assert look.lines(1, text) == first and look.lines(1, text) == first
    assert calls[0] == 1
    narrower = look.lines(2, text)
    assert calls[0] == 2 and len(narrower) > len(first)


def test_every_word_of_plain_and_wrapped_cells_is_in_the_pdf():
    rows = [["1", "Sari Uji", "PT A & B <Uji>", "Catatan yang sangat panjang sekali " * 6],
            ["2", "Budi\nContoh", "Dinas Contoh Kota", "pendek"]]
    _pages, text = pdf_text(pdf.render_pdf(spec(rows)))
    flat = " ".join(text.split())
    for words in ("Sari Uji", "PT A & B <Uji>", "Dinas Contoh Kota", "pendek", "Budi", "Contoh"):
        assert words in flat
    assert flat.count("sangat panjang sekali") == 6


def test_a_long_table_keeps_every_row():
    rows = many_rows(300)
    pages, text = pdf_text(pdf.render_pdf(spec(rows)))
    assert pages > 3
    for i in (1, 150, 300):
        assert f"Peserta Uji {i}" in text


def test_a_picture_stays_inside_its_cell():
    wide = io.BytesIO()
    Image.new("L", (600, 200), 0).save(wide, format="PNG")
    look = _look(widths=(40.0, 50.0, 60.0))
    look.picture_column = 1
    row = make_row(look, ["1", "x", "y"], wide.getvalue())
    picture = row.cells[1]
    assert picture.width <= look.rooms[1] + 1e-6 and picture.height <= look.picture_size[1] + 1e-6
    assert abs(picture.width / picture.height - 3) < 1e-6, "its proportions kept"
    data = pdf.render_pdf(spec([["1", "a", "b", "c"]], picture_column=3, pictures=[wide.getvalue()]))
    assert len(PdfReader(io.BytesIO(data)).pages[0].images) == 1


def test_a_username_or_address_too_wide_is_cut_after_its_dot_not_inside_a_word():
    # h34a saw the remote-access form print "teknisi.panjan" over "g": the Admin reads two names.
    look = _look(widths=(40.0, 70.0, 60.0))
    for word, first in (("teknisi.panjangsekali", "teknisi."), ("admin_pengadaan_kota", "admin_"),
                        ("pokja.tiga@salatiga.example", "pokja.")):
        lines = look.lines(1, word)
        assert len(lines) > 1 and "".join(lines) == word
        assert all(look.width_of(line) <= look.rooms[1] for line in lines)
        assert lines[0].startswith(first) and lines[0][-1] in "._-@/", lines
