"""Behind the reverse proxy README recommends for HTTPS (nginx, Caddy, IIS), every request reaches
the app from the proxy's own address. The login limits are per address (README: one address may
fail twice LOGIN_MAX_ATTEMPTS over all names), so without a way to believe the proxy's
X-Forwarded-For, ten wrong logins by anyone locked every staff member out of the desk for ten
minutes, and the audit named the proxy as where each login came from (sec2's outside probe).
TRUSTED_PROXIES=1 says one proxy stands in front; without it the header is ignored, because anyone
talking to the app directly could write it to dodge the address limit."""
from __future__ import annotations

from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent

from ..conftest import TEST_PASSWORD, csrf_from

PROXY = "127.0.0.1"


def _login(app, username: str, password: str, forwarded_for: str | None, proto: str | None = None):
    c = app.test_client()
    headers = {}
    if forwarded_for:
        headers["X-Forwarded-For"] = forwarded_for
    if proto:
        headers["X-Forwarded-Proto"] = proto
    token = csrf_from(c, "/admin/login")
    return c.post("/admin/login", data={"csrf_token": token, "username": username, "password": password},
                  headers=headers, environ_base={"REMOTE_ADDR": PROXY})


def _proxied_app(make_app, app):
    # The proxy's public name: since h38c the desk answers it only when the office names it (README, note to offices).
    return make_app({**{k: app.config[k] for k in ("DATABASE_URL", "STORAGE_DIR", "SECRET_KEY", "STORAGE_KEY")},
                     "TESTING": True, "TRUSTED_PROXIES": 1, "ALLOWED_HOSTS": "lpse.example.go.id"},
                    instance_path=app.instance_path)


def test_behind_one_trusted_proxy_a_guesser_is_limited_by_their_own_address_not_everyones(app, make_app, make_user):
    make_user("rina", "helpdesk")
    proxied = _proxied_app(make_app, app)
    for i in range(12):  # a guesser at 10.0.0.66 tries twelve names through the proxy
        _login(proxied, f"tebak{i}", "wrong-password-1", "10.0.0.66")
    assert _login(proxied, "rina", TEST_PASSWORD, "10.0.0.66").status_code == 429, "the guesser's address waits"
    assert _login(proxied, "rina", TEST_PASSWORD, "10.0.0.10").status_code == 302, "Rina at her desk logs in"


def test_behind_a_trusted_proxy_the_audit_names_the_failed_logins_address_not_the_proxys(app, make_app, make_user):
    make_user("rina", "helpdesk")
    proxied = _proxied_app(make_app, app)
    assert _login(proxied, "rina", "wrong-password-1", "10.0.0.10").status_code == 401
    with proxied.app_context():
        details = [e.details for e in db.session.query(AuditEvent).all() if (e.details or {}).get("ip")]
    assert details and all(d["ip"] == "10.0.0.10" for d in details)


def test_without_trusted_proxies_a_forged_forwarded_for_does_not_dodge_the_address_limit(app, make_user):
    make_user("rina", "helpdesk")
    for i in range(12):  # one machine writing a new X-Forwarded-For on every try
        _login(app, f"tebak{i}", "wrong-password-1", f"10.9.9.{i}")
    assert _login(app, "rina", TEST_PASSWORD, "10.9.9.200").status_code == 429


def test_behind_an_https_proxy_the_links_the_desk_hands_out_say_https(app, make_app, make_user):
    """The kiosk enrolment link (README: open it on the kiosk): behind an HTTPS proxy it must not send
    the kiosk to plain http on the proxy's inside. Since h21s a link is written from SITE_ADDRESS (or a
    Host that is this server's address), never from a name a request carries: without SITE_ADDRESS
    the link is a path, which the kiosk opens on the address it already uses."""
    make_user("adi", "admin")
    proxied = _proxied_app(make_app, app)
    c = proxied.test_client()
    headers = {"X-Forwarded-For": "10.0.0.10", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "lpse.example.go.id"}
    token = csrf_from(c, "/admin/login")
    assert c.post("/admin/login", data={"csrf_token": token, "username": "adi", "password": TEST_PASSWORD},
                  headers=headers, environ_base={"REMOTE_ADDR": PROXY}).status_code == 302
    token = csrf_from(c, "/admin/kiosks")
    page = c.post("/admin/kiosks", data={"csrf_token": token, "name": "Kios lobi"}, headers=headers,
                  environ_base={"REMOTE_ADDR": PROXY}, follow_redirects=True).get_data(as_text=True)
    assert "http://" not in page.split('class="kiosk-link">', 1)[1][:20]
    assert '<code class="kiosk-link">/kiosk/enrol?code=' in page
    proxied.config["SITE_ADDRESS"] = "https://lpse.example.go.id"
    page = c.post("/admin/kiosks", data={"csrf_token": token, "name": "Kios lantai 2"}, headers=headers,
                  environ_base={"REMOTE_ADDR": PROXY}, follow_redirects=True).get_data(as_text=True)
    assert "https://lpse.example.go.id/kiosk/enrol?code=" in page
