"""A Host header is whatever the client sent. No redirect may send the browser to it, and no link
that leaves the browser (a kiosk's enrolment link and QR, an invitation card's printed address) may
be written with it: those come from SITE_ADDRESS, or from a Host that is this server as the LAN
reaches it (an IP address, localhost, this computer's name).

Since h38c a name that is not the desk's is refused with a 400 before any of this
(tests/admin/test_dns_rebinding_h38c.py); these tests let `evil.example` through with ALLOWED_HOSTS,
as an office naming a public-style name there would, so the redirects' and links' own rule is still
what is tried: an allowed name is still not one a link is written with."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from lpsedesk.site_address import absolute_link, host_is_ours, valid_site_address

from ..conftest import TEST_PASSWORD, csrf_from, post_form
from .test_invitations import one

EVIL = "evil.example"


@pytest.fixture(autouse=True)
def _evil_is_let_through(app):
    app.config["ALLOWED_HOSTS"] = EVIL


def _as_evil(client, path: str, method: str = "get", **kw):
    """`path` with `Host: evil.example`, carrying `client`'s session cookie (its jar sends it to
    localhost only, so a jar-less client carries it by hand)."""
    cookie = client.get_cookie("session")
    headers = {"Host": EVIL, **({"Cookie": cookie._to_request_header()} if cookie else {}), **kw.pop("headers", {})}
    return getattr(client.application.test_client(use_cookies=False), method)(path, headers=headers, **kw)


def _stays_here(location: str | None) -> bool:
    parts = urlsplit(location or "")
    return not parts.scheme and not parts.netloc and (location or "").startswith("/") \
        and not (location or "").startswith(("//", "/\\"))


def test_no_redirect_names_a_forged_host(app, client):
    paths = {rule.rule.rstrip("/") for rule in app.url_map.iter_rules()
             if rule.rule.endswith("/") and rule.rule != "/" and not rule.arguments and "GET" in rule.methods}
    paths |= {"/", "/admin/", "/admin/queue", "/admin/login", "/admin/events"}
    assert "/admin" in paths and "/kiosk" in paths
    for path in sorted(paths):
        response = client.get(path, headers={"Host": EVIL})
        if 300 <= response.status_code < 400:
            assert _stays_here(response.headers["Location"]), (path, response.headers["Location"])
            assert EVIL not in response.headers["Location"]


def test_login_logout_and_the_language_switch_redirect_on_this_site(app, client, make_user, login):
    make_user("rina", "helpdesk")
    token = csrf_from(client, "/admin/login")
    response = _as_evil(client, "/admin/login", "post",
                        data={"csrf_token": token, "username": "rina", "password": TEST_PASSWORD})
    assert response.status_code == 302 and _stays_here(response.headers["Location"])
    login("rina")
    response = _as_evil(client, "/admin/queue?lang=en")
    assert EVIL not in response.headers.get("Location", "")
    response = _as_evil(client, "/admin/logout", "post", data={"csrf_token": csrf_from(client, "/admin/")})
    assert response.status_code == 302 and _stays_here(response.headers["Location"])


def _enrol_link(client, host: str) -> str:
    token = csrf_from(client, "/admin/kiosks")
    cookie = client.get_cookie("session")
    response = client.application.test_client(use_cookies=False).post(
        "/admin/kiosks", data={"csrf_token": token, "name": "Kios lobi"},
        headers={"Host": host, "Cookie": cookie._to_request_header()})
    assert response.status_code == 201
    return re.search(r'class="kiosk-link">([^<]+)<', response.get_data(as_text=True)).group(1).replace("&amp;", "&")


def test_a_kiosk_enrolment_link_never_carries_a_forged_host(app, client, make_user, login):
    make_user("adi", "admin")
    login("adi")
    assert _enrol_link(client, EVIL).startswith("/kiosk/enrol?code=")  # a path, nothing foreign
    assert _enrol_link(client, "10.0.0.5:8080").startswith("http://10.0.0.5:8080/kiosk/enrol?code=")
    app.config["SITE_ADDRESS"] = "http://desk.lpse.example:8080"
    assert _enrol_link(client, EVIL).startswith("http://desk.lpse.example:8080/kiosk/enrol?code=")


def test_an_invitation_cards_printed_address_never_carries_a_forged_host(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    response = post_form(client, "/admin/invitations/new", one(), token_page="/admin/invitations/new")
    assert response.status_code == 302
    detail = response.headers["Location"]
    page = _as_evil(client, detail).get_data(as_text=True)
    assert "/kiosk/i/" in page and EVIL not in page
    with app.app_context():
        from lpsedesk.extensions import db
        from lpsedesk.models import Invitation

        inv_id = db.session.scalar(db.select(Invitation.id))
    printed = _as_evil(client, f"/admin/invitations/print?id={inv_id}&layout=a4")
    assert printed.status_code == 200
    assert EVIL not in printed.get_data(as_text=True)
    app.config["SITE_ADDRESS"] = "https://tamu.lpse.example"
    assert "https://tamu.lpse.example/kiosk/i/" in _as_evil(client, detail).get_data(as_text=True)


@pytest.mark.parametrize("host,ours", [
    ("10.0.0.5", True), ("10.0.0.5:8080", True), ("[fe80::1]:8080", True), ("localhost:8080", True),
    ("evil.example", False), ("evil.example:80", False), ("10.0.0.5@evil.example", False), ("", False),
    ("meja-tamu", True), ("MEJA-TAMU.", True),
])
def test_which_hosts_name_this_server(host, ours):
    assert host_is_ours(host, ["meja-tamu"]) is ours


def test_links_come_from_the_site_address_first():
    assert absolute_link("/kiosk/i/X", site_address="https://tamu.lpse.example/", scheme="http",
                         host=EVIL, own_names=[]) == "https://tamu.lpse.example/kiosk/i/X"
    assert absolute_link("/kiosk/i/X", site_address="", scheme="http", host=EVIL, own_names=[]) == "/kiosk/i/X"
    assert valid_site_address("http://10.0.0.5:8080") and not valid_site_address("javascript:alert(1)")
    assert not valid_site_address("http://x.example/path") and not valid_site_address("http://u@x.example")
