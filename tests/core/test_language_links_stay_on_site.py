"""The ID/EN switch in every header links to "this page in the other language". A stranger's link to
the desk whose path holds an encoded backslash or tab (`/%5Cevil.example`, `/%09/evil.example`)
got a 404 page whose switch pointed at `/\\evil.example?lang=en`: a browser reads a backslash as a
slash and drops tabs, so a click on EN left the desk for evil.example (probe sec15)."""
from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

import pytest

from lpsedesk.urls import path_link

SWITCH = re.compile(r'<a href="([^"]*)"[^>]*hreflang="(?:id|en)"')


def _as_a_browser_reads_it(href: str) -> str:
    """WHATWG URL parsing: tabs and newlines are removed, and in an http URL a backslash is a slash."""
    href = href.replace("&amp;", "&")
    return re.sub(r"[\t\n\r]", "", href).replace("\\", "/")


def _switch_links(client, path: str) -> list[str]:
    page = client.get(path).get_data(as_text=True)
    links = SWITCH.findall(page)
    assert len(links) == 2, "the page shows the ID/EN switch"
    return links


@pytest.mark.parametrize("path", [
    "/%5Cevil.example", "/%5C%5Cevil.example/admin", "/%09/evil.example", "/%0a/evil.example",
    "/%2F%5Cevil.example", "/admin/%5Cevil.example",
])
def test_the_language_switch_never_leads_to_another_host(client, path):
    for href in _switch_links(client, path):
        read = _as_a_browser_reads_it(href)
        assert read.startswith("/") and not read.startswith("//"), href
        assert not urlsplit(read).netloc, href


def test_the_switch_on_such_a_page_still_names_the_same_page(client):
    for href in _switch_links(client, "/%5Cevil.example"):
        path = urlsplit(href.replace("&amp;", "&")).path
        assert unquote(path) == "/\\evil.example"


def test_an_ordinary_page_keeps_its_plain_link(client):
    links = _switch_links(client, "/admin/setup?token=abc&next=/admin/board")
    assert "/admin/setup?token=abc&amp;next=%2Fadmin%2Fboard&amp;lang=en" in links


@pytest.mark.parametrize("path, link", [
    ("/admin/board", "/admin/board"), ("/\\evil.example", "/%5Cevil.example"),
    ("//evil.example", "/evil.example"), ("/\t/evil.example", "/%09/evil.example"),
    ("/kiosk/i/ABC 1", "/kiosk/i/ABC%201"),
])
def test_a_path_is_written_back_as_a_link_on_this_site(path, link):
    assert path_link(path) == link
