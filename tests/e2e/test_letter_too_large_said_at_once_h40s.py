"""h40s: a scanned letter over its 5 MB (docs/remote.md) is said beside the field as soon as it is chosen,
before anything is sent: sent, a file past what the server reads at all (four times MAX_UPLOAD_MB) got
the server's one plain sentence instead of the form, and the typed fields were only where the browser's
Back button kept them. The server still checks what is sent
(tests/admin/test_file_over_the_body_limit_h40s.py)."""
from __future__ import annotations

import pytest

from .file_too_large import said_at_once_and_not_sent
from .test_staff_flow import close_pages
from .test_staff_phone_stranger import _phone

SIX_MB = b"%PDF-1.4\n" + b"0" * (6 * 1024 * 1024)
SMALL = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.mark.parametrize(("size", "name"), [({"width": 360, "height": 640}, "360x640"),
                                            ({"width": 1366, "height": 768}, "1366x768")])
def test_a_letter_over_5_mb_is_said_beside_the_field_before_anything_is_sent(app, live_server, browser, make_user,
                                                                              size, name):
    make_user("ani", "admin", name="Ani Admin")
    page = _phone(browser, live_server, "ani")
    page.set_viewport_size(size)
    page.goto(f"{live_server}/admin/remote/new")
    page.locator("input[name=requester_name]").fill("Wulan Pemohon")
    said_at_once_and_not_sent(
        page, "letter", {"name": "surat-besar.pdf", "mimeType": "application/pdf", "buffer": SIX_MB},
        {"name": "surat.pdf", "mimeType": "application/pdf", "buffer": SMALL}, "lebih dari 5 MB",
        ("requester_name", "Wulan Pemohon"), f"/tmp/h40s/letter-over-5mb-{name}.png")
    close_pages(page)
