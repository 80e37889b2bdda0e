"""Official documents as Indonesian offices write them: periods, dates, the form's layout, the signature.

Expectations come from how government documents are written (Indonesian month names, "Triwulan"
with Roman numerals, "Halaman X dari Y", the signature block jabatan / nama / pangkat / NIP at the
right under "place, date"), from the paper form the XLSX imitates, and from WIB (UTC+7) days.
The CSV formula rule belongs to issue 12 and is tested there.
"""
from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta, timezone

import openpyxl
import pytest
from pypdf import PdfReader

from lpsedesk.exports import (
    DocumentSpec, PeriodError, Signatory, indonesian_date, indonesian_datetime, month_period, parse_period,
    quarter_period, range_period, render_csv, render_pdf, render_xlsx,
)

BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WIB = timezone(timedelta(hours=7))


# --- dates and periods ------------------------------------------------------------------------------

@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_has_its_indonesian_and_english_name(month):
    assert indonesian_date(date(2026, month, 9)) == f"9 {BULAN[month - 1]} 2026"
    assert indonesian_date(date(2026, month, 9), "en") == f"9 {MONTHS[month - 1]} 2026"
    assert indonesian_date(date(2026, month, 9), "en_GB") == f"9 {MONTHS[month - 1]} 2026"
    assert month_period(2026, month).label == f"{BULAN[month - 1]} 2026"
    assert month_period(2026, month, "en").label == f"{MONTHS[month - 1]} 2026"


def spanned(ws) -> set[str]:
    """Ranges a line is centred across: merged cells, or a run of "centre across selection" cells
    (what a streamed sheet uses, since it cannot merge); both print the same."""
    out = {str(r) for r in ws.merged_cells.ranges}
    for row in ws.iter_rows():
        start = None
        for cell in list(row) + [None]:
            continuing = cell is not None and cell.alignment.horizontal == "centerContinuous"
            if continuing and cell.value is not None and start is not None:
                continuing = False  # a new value starts a new run
            if start is not None and not continuing:
                if prev.column > start.column:
                    out.add(f"{start.coordinate}:{prev.coordinate}")
                start = None
            if cell is not None and cell.alignment.horizontal == "centerContinuous" and start is None \
                    and cell.value is not None:
                start = cell
            prev = cell
    return out


def centred(cell) -> bool:
    return cell.alignment.horizontal in ("center", "centerContinuous")


def test_a_language_other_than_english_gets_the_indonesian_words():
    assert indonesian_date(date(2026, 8, 17), "fr") == "17 Agustus 2026"
    assert quarter_period(2026, 3, "id_ID").label.startswith("Triwulan III")


def test_a_time_is_written_in_wib_with_a_colon_as_on_every_screen_in_both_languages():
    moment = datetime(2026, 12, 31, 17, 5, tzinfo=timezone.utc)  # already 1 January 2027, 00:05 WIB
    assert indonesian_datetime(moment) == "1 Januari 2027 00:05 WIB"
    assert indonesian_datetime(moment, "en") == "1 January 2027 00:05 WIB"
    assert indonesian_datetime(None) == "" and indonesian_datetime(None, "en") == ""


@pytest.mark.parametrize("year,month,last", [(2026, 1, 31), (2026, 2, 28), (2028, 2, 29), (2026, 4, 30),
                                             (2026, 11, 30), (2026, 12, 31), (1900, 1, 31)])
def test_a_month_runs_from_its_first_to_its_last_day(year, month, last):
    period = month_period(year, month)
    assert (period.start, period.end, period.kind) == (date(year, month, 1), date(year, month, last), "month")


@pytest.mark.parametrize("quarter,first,last,words", [
    (1, date(2026, 1, 1), date(2026, 3, 31), "Triwulan I 2026 (Januari - Maret 2026)"),
    (2, date(2026, 4, 1), date(2026, 6, 30), "Triwulan II 2026 (April - Juni 2026)"),
    (3, date(2026, 7, 1), date(2026, 9, 30), "Triwulan III 2026 (Juli - September 2026)"),
    (4, date(2026, 10, 1), date(2026, 12, 31), "Triwulan IV 2026 (Oktober - Desember 2026)"),
])
def test_a_quarter_is_a_triwulan_of_three_months(quarter, first, last, words):
    period = quarter_period(2026, quarter)
    assert (period.start, period.end, period.kind, period.label) == (first, last, "quarter", words)


def test_a_quarter_in_english():
    assert quarter_period(2026, 4, "en").label == "Quarter IV 2026 (October - December 2026)"


