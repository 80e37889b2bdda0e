"""The language switch (README: Bahasa Indonesia by default, English on request) on pages answered to a POST.
A password shown once after a reset (POST /admin/settings/users/<id>/password) is at a path no GET opens: a
link there answered 405 (h45s's probe). Every language link a page offers must open a page; where none can,
the page offers none rather than a dead link."""
from __future__ import annotations

import re

from ..conftest import post_form

LANG_LINK = re.compile(r'<nav class="lang">(.*?)</nav>', re.S)


def _lang_links(html: str) -> list[str]:
    nav = LANG_LINK.search(html)
    return re.findall(r'href="([^"]+)"', nav.group(1)) if nav else []


def test_the_password_shown_once_offers_no_language_link_that_fails(client, make_user, login):
    make_user("siti", "admin", name="Siti Admin")
    rina = make_user("rina", "helpdesk")
    login("siti")
    response = post_form(client, f"/admin/settings/users/{rina}/password")
    html = response.get_data(as_text=True)
    assert 'id="new-password"' in html
    for href in _lang_links(html):
        assert client.get(href.replace("&amp;", "&")).status_code < 400, href


def test_a_page_opened_with_get_still_offers_both_languages(client, make_user, login):
    make_user("siti", "admin", name="Siti Admin")
    login("siti")
    html = client.get("/admin/settings/users").get_data(as_text=True)
    links = _lang_links(html)
    assert len(links) == 2 and any("lang=en" in h for h in links) and any("lang=id" in h for h in links)
    for href in links:
        assert client.get(href.replace("&amp;", "&")).status_code == 200


def test_a_form_sent_back_with_its_errors_at_a_get_path_keeps_its_language_links(client, make_user, login):
    make_user("siti", "admin", name="Siti Admin")
    login("siti")
    response = post_form(client, "/admin/settings/users/new", {"username": "", "full_name": "", "roles": []})
    assert response.status_code == 400
    links = _lang_links(response.get_data(as_text=True))
    assert len(links) == 2
    for href in links:
        assert client.get(href.replace("&amp;", "&")).status_code == 200
