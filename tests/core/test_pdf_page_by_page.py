"""A PDF of a long period is built page by page: rows are read as the pages reach them (never the
whole period first), each page of the table starts with its header row once (issue 16)."""
from __future__ import annotations

import io
import re
from dataclasses import replace

from pypdf import PdfReader

from lpsedesk.exports import pdf

from .test_exports import many_rows, spec


def test_rows_are_read_as_the_pages_reach_them(monkeypatch):
    rows = many_rows(600)
    pulled = [0]
    at_page_end: list[int] = []

    def streamed():
        for row in rows:
            pulled[0] += 1
            yield row

    numbered = pdf._canvas_class

    def recording(label, font):
        base = numbered(label, font)

        class Recording(base):
            def showPage(self):  # noqa: N802 (reportlab's name)
                at_page_end.append(pulled[0])
                super().showPage()

        return Recording

    monkeypatch.setattr(pdf, "_canvas_class", recording)
    data = pdf.render_pdf(replace(spec(rows), rows=streamed()))
    assert len(at_page_end) > 10
    text = [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]
    # read ahead: the page's own rows and the one that did not fit it, never the period
    on_first_page = len(re.findall(r"Peserta Uji \d+\n", text[0]))
    assert at_page_end[0] <= on_first_page + 2, f"the first page came after reading {at_page_end[0]} rows"
    assert at_page_end[len(at_page_end) // 2] < 600, "the middle page came before the last rows were read"
    assert all(t.count("Keterangan") == 1 for t in text if "Peserta Uji" in t), "one header per page"
    everything = "\n".join(text)
    assert all(f"Peserta Uji {i}\n" in everything for i in (1, 40, 41, 80, 81, 599, 600)), "no row lost at a chunk"
    found = [int(n) for n in re.findall(r"Peserta Uji (\d+)\n", everything)]
    assert found == list(range(1, 601)), "every row exactly once and in order, across chunks and pages"
    first_page = text[0]
    assert first_page.index("Keterangan") < first_page.index("Peserta Uji 1\n"), "the header heads the table"


def test_a_picture_is_asked_for_as_its_row_is_laid_out():
    rows = many_rows(90)
    asked: list[int] = []

    def picture(n, cells):
        asked.append(n)
        return None

    pdf.render_pdf(replace(spec(rows), picture_column=3), pictures=picture)
    assert asked == list(range(90))