@pytest.mark.parametrize("call", [
    lambda: month_period(2026, 0), lambda: month_period(2026, 13), lambda: month_period(1, 1),
    lambda: month_period(9999, 12), lambda: quarter_period(2026, 0), lambda: quarter_period(2026, 5),
    lambda: quarter_period(1, 1), lambda: quarter_period(9999, 4),
])
def test_months_and_quarters_that_do_not_exist_or_years_nobody_reports_on_are_refused(call):
    # Year 1 or 9999 in a filter must be a readable refusal, not a crash in date arithmetic.
    with pytest.raises(PeriodError):
        call()


def test_month_and_quarter_refusals_say_which():
    with pytest.raises(PeriodError) as month:
        month_period(2026, 13)
    with pytest.raises(PeriodError) as quarter:
        quarter_period(2026, 5)
    assert (month.value.code, quarter.value.code) == ("bad_month", "bad_quarter")
    assert str(month.value) == "bad_month"


@pytest.mark.parametrize("start,end,label", [
    (date(2026, 11, 17), date(2026, 11, 17), "17 November 2026"),
    (date(2026, 11, 1), date(2026, 11, 15), "1 - 15 November 2026"),
    (date(2026, 11, 28), date(2026, 12, 3), "28 November 2026 - 3 Desember 2026"),
    (date(2025, 11, 3), date(2026, 11, 3), "3 November 2025 - 3 November 2026"),  # same month, another year
])
def test_a_range_is_labelled_as_briefly_as_it_can_be_read(start, end, label):
    period = range_period(start, end)
    assert (period.start, period.end, period.kind, period.label) == (start, end, "range", label)


def test_a_range_in_english():
    assert range_period(date(2026, 11, 28), date(2026, 12, 3), "en").label == "28 November 2026 - 3 December 2026"
    assert range_period(date(2026, 8, 1), date(2026, 8, 15), "en").label == "1 - 15 August 2026"
    assert range_period(date(2026, 8, 17), date(2026, 8, 17), "en").label == "17 August 2026"


def test_a_range_may_cover_three_years_but_not_a_decade_and_never_runs_backwards():
    assert range_period(date(2024, 1, 1), date(2026, 12, 31)).end == date(2026, 12, 31)
    with pytest.raises(PeriodError) as decade:
        range_period(date(2016, 1, 1), date(2026, 1, 1))
    assert decade.value.code == "too_long"
    with pytest.raises(PeriodError) as backwards:
        range_period(date(2026, 11, 2), date(2026, 11, 1))
    assert backwards.value.code == "reversed"


def test_a_period_covers_whole_wib_days():
    lo, hi = range_period(date(2026, 11, 17), date(2026, 11, 17)).utc_bounds()
    assert lo == datetime(2026, 11, 17, tzinfo=WIB) and hi == datetime(2026, 11, 18, tzinfo=WIB)
    assert lo.tzinfo == timezone.utc and hi.tzinfo == timezone.utc
    assert (lo.hour, hi.hour) == (17, 17)  # midnight in Jakarta is 17.00 UTC the evening before


def test_a_period_is_the_same_whatever_time_zone_the_server_runs_in(monkeypatch):
    # An office server is often set to Asia/Jakarta, a developer's laptop to anything.
    import time

    expected = range_period(date(2026, 11, 17), date(2026, 11, 17)).utc_bounds()
    try:
        for zone in ("Asia/Jakarta", "America/New_York"):
            monkeypatch.setenv("TZ", zone)
            time.tzset()
            lo, hi = range_period(date(2026, 11, 17), date(2026, 11, 17)).utc_bounds()
            assert (lo, hi) == expected and lo.utcoffset() == hi.utcoffset() == timedelta(0)
            assert (lo.hour, hi.hour) == (17, 17)
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.parametrize("period,slug", [
    (lambda: month_period(2026, 3), "2026-03"), (lambda: quarter_period(2026, 1), "2026-q1"),
    (lambda: quarter_period(2026, 3), "2026-q3"), (lambda: quarter_period(2026, 4), "2026-q4"),
    (lambda: range_period(date(2026, 11, 1), date(2026, 11, 15)), "2026-11-01_2026-11-15"),
])
def test_a_period_names_its_files(period, slug):
    assert period().slug == slug


