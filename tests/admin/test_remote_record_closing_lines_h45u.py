"""h45u: the printed record of a remote-access request (SOP 2: the Admin closes the account when the
work is done and notes it) joined how the account was closed and the Admin's note in one sentence,
"Pekerjaan selesai. Pekerjaan sudah selesai ...", read twice over. As the request's page says them
(h44u), the record says how it ended ("Pekerjaan selesai") and, on a line of its own, "Catatan
penutupan: <note>": in the PDF, read back as the reader reads it (pdftotext), and on the printable page."""
from __future__ import annotations

import re
import shutil
import subprocess
from datetime import datetime, timezone

import pytest

from .. import factories
from ..conftest import logged_in_client
from .test_remote_flow import people  # noqa: F401 (fixture)

GIVEN = datetime(2026, 11, 3, 3, tzinfo=timezone.utc)   # 3 November 2026 10.00 WIB
CLOSED = datetime(2026, 11, 4, 3, tzinfo=timezone.utc)  # 4 November 2026 10.00 WIB
NOTE = "Pekerjaan sudah selesai, dikonfirmasi lewat telepon"

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")


def _closed(app, kind: str, note: str | None) -> int:
    with app.app_context():
        return factories.remote_request(status="closed", username=f"tutup{kind}", close_kind=kind,
                                        granted_at=GIVEN, closed_at=CLOSED, close_note=note).id


def _keterangan(app, tmp_path, rid: int) -> list[str]:
    """The "Keterangan" column of the "Penutupan akun" row, line by line, as pdftotext lays the page out:
    the text between the step's column and the time's ("4 November 2026" / "10:00 WIB")."""
    pdf = tmp_path / "catatan.pdf"
    pdf.write_bytes(logged_in_client(app, "ani").get(f"/admin/remote/{rid}/record.pdf").data)
    lines = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("Penutupan akun"))
    step, first, when = re.split(r"\s{2,}", lines[row].strip())[:3]
    assert step == "Penutupan akun" and when == "4 November 2026", lines[row]
    start, end = lines[row].index(first), lines[row].index(when)
    cell = [first]
    for line in lines[row + 1:]:
        if line[:start].strip() or not line[start:end].strip():
            break  # the row ended: the next row's step, or a line with nothing in this column
        cell.append(line[start:end].strip())
    return cell

def test_the_record_says_how_the_account_was_closed_and_the_note_on_a_line_of_its_own(app, people, tmp_path):
    cell = _keterangan(app, tmp_path, _closed(app, "finished", NOTE))
    assert cell[0] == "Pekerjaan selesai", cell
    assert " ".join(cell[1:]) == f"Catatan penutupan: {NOTE}", cell


def test_the_printable_page_says_them_apart_too(app, people):
    rid = _closed(app, "finished", NOTE)
    html = logged_in_client(app, "ani").get(f"/admin/remote/{rid}/print").get_data(as_text=True)
    assert f"Pekerjaan selesai<br>Catatan penutupan: {NOTE}" in html
    assert "Pekerjaan selesai." not in html


def test_a_closing_without_a_note_says_only_how_it_ended(app, people, tmp_path):
    cell = _keterangan(app, tmp_path, _closed(app, "expired", None))
    assert cell == ["Ditutup setelah batas waktu"], cell
