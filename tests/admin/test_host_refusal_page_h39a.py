"""h39a: the 400 for a Host name that is not the desk's (h38c) refuses /static too, so the ordinary error
page came unstyled. It is now a page complete in itself: its style inline (allowed by its own hash in the
Content-Security-Policy, no 'unsafe-inline'), nothing fetched from the desk, in the user's language."""
from __future__ import annotations

import base64
import hashlib
import re

import pytest

EVIL = "evil.example"


def refused(client, path: str = "/admin/login", **headers):
    return client.application.test_client(use_cookies=False).get(path, headers={"Host": EVIL, **headers})


@pytest.mark.parametrize("lang, said", [("id", "tidak melayani alamat “evil.example”"),
                                        ("en", "does not answer to the address “evil.example”")])
def test_the_refusal_is_a_page_complete_in_itself_in_the_users_language(client, lang, said):
    response = refused(client, f"/admin/login?lang={lang}")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and response.mimetype == "text/html"
    assert f'<html lang="{lang}">' in page and said in page and "ALLOWED_HOSTS" in page
    assert 'name="viewport"' in page and "<style>" in page
    # nothing the refusal would refuse in turn: no stylesheet, script, image or link to the desk; the
    # language links only change the query string of this same answer
    assert not re.search(r"<link|<script|<img|\bsrc=|/static/", page)
    assert re.findall(r'href="([^"]*)"', page) == ["?lang=id", "?lang=en"]


def test_its_inline_style_is_allowed_by_its_hash_and_nothing_else_is(client):
    response = refused(client)
    page = response.get_data(as_text=True)
    css = page.split("<style>")[1].split("</style>")[0]
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    csp = response.headers["Content-Security-Policy"]
    assert f"style-src 'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp


def test_a_script_asking_json_still_gets_json(client):
    response = refused(client, "/kiosk/api/status", **{"Content-Type": "application/json"})
    assert response.status_code == 400 and response.is_json