@pytest.mark.parametrize("args,expected", [
    (("month", "2026-11"), month_period(2026, 11)), (("month", " 2026-3 "), month_period(2026, 3)),
    (("", "2026-11"), month_period(2026, 11)), ((None, "2026-11"), month_period(2026, 11)),
    ((" month ", "2026-11"), month_period(2026, 11)),
    (("quarter", "2026-Q4"), quarter_period(2026, 4)), (("quarter", "2026Q4"), quarter_period(2026, 4)),
    (("quarter", "2026-q2"), quarter_period(2026, 2)),
    (("range", "", " 2026-11-01", "2026-11-15 "), range_period(date(2026, 11, 1), date(2026, 11, 15))),
])
def test_form_input_is_read_as_a_period(args, expected):
    assert parse_period(*args) == expected


def test_form_input_keeps_the_language_of_the_page():
    assert parse_period("month", "2026-08", locale="en").label == "August 2026"
    assert parse_period("quarter", "2026-Q1", locale="en").label == "Quarter I 2026 (January - March 2026)"
    assert parse_period("range", "", "2026-08-01", "2026-09-01", locale="en").label == \
        "1 August 2026 - 1 September 2026"


@pytest.mark.parametrize("args,code", [
    (("month", ""), "bad_month"), (("month", None), "bad_month"), (("month", "2026/11"), "bad_month"),
    (("month", "11-2026"), "bad_month"), (("month", "2026-11-01"), "bad_month"), (("month", "0001-01"), "bad_month"),
    (("quarter", "2026-4"), "bad_quarter"), (("quarter", "2026-Q"), "bad_quarter"), (("quarter", "Q4-2026"), "bad_quarter"),
    (("quarter", "2026-X4"), "bad_quarter"),
    (("range", "", "", "2026-11-01"), "bad_date"), (("range", "", "2026-11-01", None), "bad_date"),
    (("range", "", "2026-02-30", "2026-03-01"), "bad_date"),
    (("year", "2026"), "unknown_kind"),
])
def test_form_input_that_is_not_a_period_is_refused_with_what_was_wrong(args, code):
    with pytest.raises(PeriodError) as refused:
        parse_period(*args)
    assert refused.value.code == code


# --- the document description ------------------------------------------------------------------------

def spec(rows=(), **fields) -> DocumentSpec:
    values = dict(title="Formulir Pencatatan Uji", columns=["No.", "Nama", "Instansi"], rows=list(rows))
    values.update(fields)
    return DocumentSpec(**values)


def test_a_document_needs_one_width_hint_and_one_cell_per_column():
    with pytest.raises(ValueError, match="width"):
        spec(widths=[1, 2])
    with pytest.raises(ValueError, match="cell"):
        spec(rows=[["1", "Sari"]])
    assert spec(widths=[1, 2, 3]).relative_widths() == [1 / 6, 2 / 6, 3 / 6]
    assert spec().relative_widths() == [1 / 3, 1 / 3, 1 / 3]
    assert spec(widths=[0, 0, 0]).relative_widths() == [0, 0, 0]


def test_the_lpse_and_the_place_and_date_lines():
    assert spec(lpse_name="Kota Salatiga").lpse_line == "LPSE: Kota Salatiga"
    assert spec().lpse_line == ""
    assert spec(place="Salatiga", signed_on=date(2026, 8, 17)).place_date_line == "Salatiga, 17 Agustus 2026"
    assert spec(signed_on=date(2026, 8, 17)).place_date_line == "17 Agustus 2026"
    assert spec(place="Salatiga").place_date_line == "Salatiga"
    assert spec().place_date_line == ""


@pytest.mark.parametrize("fields,name", [
    ({"file_stem": "Formulir Remote 2026-11"}, "formulir-remote-2026-11.xlsx"),
    ({"title": "Buku Tamu: LPSE (Salatiga)!"}, "buku-tamu-lpse-salatiga.xlsx"),
    ({"title": "---"}, "dokumen.xlsx"), ({"title": "Ñ"}, "dokumen.xlsx"),
])
def test_a_download_name_is_plain_lowercase_words(fields, name):
    assert spec(**fields).filename("xlsx") == name


def test_the_signature_block_reads_jabatan_nama_pangkat_nip():
    full = Signatory("Kepala Sub Bagian Pengelolaan LPSE", "Nama Pejabat Uji", "Penata (III/c)", "198001012005011001")
    assert full.lines() == ["Nama Pejabat Uji", "Penata (III/c)", "NIP. 198001012005011001"]
    blank = Signatory("Kepala Sub Bagian Pengelolaan LPSE").lines()
    assert len(blank) == 2  # no rank line when none is known
    assert blank[0].startswith("(.") and blank[0].endswith(".)") and set(blank[0][1:-1]) == {"."}
    assert blank[1].startswith("NIP. .") and set(blank[1][5:]) == {"."}


# --- CSV: the table only ---------------------------------------------------------------------------------

