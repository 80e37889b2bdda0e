"""CSV for spreadsheets: UTF-8 with a byte-order mark so Excel reads non-ASCII names correctly."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from .cells import csv_text
from .spec import DocumentSpec

CHUNK_ROWS = 500  # rows per piece of a streamed download


def iter_csv(spec: DocumentSpec) -> Iterator[bytes]:
    """The table only (header row, then data rows), in pieces of CHUNK_ROWS rows: a download can
    stream it while the rows are still being read. CSV is for further processing, not for signing."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write("\ufeff")
    writer.writerow([csv_text(c) for c in spec.columns])
    for number, row in enumerate(spec.rows, start=1):
        writer.writerow([csv_text(c) for c in row])
        if number % CHUNK_ROWS == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def render_csv(spec: DocumentSpec) -> bytes:
    return b"".join(iter_csv(spec))
