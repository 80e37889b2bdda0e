"""DNS rebinding (README, probe h36f "found, not fixed"; h38c): a page on the internet opened by a staff
member points its own name (evil.example) at the desk's LAN address and sends requests from that
browser, with `Host: evil.example`. The desk answers such a name with a 400 in the user's language on
every path (pages, the kiosk's API and frames, the enrolment, the login, static files) before anything
is counted or tried; its own names (an IP address, localhost, this computer's name, SITE_ADDRESS's, a
single-label LAN name, .local/.lan/... names) and what the office lists in ALLOWED_HOSTS are answered."""
from __future__ import annotations

import logging
import socket

import pytest

from lpsedesk import devices
from lpsedesk.extensions import db

from ..conftest import TEST_PASSWORD, csrf_from

EVIL = "evil.example"
PROXY = "127.0.0.1"
PATHS = ["/", "/admin/login", "/admin/", "/kiosk/", "/kiosk/enrol", "/kiosk/enrol?code=ABCD-EFGH",
         "/healthz", "/static/css/app.css", "/static/admin/period_check.js", "/no-such-page"]


def _as(client, host: str, path: str, method: str = "get", **kw):
    """`path` sent with `Host: host`, carrying `client`'s session cookie by hand (its jar sends it to
    localhost only), as a rebinding page's requests would if the browser held one."""
    cookie = client.get_cookie("session")
    headers = {"Host": host, **({"Cookie": cookie._to_request_header()} if cookie else {}), **kw.pop("headers", {})}
    return getattr(client.application.test_client(use_cookies=False), method)(path, headers=headers, **kw)


def _status(client, host: str, path: str, **kw) -> int:
    response = _as(client, host, path, **kw)
    response.close()  # a static file's answer holds the file open until closed
    return response.status_code


ANSWERED = (200, 302)  # a page, or the way to one (the first Admin's set-up before any account exists)


@pytest.mark.parametrize("path", PATHS)
def test_a_rebound_name_gets_400_on_every_path(client, path):
    response = _as(client, EVIL, path)
    response.close()
    assert response.status_code == 400, path
    assert "Location" not in response.headers


def test_the_refusal_says_in_indonesian_which_setting_the_admin_adds_the_name_to(client):
    page = _as(client, f"{EVIL}:8080", "/admin/login").get_data(as_text=True)
    assert "tidak melayani alamat “evil.example”" in page
    assert "ALLOWED_HOSTS" in page and "Configuration" in page and "Admin LPSE" in page
    english = _as(client, EVIL, "/admin/login?lang=en").get_data(as_text=True)
    assert "does not answer to the address “evil.example”" in english and "ALLOWED_HOSTS" in english


def test_the_refusal_tells_nothing_about_the_server_nor_echoes_a_hostile_host(app, client):
    app.config["PROPAGATE_EXCEPTIONS"] = False
    page = _as(client, EVIL, "/").get_data(as_text=True)
    for secret in {socket.gethostname(), socket.getfqdn()}:
        if len(secret) > 4:
            assert secret not in page
    for word in ("waitress", "Werkzeug", "Python", "Traceback", "127.0.0.1"):
        assert word not in page
    marked = _as(client, '"><img src=x onerror=alert(1)>.example', "/admin/login")
    assert marked.status_code == 400 and "onerror" not in marked.get_data(as_text=True)
    assert "tidak melayani alamat ini" in marked.get_data(as_text=True)
    long = ".".join(["a" * 60] * 4) + ".example"
    page = _as(client, long, "/admin/login").get_data(as_text=True)
    assert long not in page and "a" * 60 in page, "the name is shown, cut short"


@pytest.mark.parametrize("host", ["", " ", ".", "..", "-", "evil.example:abc", "[::1", "ä.example", "a" * 64,
                                  "kios." + "a" * 64 + ".id", "evil.example\t", "1.2.3.4.5", "xn--80ak6aa92e.com",
                                  "evil.example:0", "[fe80::1%25eth0]:8080", "@evil.example", "localhost@evil.example"])
@pytest.mark.parametrize("path", ["/", "/admin/login", "/kiosk/api/v1/inside"])
def test_no_host_value_is_a_server_error(app, client, host, path):
    app.config["PROPAGATE_EXCEPTIONS"] = False  # answer as in production
    assert 200 <= _as(client, host, path).status_code < 500


def test_the_kiosk_api_and_frames_are_refused_in_json(client):
    for method, path in (("get", "/kiosk/api/v1/inside"), ("post", "/kiosk/api/v1/frames")):
        response = _as(client, EVIL, path, method)
        assert response.status_code == 400 and response.is_json, path
        assert "ALLOWED_HOSTS" in response.json["message"]


def test_guessed_logins_by_a_rebound_name_are_refused_and_never_counted(app, client, make_user):
    """The login throttle locks a name for everyone after enough wrong passwords: a rebinding page must
    not be able to move it."""
    make_user("rina", "helpdesk")
    token = csrf_from(client, "/admin/login")
    for _ in range(12):
        response = _as(client, EVIL, "/admin/login", "post",
                       data={"csrf_token": token, "username": "rina", "password": "salah-sekali-123"})
        assert response.status_code == 400
    response = client.post("/admin/login", data={"csrf_token": token, "username": "rina", "password": TEST_PASSWORD})
    assert response.status_code == 302, "Rina logs in at once: nothing was counted against her name"