def test_csv_rows_end_with_crlf_as_spreadsheets_expect_and_hold_only_the_table():
    data = render_csv(spec([["1", "Sari, S.E.", "CV \"Maju\""]], subtitle="Periode", place="Salatiga"))
    text = data.decode("utf-8")
    assert text.startswith("\ufeffNo.,Nama,Instansi\r\n")
    assert text.endswith("\r\n") and text.count("\r\n") == 2
    assert list(csv.reader(io.StringIO(text.lstrip("\ufeff")))) == [["No.", "Nama", "Instansi"],
                                                                    ["1", "Sari, S.E.", "CV \"Maju\""]]


# --- XLSX: the paper form, ready to print ---------------------------------------------------------------------

def workbook(document: DocumentSpec):
    return openpyxl.load_workbook(io.BytesIO(render_xlsx(document))).active


SIGNED = dict(subtitle="Periode: November 2026", lpse_name="Kota Salatiga", place="Salatiga",
              signed_on=date(2026, 11, 30), summary=["Jumlah: 2", "Ditutup: 1"],
              signatory=Signatory("Kepala Sub Bagian Pengelolaan LPSE", "Nama Pejabat Uji", "Penata (III/c)",
                                  "198001012005011001"))


def test_the_xlsx_title_spans_the_table_in_bold_above_the_period_and_the_lpse():
    ws = workbook(spec([["1", "Sari", "CV Contoh"]], **SIGNED))
    assert ws["A1"].value == "Formulir Pencatatan Uji"
    assert ws["A1"].font.b and ws["A1"].font.sz > 11
    # Centred over the table's width: merged, or "centre across selection" (a streamed sheet cannot merge).
    assert "A1:C1" in spanned(ws) and centred(ws["A1"])
    assert (ws["A2"].value, ws["A3"].value) == ("Periode: November 2026", "LPSE: Kota Salatiga")
    assert not ws["A2"].font.b and ws["A2"].alignment.horizontal in ("left", "general", None)
    assert "A2:C2" not in spanned(ws)
    assert ws["A4"].value is None  # one empty row before the table


def test_the_xlsx_header_row_is_bold_shaded_boxed_and_repeated_on_every_printed_page():
    ws = workbook(spec([["1", "Sari", "CV Contoh"]], **SIGNED))
    header = [ws.cell(row=5, column=c) for c in (1, 2, 3)]
    assert [c.value for c in header] == ["No.", "Nama", "Instansi"]
    for cell in header:
        assert cell.font.b and cell.fill.fill_type == "solid" and cell.fill.fgColor.rgb.endswith("E6E6E6")
        assert cell.border.left.style == cell.border.right.style == cell.border.top.style == \
            cell.border.bottom.style == "thin"
        assert cell.alignment.horizontal == "center" and cell.alignment.wrap_text
    assert ws.print_title_rows == "$5:$5"
    assert ws.freeze_panes == "A6"


def test_xlsx_data_cells_are_boxed_and_wrapped_with_the_number_column_centred():
    ws = workbook(spec([["1", "Sari", "CV Contoh"], ["2", "Budi", "PT Uji"]], **SIGNED))
    assert [[c.value for c in row] for row in ws.iter_rows(min_row=6, max_row=7, max_col=3)] == \
        [["1", "Sari", "CV Contoh"], ["2", "Budi", "PT Uji"]]
    for row in ws.iter_rows(min_row=6, max_row=7, max_col=3):
        for cell in row:
            assert cell.border.left.style == "thin" and cell.alignment.wrap_text
            assert cell.alignment.vertical == "top"
        assert row[0].alignment.horizontal == "center" and row[1].alignment.horizontal is None


def test_xlsx_centres_the_columns_the_document_asks_for():
    ws = workbook(spec([["1", "Sari", "CV Contoh"]], centered=(0, 2)))
    assert [ws.cell(row=4, column=c).alignment.horizontal for c in (1, 2, 3)] == ["center", None, "center"]


