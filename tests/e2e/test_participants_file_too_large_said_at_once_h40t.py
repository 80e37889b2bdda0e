"""h40t: a participants' file over its 2 MB (docs/invitations.md) is said beside the field as soon as it is
chosen, before anything is sent, as the letter's is (h40s): sent, a file past what the server reads at
all (four times MAX_UPLOAD_MB) got the server's one plain sentence instead of the import form, and the
event's name and window typed on it were only where the browser's Back button kept them. The server
still checks what is sent (tests/admin/test_file_over_the_body_limit_h40s.py)."""
from __future__ import annotations

import pytest

from .file_too_large import said_at_once_and_not_sent
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
    said_at_once_and_not_sent(
        page, "participants", {"name": "peserta-besar.csv", "mimeType": "text/csv", "buffer": THREE_MB},
        {"name": "peserta.csv", "mimeType": "text/csv", "buffer": SMALL}, "Berkas terlalu besar (paling besar 2 MB).",
        ("event_name", "Pelatihan SPSE 4.6"), f"/tmp/h40t/participants-over-2mb-{name}.png")
    close_pages(page)
