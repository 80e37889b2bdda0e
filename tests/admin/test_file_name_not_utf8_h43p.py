"""h43p: a file whose name comes in bytes that are not UTF-8 (a script, an old browser sending its own code
page) emptied the whole form: the server then said "the form has expired" (400), and everything typed was
gone. The README's rule for bad input: a clear message in the user's language and a 4xx, nothing lost, the
server keeps serving. So the name's problem is said beside the file field, with what was typed kept."""
from __future__ import annotations

import io

import pytest
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from lpsedesk.extensions import db
from lpsedesk.models import Invitation, RemoteAccessRequest

from ..conftest import csrf_from, logged_in_client
from .test_invitations import window
from .test_remote_support import pdf_letter, request_fields

SENT_NAME = b"surat-XX.pdf"
LATIN1_NAME = "surat-été.pdf".encode("latin-1")  # not UTF-8: \xe9 starts no UTF-8 sequence here
NAME_SAID = {"id": "Nama berkas tidak terbaca", "en": "name could not be read"}


def _post(client, path: str, form: dict, file_field: str, data: bytes, lang: str):
    form = {**form, "csrf_token": csrf_from(client, path), file_field: FileStorage(io.BytesIO(data), SENT_NAME.decode())}
    boundary, body = encode_multipart(MultiDict([(k, v) for k, vs in form.items()
                                                for v in (vs if isinstance(vs, list) else [vs])]))
    assert body.count(SENT_NAME) == 1
    return client.post(f"{path}?lang={lang}", data=body.replace(SENT_NAME, LATIN1_NAME),
                       content_type=f"multipart/form-data; boundary={boundary}")


def _count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_letter_named_in_other_bytes_is_said_beside_its_field_and_the_form_is_kept(app, make_user, lang):
    make_user("ani", "admin", name="Ani Admin")
    admin = logged_in_client(app, "ani")
    response = _post(admin, "/admin/remote/new", request_fields(requester_name="Wulan Pemohon",
                     letter_number="077/XYZ/XII/2026"), "letter", pdf_letter(), lang)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert NAME_SAID[lang] in page
    assert 'value="Wulan Pemohon"' in page and 'value="077/XYZ/XII/2026"' in page
    assert "kedaluwarsa" not in page and "expired" not in page
    assert "_held" not in page  # the letter is not held under a name nobody can read
    assert _count(app, RemoteAccessRequest) == 0
    assert admin.get("/admin/remote/new").status_code == 200


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_participants_file_named_in_other_bytes_is_said_on_the_form(app, make_user, lang):
    make_user("rina", "helpdesk")
    desk = logged_in_client(app, "rina")
    form = {"purpose": "training", "facility": "training_room", **window(), "event_name": "Pelatihan Probe 2026"}
    response = _post(desk, "/admin/invitations/import", form, "participants",
                     b"NAMA,PONSEL,INSTANSI,KATEGORI\nBudi,081234567890,Dinas,umum\n", lang)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert NAME_SAID[lang] in page
    assert 'value="Pelatihan Probe 2026"' in page
    assert _count(app, Invitation) == 0


def test_a_kiosk_photo_named_in_other_bytes_is_read_as_any_photo(app, client):
    # The kiosk never shows the name: a photo is a photo, so it is read, not refused
    from ..kiosk.conftest import API, enrol_client, jpeg
    import numpy as np

    kiosk = enrol_client(app, client)
    form = {"session": "test-session-1", "mode": "ktp", "capture": "1",
            "frame": FileStorage(io.BytesIO(jpeg(np.full((480, 640, 3), 200, np.uint8))), SENT_NAME.decode())}
    boundary, body = encode_multipart(MultiDict(list(form.items())))
    response = client.post(API + "/scan", data=body.replace(SENT_NAME, LATIN1_NAME), headers={"X-CSRFToken": kiosk.csrf},
                           content_type=f"multipart/form-data; boundary={boundary}")
    assert response.status_code == 200, response.get_data(as_text=True)


def test_a_werkzeug_without_its_private_helper_still_reads_every_upload(app, monkeypatch):
    """If a later Werkzeug drops what the name-keeping parser borrows, uploads still work (its own parser)."""
    from lpsedesk import multipart_names
    from lpsedesk.form_limits import FieldBoundedParser

    monkeypatch.setattr(multipart_names, "AVAILABLE", False)
    body = (b"--B\r\nContent-Disposition: form-data; name=\"nama\"\r\n\r\nSiti\r\n"
            b"--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.pdf\"\r\n"
            b"Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--B--\r\n")
    import io
    parser = FieldBoundedParser()
    _, form, files = parser.parse(io.BytesIO(body), "multipart/form-data", len(body), {"boundary": "B"})
    assert form["nama"] == "Siti"
    try:
        assert files["f"].filename == "a.pdf" and files["f"].read() == b"%PDF-1.4"
    finally:
        files["f"].close()
