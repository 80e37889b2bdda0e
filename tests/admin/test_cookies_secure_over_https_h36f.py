"""Reached over HTTPS, the desk's cookies are Secure and the browser is told to stay on HTTPS (probe h36f).

README's second way to serve the kiosk and the staff is an HTTPS reverse proxy with
`TRUSTED_PROXIES=1` and `SESSION_COOKIE_SECURE=1`. With the second setting forgotten, every request
came over HTTPS (the proxy says so) and still the staff login, the kiosk's device credential and the
signed-in mark were written without `Secure`: a browser then sends them over plain HTTP too, to
anything on the LAN's wire that answers for that name. What the request says about itself decides
now, the setting still forces it; and an HTTPS answer carries Strict-Transport-Security.
"""
from __future__ import annotations

import re

from lpsedesk import devices
from lpsedesk.extensions import db

from ..conftest import TEST_PASSWORD, csrf_from

PROXY = "127.0.0.1"
HTTPS = {"X-Forwarded-For": "10.0.0.10", "X-Forwarded-Proto": "https"}


def _app(make_app, app, trusted: int = 1):
    return make_app({**{k: app.config[k] for k in ("DATABASE_URL", "STORAGE_DIR", "SECRET_KEY", "STORAGE_KEY")},
                     "TESTING": True, "TRUSTED_PROXIES": trusted}, instance_path=app.instance_path)


def _cookies(response) -> dict[str, str]:
    """Each Set-Cookie of the answer by its name."""
    return {c.split("=", 1)[0]: c for c in response.headers.getlist("Set-Cookie")}


def _secure(cookie: str) -> bool:
    return re.search(r";\s*Secure(;|$)", cookie, re.IGNORECASE) is not None


def test_over_https_the_staff_login_and_its_mark_are_secure_cookies(app, make_app, make_user):
    make_user("rina", "helpdesk")
    proxied = _app(make_app, app)
    c = proxied.test_client()
    page = c.get("/admin/login", headers=HTTPS, environ_base={"REMOTE_ADDR": PROXY})
    assert _secure(_cookies(page)["session"])
    assert page.headers.get("Strict-Transport-Security", "").startswith("max-age=")
    token = csrf_from(c, "/admin/login")
    response = c.post("/admin/login", data={"csrf_token": token, "username": "rina", "password": TEST_PASSWORD},
                      headers=HTTPS, environ_base={"REMOTE_ADDR": PROXY})
    assert response.status_code == 302
    cookies = _cookies(response)
    assert _secure(cookies["session"]) and _secure(cookies["lpsedesk_signed_in"])


def test_over_https_the_kiosks_credential_is_a_secure_cookie(app, make_app):
    proxied = _app(make_app, app)
    with proxied.app_context():
        _device, code = devices.create_device(db.session, None, "Kios lobi")
        db.session.commit()
    c = proxied.test_client()
    token = csrf_from(c, f"/kiosk/enrol?code={code}")
    response = c.post("/kiosk/enrol", data={"code": code, "csrf_token": token},
                      headers=HTTPS, environ_base={"REMOTE_ADDR": PROXY})
    assert response.status_code == 302
    assert _secure(_cookies(response)[devices.COOKIE_NAME])


def test_over_plain_http_the_cookies_stay_as_they_were(app, make_app, make_user):
    """The kiosk on the server's own screen opens http://localhost:8080 (README, the first way)."""
    make_user("rina", "helpdesk")  # with no account yet the login page sends to the first-run setup
    proxied = _app(make_app, app)
    page = proxied.test_client().get("/admin/login", environ_base={"REMOTE_ADDR": PROXY})
    assert not _secure(_cookies(page)["session"])
    assert "Strict-Transport-Security" not in page.headers


def test_without_a_trusted_proxy_a_client_saying_https_changes_nothing(app, client, make_user):
    make_user("rina", "helpdesk")
    page = client.get("/admin/login", headers=HTTPS)
    assert not _secure(_cookies(page)["session"])
    assert "Strict-Transport-Security" not in page.headers
