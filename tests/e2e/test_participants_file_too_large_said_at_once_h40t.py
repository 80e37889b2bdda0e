"""h40t: a participants' file over its 2 MB (docs/invitations.md) is said beside the field as soon as it is
chosen, before anything is sent, as the letter's is (h40s): sent, a file past what the server reads at
all (four times MAX_UPLOAD_MB) got the server's one plain sentence instead of the import form, and the
event's name and window typed on it were only where the browser's Back button kept them. The server
still checks what is sent (tests/admin/test_file_over_the_body_limit_h40s.py)."""
from __future__ import annotations

import pytest

from .axe import axe_source, violations
from .test_staff_flow import close_pages
from .test_staff_phone_stranger import _phone

THREE_MB = b"NAMA,NIK,PONSEL,INSTANSI,KATEGORI\n" + b"0" * (3 * 1024 * 1024)
SMALL = b"NAMA,NIK,PONSEL,INSTANSI,KATEGORI\nSiti Peserta,,081234567890,Dinas PU,penyedia\n"


@pytest.mark.parametrize(("size", "name"), [({"width": 360, "height": 640}, "360x640"),
                                            ({"width": 1366, "height": 768}, "1366x768")])
def test_a_participants_file_over_2_mb_is_said_beside_the_field_before_anything_is_sent(
        app, live_server, browser, make_user, size, name):
    make_user("heni", "helpdesk", name="Heni Helpdesk")
    page = _phone(browser, live_server, "heni")
    page.set_viewport_size(size)
    page.goto(f"{live_server}/admin/invitations/import")
    page.locator("input[name=event_name]").fill("Pelatihan SPSE 4.6")
    sent = []
    page.on("request", lambda r: sent.append(r.url) if r.method == "POST" else None)

    participants = page.locator("input[name=participants]")
    participants.set_input_files({"name": "peserta-besar.csv", "mimeType": "text/csv", "buffer": THREE_MB})
    said = page.locator(".file-pick [data-file-too-large]")
    assert "Berkas terlalu besar (paling besar 2 MB)." in said.inner_text()
    assert participants.evaluate("(el) => el.files.length") == 0  # not chosen: the form cannot send it
    assert participants.get_attribute("aria-invalid") == "true"
    assert page.locator("input[name=event_name]").input_value() == "Pelatihan SPSE 4.6"
    assert sent == []
    said.scroll_into_view_if_needed()
    page.screenshot(path=f"/tmp/h40t/participants-over-2mb-{name}.png")
    assert violations(page, axe_source()) == []

    # a file within the limit: the message goes
    participants.set_input_files({"name": "peserta.csv", "mimeType": "text/csv", "buffer": SMALL})
    assert said.count() == 0 or said.inner_text().strip() == ""
    assert participants.get_attribute("aria-invalid") is None
    assert "peserta.csv" in page.locator(".file-pick [data-file-name]").inner_text()
    close_pages(page)
