"""The shared export library: PDF, XLSX and CSV of one document spec, dates and periods in Indonesian."""
from __future__ import annotations

import csv
import io
from datetime import date, datetime, timezone

import openpyxl
import pytest
from pypdf import PdfReader

from lpsedesk.exports import (
    DocumentSpec, PeriodError, Signatory, indonesian_date, indonesian_datetime, month_period,
    parse_period, quarter_period, range_period, render_csv, render_pdf, render_xlsx,
)
from lpsedesk.exports.pdf import fonts

COLUMNS = ["No.", "Nama", "Instansi", "Keterangan"]


def spec(rows: list[list[str]], **overrides) -> DocumentSpec:
    fields = dict(
        title="Daftar Uji Coba", subtitle="Periode: November 2026", lpse_name="Kota Salatiga",
        columns=COLUMNS, rows=rows, widths=[0.5, 2, 2, 4], place="Salatiga", signed_on=date(2026, 11, 30),
        signatory=Signatory("Kepala Sub Bagian Pengelolaan LPSE", "Nama Pejabat Uji", "Penata (III/c)",
                            "198001012005011001"),
        summary=[f"Jumlah: {len(rows)}"],
    )
    fields.update(overrides)
    return DocumentSpec(**fields)


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def many_rows(n: int) -> list[list[str]]:
    return [[str(i), f"Peserta Uji {i}", "PT Contoh Teknologi Nusantara", "Catatan panjang " * 4]
            for i in range(1, n + 1)]


def test_indonesian_dates_use_indonesian_month_names():
    assert indonesian_date(date(2026, 11, 22)) == "22 November 2026"
    assert indonesian_date(date(2026, 8, 1)) == "1 Agustus 2026"
    assert indonesian_date(date(2026, 8, 1), "en") == "1 August 2026"
    # 02:15 UTC is 09:15 WIB the same day; 20:00 UTC is already the next day in WIB
    assert indonesian_datetime(datetime(2026, 11, 22, 2, 15, tzinfo=timezone.utc)) == "22 November 2026 09:15 WIB"
    assert indonesian_datetime(datetime(2026, 11, 22, 20, 0, tzinfo=timezone.utc)).startswith("23 November")


def test_periods_have_official_labels_and_wib_bounds():
    assert month_period(2026, 2).label == "Februari 2026"
    assert month_period(2026, 12).end == date(2026, 12, 31)
    q4 = quarter_period(2026, 4)
    assert (q4.start, q4.end) == (date(2026, 10, 1), date(2026, 12, 31))
    assert q4.label.startswith("Triwulan IV 2026")
    assert range_period(date(2026, 11, 1), date(2026, 11, 15)).label == "1 - 15 November 2026"
    lo, hi = month_period(2026, 11).utc_bounds()
    assert lo == datetime(2026, 10, 31, 17, 0, tzinfo=timezone.utc)
    assert hi == datetime(2026, 11, 30, 17, 0, tzinfo=timezone.utc)
    assert parse_period("quarter", "2026-Q4") == q4
    assert parse_period("range", start="2026-11-01", end="2026-11-15").kind == "range"


@pytest.mark.parametrize("args,code", [
    (("month", "2026-13"), "bad_month"), (("month", "nope"), "bad_month"), (("quarter", "2026-Q5"), "bad_quarter"),
    (("range", "", "2026-11-15", "2026-11-01"), "reversed"), (("range", "", "x", "2026-11-01"), "bad_date"),
    (("range", "", "2020-01-01", "2026-11-01"), "too_long"), (("week", "1"), "unknown_kind"),
])
def test_bad_period_input_is_refused_with_a_reason_code(args, code):
    with pytest.raises(PeriodError) as caught:
        parse_period(*args)
    assert caught.value.code == code


def test_pdf_of_an_empty_period_still_carries_header_and_signature():
    pages, text = pdf_text(render_pdf(spec([])))
    assert pages == 1
    for expected in ("Daftar Uji Coba", "Periode: November 2026", "LPSE: Kota Salatiga", "Instansi",
                     "Tidak ada data pada periode ini.", "Salatiga, 30 November 2026",
                     "Nama Pejabat Uji", "NIP. 198001012005011001", "Halaman 1 dari 1", "Jumlah: 0"):
        assert expected in text


