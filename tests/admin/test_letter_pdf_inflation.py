"""A request letter's PDF costs a bounded effort to check, and nothing in it goes unchecked (sec3's
outside probe). README: a letter that says it is a PDF must be one, without JavaScript, open or
launch actions or embedded files. The check inflates compressed streams to search them; each stream
was cut at 20 MB, so a script placed after 20 MB of padding in an object stream was never seen, and
256 small streams of 20 MB each (a 5 MB file) cost 16 s of CPU per upload. Now a file holding more
than can be searched is refused with a message saying what to do; a real scanned page still passes."""
from __future__ import annotations

import time
import zlib
from pathlib import Path

import pytest

from admin.remote.letters import LetterError, clean_letter
from sqlalchemy import func, select

from lpsedesk import pdf_check
from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest

from ..conftest import logged_in_client
from .test_remote_flow import people  # noqa: F401 (fixture)
from .test_remote_letter_pdf import pdf_with, scanned_letter
from .test_remote_support import record


def stream(n: int, content: bytes, kind: bytes = b"/Type /ObjStm /N 1 /First 4") -> bytes:
    packed = zlib.compress(content, 9)
    return (b"%d 0 obj << %s /Filter /FlateDecode /Length %d >>\nstream\n" % (n, kind, len(packed))
            + packed + b"\nendstream\nendobj\n")


def script_after_padding() -> bytes:
    padding = b" " * (pdf_check.MAX_INFLATED + 1024)
    return pdf_with(b"", stream(3, padding + b"4 0 << /S /JavaScript /JS (app.alert(1)) >>"))


def many_small_bombs() -> bytes:
    one = stream(3, b"A" * (20 * 1024 * 1024))
    return pdf_with(b"", one * ((5 * 1024 * 1024 - 1024) // len(one)))


def test_a_script_behind_padding_is_not_let_through():
    with pytest.raises(pdf_check.PdfProblem):
        pdf_check.check_pdf(script_after_padding())


def test_a_file_of_many_inflating_streams_is_refused_quickly():
    data = many_small_bombs()
    assert len(data) <= 5 * 1024 * 1024  # within the upload limit
    started = time.process_time()
    with pytest.raises(pdf_check.PdfProblem) as refused:
        pdf_check.check_pdf(data)
    assert refused.value.code == "too_much"
    assert time.process_time() - started < 5


def test_a_colour_page_kept_lossless_still_passes():
    """An A4 page at 300 dpi in colour, Flate-compressed (26 MB inflated), as some scanners write."""
    page = stream(3, bytes(range(256)) * (2480 * 3508 * 3 // 256), b"/Type /XObject /Subtype /Image")
    pdf_check.check_pdf(pdf_with(b"", page))
    assert clean_letter(scanned_letter())[1] == "application/pdf"


def test_the_letter_form_says_what_to_do_and_stores_nothing(app, people):  # noqa: F811
    with pytest.raises(LetterError) as refused:
        clean_letter(many_small_bombs())
    assert refused.value.code == "unpacks_too_large"
    response = record(logged_in_client(app, "ani"), many_small_bombs())
    assert response.status_code == 400
    assert "jauh lebih banyak data" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(RemoteAccessRequest)) == 0
    assert not any(p.is_file() for p in Path(app.config["STORAGE_DIR"]).rglob("*"))
