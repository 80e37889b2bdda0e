"""h46f: a JSON text holding half of a character is a bad request, not a server error.

JSON may write any UTF-16 unit as `\\ud800`; one with no other half names no character, and no
database can store it. A probe sent the kiosk's guest book a name with one: 500 "Terjadi kesalahan di
server" (the insert could not encode it). The README's words: hostile input is a 4xx, never a 500;
bad input gets a clear message in the user's language, loses nothing, and the server keeps serving.
Not-UTF-8 bytes in a JSON body are already read as no body at all; half a character is the same.
"""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import Visit

from .conftest import API, entry

UNREADABLE_ID = "Permintaan tidak dapat diproses. Silakan coba lagi."  # the kiosk's "could not be understood"


def _post_raw(kiosk, path: str, body: bytes):
    return kiosk.client.post(API + path, data=body, content_type="application/json",
                             headers={"X-CSRFToken": kiosk.csrf})


@pytest.mark.parametrize("field", ["full_name", "institution", "purpose_detail"])
@pytest.mark.parametrize("half", ["\\ud800", "\\uDFFF", "\\ud83d kedua"])  # escaped, as JSON writes them
def test_half_a_character_in_a_guest_book_field_is_a_bad_request_in_the_visitors_language(app, kiosk, field, half):
    body = json.dumps(entry(capture="", no_camera=True, purpose="other", **{field: "SARI X"}))
    response = _post_raw(kiosk, "/visits", body.replace("SARI X", "SARI " + half).encode())
    assert response.status_code == 400, response.get_data(as_text=True)
    assert response.json["message"] == UNREADABLE_ID
    with app.app_context():
        assert db.session.scalars(select(Visit)).all() == []
    assert kiosk.client.get("/healthz").status_code == 200


def test_half_a_character_sent_as_raw_bytes_is_a_bad_request(app, kiosk):
    # the UTF-8 form of U+D800, which Python's JSON reader lets through from bytes
    body = json.dumps(entry(capture="", no_camera=True, full_name="SARI X")).encode().replace(b"X", b"\xed\xa0\x80")
    response = _post_raw(kiosk, "/visits", body)
    assert response.status_code == 400 and response.json["message"] == UNREADABLE_ID


def test_a_whole_character_written_as_two_halves_is_read(app, kiosk):
    body = json.dumps(entry(capture="", no_camera=True, institution="CV Senyum"))  # ascii: escapes kept apart
    response = _post_raw(kiosk, "/visits", body.replace("Senyum", "Senyum \\ud83d\\ude00").encode())
    assert response.status_code == 201, response.json
    with app.app_context():
        assert db.session.scalars(select(Visit)).one().visitor.institution == "CV Senyum \U0001f600"


def test_half_a_character_in_a_scanned_code_is_refused_too(app, kiosk):
    body = json.dumps(entry(capture="", no_camera=True, scanned_codes=["KODE"]))
    response = _post_raw(kiosk, "/visits", body.replace("KODE", "KODE\\udc00").encode())
    assert response.status_code == 400 and response.json["message"] == UNREADABLE_ID
