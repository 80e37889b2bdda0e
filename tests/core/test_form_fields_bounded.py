"""A form body with millions of fields is refused before it is parsed (probe h18s).

Werkzeug bounds the parts of a multipart form, never the fields of an urlencoded one: a 7.5 MB body
of `a=&a=&...` (2.5 million fields, under MAX_UPLOAD_MB) cost the served desk +370 MB and 4 s of a
core, from any anonymous computer, at any URL (the NUL guard and the CSRF check read every form);
six at once took it past 2 GB. No page of the desk sends more than a few thousand fields."""
from __future__ import annotations

from ..conftest import TEST_PASSWORD, csrf_from


def test_a_form_of_a_hundred_thousand_fields_is_refused_with_a_message(client, make_user):
    make_user("rina", "helpdesk")
    token = csrf_from(client, "/admin/login")
    body = f"csrf_token={token}&" + "a=&" * 100_000
    response = client.post("/admin/login", data=body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413
    assert "isian" in response.get_data(as_text=True)  # says what is wrong, in Indonesian
    assert client.get("/healthz").status_code == 200


def test_a_form_of_megabytes_of_encoded_text_is_refused_with_a_message(client, make_user):
    """7.5 MB of `%41` in one field took 1.9 s of a core to decode; no form of the desk sends a
    megabyte of typed text (files and signatures come as multipart or JSON)."""
    make_user("rina", "helpdesk")
    token = csrf_from(client, "/admin/login")
    body = f"csrf_token={token}&username=" + "%41" * 400_000
    response = client.post("/admin/login", data=body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413
    assert "isian" in response.get_data(as_text=True)


def test_the_same_body_at_an_address_nobody_serves_is_refused_too(client):
    response = client.post("/nowhere", data="a=&" * 100_000, content_type="application/x-www-form-urlencoded")
    assert response.status_code in (404, 413)


def test_a_form_as_large_as_a_full_day_on_the_desk_still_works(client, make_user):
    make_user("rina", "helpdesk")
    token = csrf_from(client, "/admin/login")
    fields = [("csrf_token", token), ("username", "rina"), ("password", TEST_PASSWORD)]
    fields += [("ids", str(n)) for n in range(5_000)]  # e.g. approving two trainings' invitations at once
    body = "&".join(f"{k}={v}" for k, v in fields)
    response = client.post("/admin/login", data=body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 302
