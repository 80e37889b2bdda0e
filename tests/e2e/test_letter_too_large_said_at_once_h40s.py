"""h40s: a scanned letter over its 5 MB (docs/remote.md) is said beside the field as soon as it is chosen,
before anything is sent: sent, a file past what the server reads at all (four times MAX_UPLOAD_MB) got
the server's one plain sentence instead of the form, and the typed fields were only where the browser's
Back button kept them. The server still checks what is sent
(tests/admin/test_file_over_the_body_limit_h40s.py)."""
from __future__ import annotations

import pytest

from .axe import axe_source, violations
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
    sent = []
    page.on("request", lambda r: sent.append(r.url) if r.method == "POST" else None)

    letter = page.locator("input[name=letter]")
    letter.set_input_files({"name": "surat-besar.pdf", "mimeType": "application/pdf", "buffer": SIX_MB})
    said = page.locator(".file-pick [data-file-too-large]")
    assert "lebih dari 5 MB" in said.inner_text()
    assert letter.evaluate("(el) => el.files.length") == 0  # not chosen: the form cannot send it
    assert letter.get_attribute("aria-invalid") == "true"
    assert "Belum ada berkas" in page.locator(".file-pick [data-file-name]").inner_text()
    assert page.locator("input[name=requester_name]").input_value() == "Wulan Pemohon"
    assert sent == []
    said.scroll_into_view_if_needed()
    page.screenshot(path=f"/tmp/h40s/letter-over-5mb-{name}.png")
    assert violations(page, axe_source()) == []

    # a letter within the limit: the message goes
    letter.set_input_files({"name": "surat.pdf", "mimeType": "application/pdf", "buffer": SMALL})
    assert said.count() == 0 or said.inner_text().strip() == ""
    assert letter.get_attribute("aria-invalid") is None
    assert "surat.pdf" in page.locator(".file-pick [data-file-name]").inner_text()
    close_pages(page)
