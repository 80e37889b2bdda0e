"""h47e: every error page ("Maaf ...") offers the other language, as the desk's other pages do.

The README: the desk speaks Bahasa Indonesia by default and English, switched on every page. An error
page answered to a POST that no GET opens (a form sent without its token, a body too large, a server
error) had no switch at all: a visitor who reads English was left with an Indonesian sentence and only
"Kembali". Its switch now leads on, in the chosen language, to the start page (the error itself cannot be
opened again: the POST is not repeated), and the choice is kept; nothing more of the error is told.
"""
from __future__ import annotations

import re

import pytest

from lpsedesk.roles import Role

from ..conftest import logged_in_client

SWITCH = re.compile(r'<nav class="lang">(.*?)</nav>', re.S)
LINK = re.compile(r'<a href="([^"]+)"[^>]*hreflang="(\w+)"')


def switch_links(page: str) -> dict[str, str]:
    found = SWITCH.search(page)
    assert found, "no language switch on the error page"
    return {code: href.replace("&amp;", "&") for href, code in LINK.findall(found.group(1))}


def _shown_in_english(client, page: str) -> str:
    english = switch_links(page)["en"]
    assert english.startswith("/") and not english.startswith("//")
    response = client.get(english, follow_redirects=True)
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert '<html lang="en">' in text
    return text


@pytest.fixture
def boom(app):
    def fail():
        raise RuntimeError("database password is hunter2")  # never shown

    app.add_url_rule("/h47e-boom", "h47e_boom", fail, methods=["POST"])
    app.config["WTF_CSRF_ENABLED"] = False
    return "/h47e-boom"


def test_a_form_sent_without_its_token_can_be_read_on_in_english(app, make_user):
    make_user("rina", Role.HELPDESK)
    client = logged_in_client(app, "rina")
    response = client.post("/admin/visits/1/notes", data={"body": "x"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Maaf" in page
    links = switch_links(page)
    assert set(links) == {"id", "en"}
    assert links["en"] == "/admin/?lang=en"  # the staff's own first page, not the public one
    _shown_in_english(client, page)
    # the choice is kept: the next error is said in English
    again = client.post("/admin/visits/1/notes", data={"body": "x"})
    assert '<html lang="en">' in again.get_data(as_text=True) and "Sorry" in again.get_data(as_text=True)


def test_a_body_too_large_for_a_form_offers_english(app, client, make_user):
    make_user("rina", Role.HELPDESK)  # the start page is then the login, not the first run's
    app.config["MAX_CONTENT_LENGTH"] = 1024
    response = client.post("/admin/visits/1/notes", data={"body": "x" * 4096})
    assert response.status_code == 413
    _shown_in_english(client, response.get_data(as_text=True))


def test_a_server_error_after_a_post_offers_english_and_tells_nothing_more(app, client, boom, make_user):
    make_user("rina", Role.HELPDESK)
    response = client.post(boom, data={"a": "b"})
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert "hunter2" not in page and "RuntimeError" not in page and "Traceback" not in page
    _shown_in_english(client, page)


@pytest.mark.parametrize("method,path,status", [("GET", "/no-such-page", 404),
                                                ("GET", "/admin/visits/1/notes", 405)])
def test_a_page_opened_with_get_is_shown_again_in_english(client, method, path, status):
    response = client.open(path, method=method)
    assert response.status_code == status
    english = client.get(switch_links(response.get_data(as_text=True))["en"])
    assert english.status_code == status
    assert '<html lang="en">' in english.get_data(as_text=True)


def test_a_staff_page_refused_to_a_role_offers_english(app, make_user):
    make_user("rina", Role.HELPDESK)
    desk = logged_in_client(app, "rina")
    response = desk.get("/admin/settings/office")
    assert response.status_code == 403
    english = desk.get(switch_links(response.get_data(as_text=True))["en"])
    assert english.status_code == 403 and '<html lang="en">' in english.get_data(as_text=True)


def test_too_many_logins_offers_english(app, client, make_user):
    from ..conftest import csrf_from

    make_user("rina", Role.HELPDESK)
    response = None
    for _ in range(int(app.config["LOGIN_MAX_ATTEMPTS"]) + 1):
        token = csrf_from(client, "/admin/login")
        response = client.post("/admin/login", data={"csrf_token": token, "username": "rina", "password": "salah-sekali"})
    assert response.status_code == 429
    _shown_in_english(client, response.get_data(as_text=True))
