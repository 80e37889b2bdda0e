"""An error page's "Kembali" (Back) leads to the page the browser came from, when that is a page of this
desk, and to the start page otherwise. The Referer header is written by the client: a link built from it
as it came led a visitor who met a 404 to whatever the header said - another site, or a `javascript:`
address a probe sent. (docs/security.md: no page of the desk sends a browser to another site.)"""
from __future__ import annotations

import re

import pytest

BACK = re.compile(r'<a class="button" href="([^"]*)">(?:Kembali|Back)</a>')


def _back(client, referrer: str | None) -> str:
    headers = {"Referer": referrer} if referrer is not None else {}
    response = client.get("/no-such-page-here", headers=headers)
    assert response.status_code == 404
    found = BACK.search(response.get_data(as_text=True))
    assert found, "the error page offers no way back"
    return found.group(1).replace("&amp;", "&")


def test_back_returns_to_the_page_of_this_site_it_came_from(client):
    assert _back(client, "http://localhost/kiosk/?lang=en") == "/kiosk/?lang=en"


@pytest.mark.parametrize("referrer", [
    "javascript:alert(document.cookie)",
    "https://evil.example/phish",
    "http://localhost.evil.example/",
    "//evil.example/",
    "http://localhost//evil.example/",
    "data:text/html,<b>hi</b>",
    "",
])
def test_back_never_leads_off_the_site(client, referrer):
    assert _back(client, referrer) == "/"


def test_back_without_a_referer_is_the_start_page(client):
    assert _back(client, None) == "/"
