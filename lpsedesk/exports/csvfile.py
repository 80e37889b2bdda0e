"""CSV for spreadsheets: UTF-8 with a byte-order mark so Excel reads non-ASCII names correctly."""
from __future__ import annotations

import csv
import io

from .cells import csv_text
from .spec import DocumentSpec


def render_csv(spec: DocumentSpec) -> bytes:
    """The table only (header row, then data rows): CSV is for further processing, not for signing."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([csv_text(c) for c in spec.columns])
    for row in spec.rows:
        writer.writerow([csv_text(c) for c in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
