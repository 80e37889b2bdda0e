"""CSV for spreadsheets: UTF-8 with a byte-order mark so Excel reads non-ASCII names correctly."""
from __future__ import annotations

import csv
import io

from .spec import DocumentSpec


def render_csv(spec: DocumentSpec) -> bytes:
    """The table only (header row, then data rows): CSV is for further processing, not for signing."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(spec.columns)
    for row in spec.rows:
        # A cell starting with = + - @ would run as a formula in Excel: quote it as text (CSV injection).
        writer.writerow(["'" + c if c[:1] in ("=", "+", "-", "@") and not _is_number(c) else c for c in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _is_number(cell: str) -> bool:
    try:
        float(cell)
        return True
    except ValueError:
        return False
