"""The Host check's loose ends (h40s).

(a) This computer's names are looked up once per process, not at every request: `getfqdn` may ask the
resolver, seconds on a LAN whose DNS does not answer, and the check runs before every request.

(b) README ("HTTPS behind a reverse proxy"): the proxy must send X-Forwarded-Host or the browser's own
Host. One that sends neither makes every request look as if it asked for the proxy's upstream address
(127.0.0.1): the check, which answers IP addresses, then sees nothing. The desk cannot tell that from
outside, so it says so in the log, once per process, when a request through the trusted proxy carries
no X-Forwarded-Host; and it serves the request, since an office's proxy must keep working."""
from __future__ import annotations

import logging
import socket

from lpsedesk import site_address

from ..admin.test_dns_rebinding_h38c import ANSWERED, PROXY, _proxied

WARNED = "without X-Forwarded-Host"


def test_this_computers_names_are_looked_up_once_for_many_requests(client, monkeypatch):
    asked = []
    monkeypatch.setattr(socket, "getfqdn", lambda *a: asked.append("fqdn") or "meja-tamu.kantor.example.go.id")
    monkeypatch.setattr(socket, "gethostname", lambda: asked.append("name") or "meja-tamu")
    site_address.this_computers_names.cache_clear()
    try:
        for _ in range(5):
            # a full name: answered only as this computer's own, so the check must ask for the names
            assert client.get("/healthz", headers={"Host": "meja-tamu.kantor.example.go.id"}).status_code in ANSWERED
        assert client.get("/healthz", headers={"Host": "meja-lain.kantor.example.go.id"}).status_code == 400
    finally:
        site_address.this_computers_names.cache_clear()
    assert sorted(asked) == ["fqdn", "name"]


def _warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if WARNED in r.getMessage()]


def test_a_proxy_that_forwards_no_host_name_is_named_in_the_log_once_and_still_served(make_app, app, caplog):
    proxied = _proxied(make_app, app)
    with caplog.at_level(logging.WARNING):
        for path in ("/admin/login", "/healthz", "/"):
            response = proxied.get(path, headers={"Host": "127.0.0.1:8080", "X-Forwarded-For": "10.0.0.31"},
                                   environ_base={"REMOTE_ADDR": PROXY})
            assert response.status_code in ANSWERED, path
    said = _warnings(caplog)
    assert len(said) == 1, said
    assert "TRUSTED_PROXIES" in said[0] and "127.0.0.1" in said[0] and "README" in said[0]


def test_a_proxy_that_forwards_the_host_name_is_not_warned_about(make_app, app, caplog):
    proxied = _proxied(make_app, app)
    with caplog.at_level(logging.WARNING):
        for _ in range(3):
            assert proxied.get("/admin/login", headers={"Host": "127.0.0.1:8080", "X-Forwarded-Host": "10.0.0.5:8443"},
                               environ_base={"REMOTE_ADDR": PROXY}).status_code in ANSWERED
    assert _warnings(caplog) == []


def test_without_trusted_proxies_a_request_without_forwarded_host_is_no_warning(client, caplog):
    with caplog.at_level(logging.WARNING):
        assert client.get("/admin/login", headers={"Host": "127.0.0.1:8080"}).status_code in ANSWERED
    assert _warnings(caplog) == []
