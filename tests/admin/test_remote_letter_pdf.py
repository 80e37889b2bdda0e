"""A letter that says it is a PDF must be one, with nothing that runs when it is opened: HTML dressed
as a PDF, JavaScript, open actions (also hidden by #xx escapes or in a compressed object stream)
are refused with a clear message and nothing is stored (issue 12)."""
from __future__ import annotations

import io
import zlib

import pytest
from reportlab.pdfgen import canvas

from admin.remote.letters import LetterError, clean_letter
from lpsedesk.extensions import db

from ..conftest import logged_in_client
from .test_remote_flow import people  # noqa: F401 (fixture)
from .test_remote_support import record


def scanned_letter() -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 720, "Surat permohonan remote akses (sintetis)")
    page.save()
    return out.getvalue()


def pdf_with(catalog_extra: bytes, extra_objects: bytes = b"") -> bytes:
    return (b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R " + catalog_extra + b" >> endobj\n"
            b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n" + extra_objects +
            b"trailer << /Root 1 0 R >>\n%%EOF\n")


def object_stream(content: bytes) -> bytes:
    packed = zlib.compress(content)
    return (b"3 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length " + str(len(packed)).encode()
            + b" >>\nstream\n" + packed + b"\nendstream\nendobj\n")


HOSTILE = {
    "html": b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n",
    "open_action_js": pdf_with(b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"),
    "escaped_name": pdf_with(b"/OpenAction << /S /J#61vaScript /JS (app.alert(1)) >>"),
    "names_tree_js": pdf_with(b"/Names << /JavaScript 4 0 R >>"),
    "launch": pdf_with(b"/AA << /O << /S /Launch /F (cmd.exe) >> >>"),
    "hidden_in_object_stream": pdf_with(b"", object_stream(b"4 0 << /S /JavaScript /JS (app.alert(1)) >>")),
}


def test_a_plain_pdf_letter_is_kept_as_sent():
    data = scanned_letter()
    assert clean_letter(data) == (data, "application/pdf")


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_pdf_that_is_html_or_carries_active_content_is_refused(name):
    with pytest.raises(LetterError) as caught:
        clean_letter(HOSTILE[name])
    assert caught.value.code == ("bad_type" if name == "html" else "active_pdf")


def test_uploading_a_pdf_with_javascript_says_why_and_stores_nothing(app, people):
    admin = logged_in_client(app, "ani")
    response = record(admin, letter=HOSTILE["open_action_js"], filename="surat.pdf")
    assert response.status_code == 400 and "skrip" in response.get_data(as_text=True)
    with app.app_context():
        assert list(app.extensions["storage"].keys()) == []
        db.session.remove()