def test_xlsx_summary_and_signature_sit_under_the_table_at_the_right():
    ws = workbook(DocumentSpec(title="Formulir Pencatatan Uji", columns=["No.", "Nama", "Instansi", "Username", "Hak Akses"],
                               rows=[["1", "Sari", "CV Contoh", "sari", "Hanya baca"]], **SIGNED))
    cells = {c.coordinate: c for row in ws.iter_rows() for c in row if c.value is not None}
    # table: header row 5, one data row 6; an empty row; the summary lines; an empty row; the signature
    assert (cells["A8"].value, cells["A9"].value) == ("Jumlah: 2", "Ditutup: 1")
    assert "C11" in cells and cells["C11"].value == "Salatiga, 30 November 2026"
    expected = ["Salatiga, 30 November 2026", "Kepala Sub Bagian Pengelolaan LPSE", None, None, None,
                "Nama Pejabat Uji", "Penata (III/c)", "NIP. 198001012005011001"]
    assert [ws.cell(row=11 + i, column=3).value for i in range(8)] == expected
    merged = spanned(ws)
    assert all(f"C{11 + i}:E{11 + i}" in merged for i in range(8) if ws.cell(row=11 + i, column=3).value)
    name = ws["C16"]
    assert name.font.b and name.font.u == "single"
    for i in (0, 1, 6, 7):
        cell = ws.cell(row=11 + i, column=3)
        assert not cell.font.b and not cell.font.u and centred(cell)
    for i in (2, 3, 4):
        assert not ws.cell(row=11 + i, column=3).font.b


def test_xlsx_signature_of_a_narrow_table_starts_in_the_first_column():
    ws = workbook(spec([["1", "Sari", "CV Contoh"]], **SIGNED))
    # 3 columns: the block takes columns A to C, the whole width
    rows = {c.value: c.coordinate for row in ws.iter_rows() for c in row if c.value}
    assert rows["Salatiga, 30 November 2026"].startswith("A")
    assert rows["NIP. 198001012005011001"].startswith("A")
    narrow = workbook(DocumentSpec(title="T", columns=["Nama"], rows=[["Sari"]], place="Salatiga"))
    assert narrow["A7"].value == "Salatiga" and not spanned(narrow)


def test_xlsx_without_a_signatory_prints_only_place_and_date():
    ws = workbook(spec([["1", "Sari", "CV Contoh"]], place="Salatiga", signed_on=date(2026, 11, 30)))
    values = [c.value for row in ws.iter_rows() for c in row if c.value]
    assert values[-1] == "Salatiga, 30 November 2026" and not any(str(v).startswith("NIP") for v in values)
    assert not ws.cell(row=ws.max_row, column=1).font.b


def test_xlsx_of_an_empty_period_says_so_across_the_table_in_a_box():
    ws = workbook(spec([], **SIGNED))
    assert ws["A6"].value == "Tidak ada data pada periode ini." and centred(ws["A6"])
    assert "A6:C6" in spanned(ws)
    assert ws["A6"].border.left.style == "thin" and ws["A6"].border.top.style == "thin"
    assert ws["A8"].value == "Jumlah: 2"
    one_column = workbook(DocumentSpec(title="T", columns=["Nama"], rows=[]))
    assert one_column["A4"].value == "Tidak ada data pada periode ini." and not spanned(one_column)


def test_xlsx_prints_on_a4_fitted_to_the_page_width_with_page_numbers():
    for orientation in ("landscape", "portrait"):
        ws = workbook(spec([["1", "Sari", "CV Contoh"]], orientation=orientation))
        setup = ws.page_setup
        # paper size 9 is A4 in the spreadsheet standard (ECMA-376)
        assert (setup.orientation, str(setup.paperSize), setup.fitToWidth, setup.fitToHeight) == \
            (orientation, "9", 1, 0)
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert ws.oddFooter.right.text == "Halaman &P dari &N"


def test_xlsx_columns_share_the_page_width_by_their_hints():
    hints = [1, 4, 5]
    wide = workbook(spec([["1", "Sari", "CV Contoh"]], widths=hints, orientation="landscape"))
    tall = workbook(spec([["1", "Sari", "CV Contoh"]], widths=hints, orientation="portrait"))
    wide_widths = [wide.column_dimensions[c].width for c in "ABC"]
    tall_widths = [tall.column_dimensions[c].width for c in "ABC"]
    assert wide_widths[2] / wide_widths[1] == pytest.approx(5 / 4, rel=0.01)
    assert sum(wide_widths) > sum(tall_widths)  # a landscape page is wider
    tiny = workbook(spec([["1", "Sari", "CV Contoh"]], widths=[0.01, 10, 10]))
    assert tiny.column_dimensions["A"].width >= 5  # never too narrow to read a number


def test_xlsx_drops_control_characters_that_excel_cannot_hold_but_keeps_line_breaks():
    ws = workbook(spec([["1", "Sari\x00\x07 Uji\nBaris dua", "CV\x1f Contoh\tTab"]], subtitle="Periode\x0b"))
    assert ws["A2"].value == "Periode"
    assert (ws["B5"].value, ws["C5"].value) == ("Sari Uji\nBaris dua", "CV Contoh\tTab")