def test_pdf_of_200_rows_spans_pages_with_the_header_on_each_and_page_numbers():
    reader = PdfReader(io.BytesIO(render_pdf(spec(many_rows(200)))))
    pages = len(reader.pages)
    assert pages > 3
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"Halaman {number} dari {pages}" in text
        if "Peserta Uji" in text:  # every page of the table starts with the header row
            assert "Instansi" in text and "Keterangan" in text
    everything = "\n".join(p.extract_text() for p in reader.pages)
    assert "Peserta Uji 1\n" in everything and "Peserta Uji 200" in everything
    assert "Jumlah: 200" in everything


def test_pdf_renders_non_ascii_names_with_dejavu():
    if fonts()[0] != "DejaVuSans":
        pytest.skip("fonts-dejavu-core not installed")
    rows = [["1", "Ñoño Śuryadi", "CV Maju Ĵaya", "-"], ["2", "Bùi Thị Ánh", "PT Ưu Việt", "-"]]
    _, text = pdf_text(render_pdf(spec(rows, orientation="portrait")))
    assert "Ñoño Śuryadi" in text and "Bùi Thị Ánh" in text and "PT Ưu Việt" in text


def test_xlsx_holds_title_header_rows_and_print_setup():
    rows = many_rows(200)
    rows[0][1] = "Bùi Thị Ánh"
    wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(spec(rows))))
    ws = wb.active
    values = [tuple(r) for r in ws.iter_rows(values_only=True)]
    assert values[0][0] == "Daftar Uji Coba"
    assert values[1][0] == "Periode: November 2026" and values[2][0] == "LPSE: Kota Salatiga"
    header = values.index(tuple(COLUMNS))
    data = values[header + 1: header + 201]
    assert [r[0] for r in data] == [str(i) for i in range(1, 201)]
    assert data[0][1] == "Bùi Thị Ánh"
    assert ws.cell(row=header + 1, column=2).font.b
    assert ws.freeze_panes == f"A{header + 2}"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.column_dimensions["D"].width > ws.column_dimensions["A"].width
    flat = [v for r in values for v in r if v]
    assert "Jumlah: 200" in flat and "Salatiga, 30 November 2026" in flat and "NIP. 198001012005011001" in flat


def test_xlsx_of_an_empty_period_says_so():
    ws = openpyxl.load_workbook(io.BytesIO(render_xlsx(spec([])))).active
    assert "Tidak ada data pada periode ini." in [c.value for row in ws.iter_rows() for c in row]


def test_csv_is_utf8_with_bom_and_neutralises_formulas():
    data = render_csv(spec([["1", "Ñoño Śuryadi", "=HYPERLINK(\"x\")", "-5"]]))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == COLUMNS
    assert rows[1] == ["1", "Ñoño Śuryadi", "'=HYPERLINK(\"x\")", "-5"]


def test_a_spec_with_ragged_rows_is_refused():
    with pytest.raises(ValueError):
        spec([["1", "only two"]])
    assert spec([], file_stem="Formulir Remote 2026-11").filename("pdf") == "formulir-remote-2026-11.pdf"


def test_signatory_without_name_leaves_space_to_write_by_hand():
    lines = Signatory("Kepala Sub Bagian Pengelolaan LPSE").lines()
    assert lines[0].startswith("(....") and lines[-1].startswith("NIP. ....")


def test_an_xlsx_export_that_fails_half_way_leaves_no_visitor_rows_on_disk(tmp_path, monkeypatch):
    """Guest book rows hold names and NIKs: an export that breaks off (a database error while the
    rows are read) must not leave them in the temp folder for as long as the server runs."""
    import dataclasses
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    def rows_then_failure():
        yield ["1", "Siti Rahmawati", "CV Maju Jaya", "3374015507900001"]
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        render_xlsx(dataclasses.replace(spec([]), rows=rows_then_failure()))
    assert list(tmp_path.iterdir()) == []
    # The next export still works.
    assert render_xlsx(spec([["1", "Budi", "CV Uji", "-"]]))[:2] == b"PK"
