"""h40s: a staff form's file larger than the whole request may be (MAX_UPLOAD_MB, 8 MB) was refused before
the form was read: a bare page "Berkas terlalu besar." and everything typed on the form gone. A 9 MB
scanned letter is an ordinary scan (docs/remote.md: the letter's own limit is 5 MB, said beside the
field). The README's rule for bad input: a clear message in the user's language and a 4xx, nothing lost,
the server keeps serving. So the letter and the participants' file get their own message beside the
field, with what was typed kept, up to the most the server reads of a body at all (four times
MAX_UPLOAD_MB, lpsedesk/serving.py); every other route still refuses a body over MAX_UPLOAD_MB."""
from __future__ import annotations

import io

from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from lpsedesk.extensions import db
from lpsedesk.models import Invitation, RemoteAccessRequest

from ..conftest import csrf_from, logged_in_client
from .test_invitations import window
from .test_remote_support import record

NINE_MB = 9 * 1024 * 1024


def _count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def test_a_letter_larger_than_any_request_is_said_beside_the_field_and_the_form_is_kept(app, make_user):
    make_user("ani", "admin", name="Ani Admin")
    admin = logged_in_client(app, "ani")
    response = record(admin, letter=b"%PDF-1.4\n" + b"0" * NINE_MB + b"\n%%EOF", filename="surat-besar.pdf",
                      requester_name="Wulan Pemohon", letter_number="077/XYZ/XII/2026")
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "lebih dari 5 MB" in page  # the letter's own limit, said on the form
    assert 'value="Wulan Pemohon"' in page and 'value="077/XYZ/XII/2026"' in page  # nothing typed is lost
    assert _count(app, RemoteAccessRequest) == 0
    assert admin.get("/admin/remote/new").status_code == 200


def _import(client, data: bytes, **fields):
    form = {"csrf_token": csrf_from(client, "/admin/invitations/import"), "purpose": "training",
            "facility": "training_room", **window(), **fields,
            "participants": FileStorage(io.BytesIO(data), "peserta.csv")}
    # Encoded in memory: the test client would spool a large body to a temporary file it never closes.
    boundary, body = encode_multipart(MultiDict(list(form.items())))
    return client.post("/admin/invitations/import", data=body, content_type=f"multipart/form-data; boundary={boundary}")


def test_a_participants_file_larger_than_any_request_is_said_on_the_form(app, make_user):
    make_user("rina", "helpdesk")
    desk = logged_in_client(app, "rina")
    response = _import(desk, b"NAMA,TELEPON,INSTANSI,KATEGORI\n" + b"a" * NINE_MB, event_name="Pelatihan Probe 2026")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "paling besar 2 MB" in page
    assert 'value="Pelatihan Probe 2026"' in page
    assert _count(app, Invitation) == 0


def test_other_forms_still_refuse_a_body_over_the_upload_limit(app, make_user):
    make_user("ani", "admin", name="Ani Admin")
    admin = logged_in_client(app, "ani")
    form = {"csrf_token": csrf_from(admin, "/admin/settings/office"), "extra": FileStorage(io.BytesIO(b"0" * NINE_MB), "x")}
    boundary, body = encode_multipart(MultiDict(list(form.items())))
    response = admin.post("/admin/settings/office", data=body, content_type=f"multipart/form-data; boundary={boundary}")
    assert response.status_code == 413
    assert "Berkas terlalu besar" in response.get_data(as_text=True)


def test_a_body_past_what_the_server_reads_at_all_is_refused_on_the_file_forms_too(app, make_user):
    # MAX_UPLOAD_MB=1: the server reads at most four times it, 4 MB, so a 5 MB letter is past it
    app.config.update(MAX_UPLOAD_MB=1, MAX_CONTENT_LENGTH=1024 * 1024)
    make_user("ani", "admin", name="Ani Admin")
    admin = logged_in_client(app, "ani")
    response = record(admin, letter=b"%PDF-1.4\n" + b"0" * (5 * 1024 * 1024))
    assert response.status_code == 413
    assert _count(app, RemoteAccessRequest) == 0