def test_xlsx_sheet_and_file_carry_the_documents_name():
    ws = workbook(spec([["1", "Sari", "CV Contoh"]], file_stem="formulir-remote-akses-2026-11-sangat-panjang-sekali"))
    assert ws.title == "formulir-remote-akses-2026-11-s"  # Excel allows 31 characters
    assert workbook(spec([["1", "Sari", "CV Contoh"]])).title == "Formulir"
    wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(spec([["1", "Sari", "CV Contoh"]]))))
    assert (wb.properties.title, wb.properties.creator) == ("Formulir Pencatatan Uji", "LPSE desk")


# --- PDF ---------------------------------------------------------------------------------------------------

def pdf(document: DocumentSpec) -> PdfReader:
    return PdfReader(io.BytesIO(render_pdf(document)))


def test_pdf_is_a4_landscape_or_portrait_as_asked():
    a4 = (595, 842)  # points, 210 x 297 mm
    wide = pdf(spec([["1", "Sari", "CV Contoh"]])).pages[0].mediabox
    tall = pdf(spec([["1", "Sari", "CV Contoh"]], orientation="portrait")).pages[0].mediabox
    assert (round(float(wide.width)), round(float(wide.height))) == (a4[1], a4[0])
    assert (round(float(tall.width)), round(float(tall.height))) == a4


def test_pdf_keeps_line_breaks_inside_a_cell_and_prints_markup_as_text():
    reader = pdf(spec([["1", "Sari <b>Uji</b>\nBaris dua", "CV & Rekan"]]))
    text = reader.pages[0].extract_text()
    assert "Sari <b>Uji</b>\nBaris dua" in text and "CV & Rekan" in text


def test_pdf_metadata_names_the_document():
    reader = pdf(spec([], subtitle="Periode: November 2026"))
    assert (reader.metadata.title, reader.metadata.author, reader.metadata.subject) == \
        ("Formulir Pencatatan Uji", "LPSE desk", "Periode: November 2026")


def test_pdf_page_numbers_follow_the_documents_own_words():
    reader = pdf(spec([], page_label="Page {page} of {total}"))
    assert "Page 1 of 1" in reader.pages[0].extract_text()


def test_pdf_signature_block_reads_top_to_bottom_at_the_right():
    reader = pdf(spec([["1", "Sari", "CV Contoh"]], **SIGNED))
    page = reader.pages[0]
    found: dict[str, tuple[float, float]] = {}

    def visit(text, cm, tm, font, size):
        if text.strip():  # where the text starts on the page: the text matrix moved by the page's matrix
            x, y = tm[4], tm[5]
            found.setdefault(text.strip(), (cm[0] * x + cm[2] * y + cm[4], cm[1] * x + cm[3] * y + cm[5]))

    page.extract_text(visitor_text=visit)
    order = ["Salatiga, 30 November 2026", "Kepala Sub Bagian Pengelolaan LPSE", "Nama Pejabat Uji",
             "Penata (III/c)", "NIP. 198001012005011001"]
    heights = [found[line][1] for line in order]
    assert heights == sorted(heights, reverse=True)  # each line below the one before
    width = float(page.mediabox.width)
    assert all(found[line][0] > width / 2 for line in order)  # in the right-hand part of the page
    assert found["Kepala Sub Bagian Pengelolaan LPSE"][1] - found["Nama Pejabat Uji"][1] > 40  # room to sign
    assert found["Jumlah: 2"][1] > found["Salatiga, 30 November 2026"][1]


def test_xlsx_of_a_two_column_form_still_spans_title_signature_and_empty_notice_across_both():
    two = dict(title="Daftar", columns=["No.", "Nama"], place="Salatiga", signed_on=date(2026, 11, 30))
    ws = workbook(DocumentSpec(rows=[], **two))
    merged = spanned(ws)
    # title row 1, header row 3, the notice row 4, then place and date two rows under the table
    assert {"A1:B1", "A4:B4", "A7:B7"} <= merged
    assert ws["A7"].value == "Salatiga, 30 November 2026"


def test_xlsx_header_text_sits_in_the_middle_of_its_cell_and_lines_under_the_title_are_body_size():
    ws = workbook(spec([["1", "Sari", "CV Contoh"]], **SIGNED))
    assert ws["A5"].alignment.vertical == "center"
    body = ws["B6"].font.sz  # a data cell: the workbook's body text size
    assert ws["A2"].font.sz == ws["A3"].font.sz == ws["A8"].font.sz == body