def test_enrolment_codes_guessed_by_a_rebound_name_are_refused_and_never_counted(app, client):
    with app.app_context():
        device, code = devices.create_device(db.session, None, "Kios lobi")
        db.session.commit()
        device_id = device.id
    token = csrf_from(client, "/kiosk/enrol")
    for guess in [f"AAAA-{i:04d}" for i in range(11)] + [code]:
        response = _as(client, EVIL, "/kiosk/enrol", "post", data={"csrf_token": token, "code": guess})
        assert response.status_code == 400 and devices.COOKIE_NAME not in response.headers.get("Set-Cookie", "")
    with app.app_context():
        assert db.session.get(type(device), device_id).enrolled_at is None
    response = client.post("/kiosk/enrol", data={"csrf_token": token, "code": code})
    assert response.status_code == 302, "the kiosk enrols at once: the code was neither used nor the address slowed"


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8080", "10.0.0.5:8080", "[::1]:8080", "localhost",
                                  "localhost:8080", "desk", "lpse-desk:8080", "meja.local", "meja.lan:8080",
                                  "meja.internal", "meja.home.arpa", "meja.localdomain"])
@pytest.mark.parametrize("path", ["/", "/admin/login", "/kiosk/enrol", "/static/css/app.css"])
def test_the_desks_own_names_are_answered(client, host, path):
    assert _status(client, host, path) in ANSWERED, (host, path)


def test_this_computers_names_and_the_site_address_are_answered(app, client):
    for name in {socket.gethostname(), socket.getfqdn()}:
        assert _status(client, name, "/admin/login") in ANSWERED, name
    assert _status(client, "desk.lpse.example.go.id", "/admin/login") == 400
    app.config["SITE_ADDRESS"] = "https://desk.lpse.example.go.id"
    assert _status(client, "desk.lpse.example.go.id", "/admin/login") in ANSWERED


def test_allowed_hosts_with_a_name_and_a_wildcard(app, client):
    app.config["ALLOWED_HOSTS"] = "desk.lpse.example.go.id, *.tamu.example.go.id"
    assert _status(client, "desk.lpse.example.go.id", "/admin/login") in ANSWERED
    assert _status(client, "lantai2.tamu.example.go.id:8443", "/kiosk/enrol") in ANSWERED
    assert _status(client, "tamu.example.go.id", "/admin/login") == 400
    assert _status(client, EVIL, "/admin/login") == 400


def test_allowed_hosts_star_turns_the_check_off(app, client):
    app.config["ALLOWED_HOSTS"] = "*"
    assert _status(client, EVIL, "/admin/login") in ANSWERED


def test_a_mistyped_allowed_hosts_stops_the_start_and_names_the_entry(make_app, app):
    with pytest.raises(ValueError, match="https://desk.example"):
        make_app({"DATABASE_URL": app.config["DATABASE_URL"], "TESTING": True,
                  "ALLOWED_HOSTS": "https://desk.example"}, instance_path=app.instance_path)


def _proxied(make_app, app, **config):
    return make_app({**{k: app.config[k] for k in ("DATABASE_URL", "STORAGE_DIR", "SECRET_KEY", "STORAGE_KEY")},
                     "TESTING": True, "TRUSTED_PROXIES": 1, **config}, instance_path=app.instance_path).test_client()


def test_behind_a_trusted_proxy_the_forwarded_host_is_what_counts(make_app, app):
    c = _proxied(make_app, app)
    send = lambda forwarded: c.get("/admin/login", headers={"Host": "127.0.0.1:8080", "X-Forwarded-Host": forwarded},  # noqa: E731
                                   environ_base={"REMOTE_ADDR": PROXY}).status_code
    assert send(EVIL) == 400
    assert send("desk.lpse.example.go.id") == 400
    assert send("10.0.0.5") in ANSWERED and send("lpse-desk") in ANSWERED
    c = _proxied(make_app, app, ALLOWED_HOSTS="desk.lpse.example.go.id")
    assert c.get("/admin/login", headers={"X-Forwarded-Host": "desk.lpse.example.go.id"},
                 environ_base={"REMOTE_ADDR": PROXY}).status_code in ANSWERED


def test_without_trusted_proxies_a_forwarded_host_is_not_believed(client):
    assert client.get("/admin/login", headers={"X-Forwarded-Host": EVIL}).status_code in ANSWERED
    assert _status(client, EVIL, "/admin/login", headers={"X-Forwarded-Host": "localhost"}) == 400


def test_a_refused_name_is_logged_once_not_at_every_request(client, caplog):
    with caplog.at_level(logging.WARNING):
        for path in PATHS:
            _as(client, EVIL, path)
            _as(client, "other.example:8080", path)
    lines = [r.getMessage() for r in caplog.records if "refused requests to the host name" in r.getMessage()]
    assert len(lines) == 2 and "'evil.example'" in lines[0] and "'other.example'" in lines[1]
