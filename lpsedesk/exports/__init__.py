"""Official documents (registers, forms, reports) as PDF, XLSX and CSV: plain Python, no Flask.

Describe the document once with a `DocumentSpec`, then render it in any format::

    from lpsedesk.exports import DocumentSpec, Signatory, render_pdf, render_xlsx, render_csv
    from lpsedesk.exports import month_period, indonesian_date

    period = month_period(2026, 11)                 # or quarter_period(2026, 4), range_period(d1, d2)
    spec = DocumentSpec(
        title="Formulir Pencatatan Pemberian Remote Akses",
        subtitle=f"Periode: {period.label}",        # "Periode: November 2026"
        lpse_name="Kota Salatiga",                   # printed as "LPSE: Kota Salatiga"
        columns=["No.", "Nama", "Instansi"],
        rows=[["1", "Bùi Thị Ánh", "PT Contoh"]],    # every cell a string
        widths=[0.6, 3, 3],                          # relative width hints, one per column (optional)
        place="Salatiga", signed_on=date(2026, 11, 30),   # "Salatiga, 30 November 2026"
        signatory=Signatory(title="Kepala Sub Bagian Pengelolaan LPSE", name="...", rank="...", nip="..."),
        orientation="landscape",                     # or "portrait" (A4 either way)
        summary=["Jumlah: 1"],                       # lines printed under the table (optional)
    )
    pdf: bytes = render_pdf(spec)     # reportlab; header row repeated on every page, wrapped cells,
                                      # "Halaman X dari Y" on each page, DejaVuSans when installed
    xlsx: bytes = render_xlsx(spec)   # openpyxl; title rows, bold header, widths, wrapped text,
                                      # frozen header, prints landscape/portrait fitted to the page width
    csv: bytes = render_csv(spec)     # UTF-8 with BOM (Excel opens it right); header row + data rows

Dates and periods (`dates.py`): `indonesian_date(date) -> "22 November 2026"`,
`indonesian_datetime(aware_dt) -> "22 November 2026 09:15 WIB"`, `Period(start, end, kind, label)`
with inclusive WIB dates and `utc_bounds()` -> [start, end) in UTC for database queries;
`parse_period(kind, value, start, end)` turns form/query input ("month" "2026-11", "quarter"
"2026-Q4", "range" with ISO dates) into a Period or raises `PeriodError` (a ValueError) whose
`.code` says what was wrong. Labels are Indonesian (the language of the office's documents);
pass `locale="en"` for English labels.

`spec.filename(ext)` gives a safe download name such as
"formulir-pencatatan-pemberian-remote-akses-2026-11.pdf" when `spec.file_stem` is set.
"""
from __future__ import annotations

from .csvfile import iter_csv, render_csv
from .dates import (
    Period, PeriodError, indonesian_date, indonesian_datetime, month_period, parse_period,
    quarter_period, range_period,
)
from .pdf import render_pdf
from .spec import DocumentSpec, Signatory
from .xlsx import render_xlsx, write_xlsx

__all__ = [
    "DocumentSpec", "Period", "PeriodError", "Signatory", "indonesian_date", "indonesian_datetime",
    "iter_csv", "month_period", "parse_period", "quarter_period", "range_period", "render_csv", "render_pdf",
    "render_xlsx", "write_xlsx",
]