def placed(reader: PdfReader, page: int = 0) -> dict[str, tuple[float, float, str]]:
    """Each piece of text on a page with where it starts (x, y in points) and its font."""
    found: dict[str, tuple[float, float, str]] = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            x, y = tm[4], tm[5]
            name = str((font or {}).get("/BaseFont", ""))
            found.setdefault(text.strip(), (cm[0] * x + cm[2] * y + cm[4], cm[1] * x + cm[3] * y + cm[5], name))

    reader.pages[page].extract_text(visitor_text=visit)
    return found


def test_pdf_title_and_header_are_bold_and_the_number_column_is_centred():
    rows = [["1", "Sari", "CV Contoh"]]
    centred = placed(pdf(spec(rows, widths=[2, 2, 2])))
    left = placed(pdf(spec(rows, widths=[2, 2, 2], centered=())))
    assert "Bold" in centred["Formulir Pencatatan Uji"][2] and "Bold" in centred["Nama"][2]
    assert "Bold" not in centred["Sari"][2]
    assert centred["1"][0] > left["1"][0] + 30  # a centred number stands well inside its column
    assert centred["Sari"][0] == pytest.approx(left["Sari"][0])


def test_pdf_columns_share_the_width_by_their_hints():
    at = placed(pdf(spec([["1", "Sari", "CV Contoh"]], widths=[1, 2, 2], centered=())))
    first, second, third = at["1"][0], at["Sari"][0], at["CV Contoh"][0]
    assert third - second == pytest.approx(2 * (second - first), rel=0.02)


def test_pdf_title_is_centred_on_the_page_and_the_page_number_sits_at_the_bottom_right():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from lpsedesk.exports.pdf import fonts

    reader = pdf(spec([], title="Judul"))
    width = float(reader.pages[0].mediabox.width)
    at = placed(reader)
    notice = "Tidak ada data pada periode ini."
    # the notice spans the whole table, so it is centred on the page (within a few points)
    notice_width = stringWidth(notice, fonts()[0], 8.5)
    assert at[notice][0] + notice_width / 2 == pytest.approx(width / 2, abs=6)
    assert abs(at["Judul"][0] + stringWidth("Judul", fonts()[1], 13) / 2 - width / 2) < 12
    x, y, _ = at["Halaman 1 dari 1"]
    assert width / 2 < x < width - 20 and 10 < y < 40


def test_pdf_leaves_an_empty_cell_empty():
    text = pdf(spec([["1", "", "CV Contoh"]])).pages[0].extract_text()
    assert "CV Contoh" in text and "XX" not in text


def test_pdf_signature_block_appears_with_whatever_part_of_it_is_known():
    signatory = Signatory("Kepala Sub Bagian Pengelolaan LPSE", "Nama Pejabat Uji")
    only_signatory = pdf(spec([], signatory=signatory)).pages[0].extract_text()
    assert "Kepala Sub Bagian Pengelolaan LPSE" in only_signatory and "Nama Pejabat Uji" in only_signatory
    only_place = pdf(spec([], place="Salatiga", signed_on=date(2026, 11, 30))).pages[0].extract_text()
    assert "Salatiga, 30 November 2026" in only_place and "NIP" not in only_place
    neither = pdf(spec([])).pages[0].extract_text()
    assert "NIP" not in neither and "Kepala" not in neither


def test_pdf_repeats_only_the_header_row_on_each_page():
    rows = [[str(i), f"Peserta {i:03d}", "Instansi Uji"] for i in range(1, 121)]
    reader = pdf(spec(rows, orientation="portrait"))
    assert len(reader.pages) > 1
    for page in reader.pages[1:]:
        text = page.extract_text()
        assert "Nama" in text and "Peserta 001" not in text


def test_a_long_csv_is_sent_in_pieces_while_its_rows_are_still_being_read():
    # Issue 16: an export of a long period streams; the first piece leaves before the last row is
    # read, no piece holds more than a few hundred rows, and the pieces join to every row once.
    from lpsedesk.exports.csvfile import iter_csv

    read: list[int] = []

    def rows():
        for number in range(1, 1301):
            read.append(number)
            yield [str(number), f"Pengunjung {number}"]

    pieces = []
    for piece in iter_csv(DocumentSpec(title="Uji", columns=["No.", "Nama"], rows=rows())):
        pieces.append((len(read), piece))
    assert len(pieces) >= 3 and pieces[0][0] < 1300, "the first piece waited for every row"
    assert all(piece.count(b"\r\n") <= 600 for _, piece in pieces)
    text = b"".join(piece for _, piece in pieces).decode("utf-8")
    assert text == "\ufeffNo.,Nama\r\n" + "".join(f"{n},Pengunjung {n}\r\n" for n in range(1, 1301))


