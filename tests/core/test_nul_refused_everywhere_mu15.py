"""lpsedesk/input_guard.py: a request whose path, query or text body carries a NUL is refused with a 400
before any view reads it (PostgreSQL cannot store or compare such text; SQLite cuts it short) - in a
field's name as much as in its value, and in a multipart form (the letter and participant uploads) as
much as in an urlencoded one."""
from __future__ import annotations

import io

from sqlalchemy import func, select

from lpsedesk.extensions import db
from lpsedesk.models import Visit

from ..conftest import csrf_from
from ..kiosk.conftest import API, enrol_client

NUL_WORDS = "NUL"


def _refused_for_nul(response) -> bool:
    return response.status_code == 400 and NUL_WORDS in response.get_data(as_text=True)


def test_a_nul_in_a_query_fields_name_is_refused(client):
    assert _refused_for_nul(client.get("/admin/login", query_string={"q\x00x": "Sari"}))


def test_a_nul_in_a_form_fields_name_is_refused(client, make_user):
    make_user("rina", "helpdesk")  # before any user the desk sends every page to its first-run setup
    token = csrf_from(client, "/admin/login")
    assert _refused_for_nul(client.post("/admin/login", data={"csrf_token": token, "username\x00": "rina",
                                                              "password": "x"}))


def test_a_nul_in_a_multipart_forms_text_is_refused(client, make_user):
    make_user("rina", "helpdesk")
    response = client.post("/admin/login", content_type="multipart/form-data",
                           data={"csrf_token": csrf_from(client, "/admin/login"), "username": "rina\x00", "password": "x",
                                 "letter": (io.BytesIO(b"%PDF-1.4"), "surat.pdf")})
    assert _refused_for_nul(response)


def test_a_form_without_a_nul_is_not_refused_for_one(client, make_user):
    make_user("rina", "helpdesk")
    response = client.post("/admin/login", content_type="multipart/form-data",
                           data={"csrf_token": csrf_from(client, "/admin/login"), "username": "rina",
                                 "password": "x"})
    assert not _refused_for_nul(response)



def test_a_nul_written_as_a_json_escape_is_refused_like_a_raw_one_and_nothing_is_saved(app, client):
    kiosk = enrol_client(app, client)
    # JSON's own spelling of NUL, as a browser's JSON.stringify writes it
    body = '{"full_name": "Sari\\u0000 Uji", "nik": "3373024107900001", "phone": "081234567890"}'
    response = kiosk.client.post(API + "/visits", data=body, content_type="application/json",
                                 headers={"X-CSRFToken": kiosk.csrf})
    assert _refused_for_nul(response), response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Visit)) == 0