def _png(width: int = 300, height: int = 100) -> bytes:
    from PIL import Image as PILImage

    out = io.BytesIO()
    PILImage.new("RGB", (width, height), "white").save(out, "PNG")
    return out.getvalue()


def test_each_signature_sits_in_its_own_rows_signature_cell_of_the_workbook():
    # The guest book's XLSX: a visitor's signature is a picture in that visitor's row, in the
    # signature column, which is wide and tall enough to show it; a row without one keeps its text.
    asked = []

    def signatures(index, row):
        asked.append((index, row[1]))
        return None if row[1] == "Budi" else _png()

    document = spec(rows=[["1", "Ani", "ditandatangani"], ["2", "Budi", "tidak ada"], ["3", "Citra", ""]],
                    columns=["No.", "Nama", "Tanda tangan"], picture_column=2)
    sheet = openpyxl.load_workbook(io.BytesIO(render_xlsx(document, signatures))).active
    assert asked == [(0, "Ani"), (1, "Budi"), (2, "Citra")]
    row_of = {c.value: c.row for line in sheet.iter_rows() for c in line if c.column == 2 and c.value}
    anchored = sorted((image.anchor._from.col, image.anchor._from.row + 1) for image in sheet._images)
    assert anchored == [(2, row_of["Ani"]), (2, row_of["Citra"])]  # column C, the visitor's own row
    assert sheet.cell(row_of["Budi"], 3).value == "tidak ada"
    assert not sheet.cell(row_of["Ani"], 3).value, "the picture replaces the cell's text"
    assert sheet.column_dimensions["C"].width >= 22  # a 120 px thumbnail fits
    assert all(sheet.row_dimensions[row_of[name]].height >= 30 for name in ("Ani", "Citra"))  # 40 px tall


def test_without_a_picture_source_the_workbook_keeps_every_cells_text_and_has_no_picture():
    document = spec(rows=[["1", "Ani", "ada"]], columns=["No.", "Nama", "Tanda tangan"], picture_column=2)
    sheet = openpyxl.load_workbook(io.BytesIO(render_xlsx(document))).active
    assert sheet._images == [] and "ada" in {c.value for line in sheet.iter_rows() for c in line}


def _drawn_pictures(pdf: bytes) -> list[tuple[float, float]]:
    """(width, height) in points of every picture drawn on the PDF's pages (the `cm` before `Do`)."""
    import re

    sizes = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        content = page.get_contents().get_data().decode("latin-1")
        for w, h in re.findall(r"([\d.]+) 0 0 ([\d.]+) [\d.-]+ [\d.-]+ cm\s*/\S+ Do", content):
            sizes.append((float(w), float(h)))
    return sizes


def test_each_signature_is_drawn_in_the_pdf_small_and_undistorted():
    # The guest book's PDF: one picture per signed row, scaled into a signature cell of about
    # 24 x 8 mm (68 x 23 pt) whatever the picture's own size, keeping its proportions.
    document = spec(rows=[["1", "Ani", ""], ["2", "Budi", "tidak ada"], ["3", "Citra", ""]],
                    columns=["No.", "Nama", "Tanda tangan"], picture_column=2)
    wide, tall = _png(600, 100), _png(100, 100)
    pdf = render_pdf(document, lambda index, row: {"Ani": wide, "Citra": tall}.get(row[1]))
    sizes = _drawn_pictures(pdf)
    assert len(sizes) == 2
    (w1, h1), (w2, h2) = sizes
    assert 60 <= w1 <= 70 and abs(w1 / h1 - 6) < 0.05  # the wide one fills the width
    assert 20 <= h2 <= 24 and abs(w2 / h2 - 1) < 0.05  # the square one fills the height
    assert "tidak ada" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_an_empty_value_is_an_empty_cell_in_every_format():
    from lpsedesk.exports.cells import csv_text, set_xlsx_text

    assert (csv_text(None), csv_text(0), csv_text("")) == ("", "0", "")
    sheet = openpyxl.Workbook().active
    assert set_xlsx_text(sheet["A1"], None).value in ("", None)
    assert set_xlsx_text(sheet["A2"], 0).value == "0"
    document = spec(rows=[[str(n), f"Nama {n}", ""] for n in range(1, 1201)])
    expected = "\ufeffNo.,Nama,Instansi\r\n" + "".join(f"{n},Nama {n},\r\n" for n in range(1, 1201))
    assert render_csv(document) == expected.encode("utf-8"), "header and every row, nothing between the pieces"
