"""Refuse a request whose Host is not one of the desk's names (lpsedesk/allowed_hosts.py), before
anything else reads it: a page on the internet rebinding its name to the desk's LAN address gets a
400 for every path, so it guesses no login (which would lock the name for everyone) and no kiosk
enrolment code.

Not werkzeug's `trusted_hosts` (Flask's TRUSTED_HOSTS): it knows exact names and dot-suffixes, not
"any IP address" or "any single-label name", which are the desk's usual addresses on a LAN.
"""
from __future__ import annotations

import math

from flask import Flask, Request, current_app, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

from .allowed_hosts import OncePerHour, host_allowed, parse_allowed_hosts, shown_name
from .errors import user_error
from .site_address import this_computers_names


def host_refusal(req: Request) -> HTTPException | None:
    """The 400 for a request to a name that is not the desk's, else None (also asked by the kiosk's
    frame path, answered ahead of Flask's request machinery). Behind TRUSTED_PROXIES the Host is the
    proxy's X-Forwarded-Host (werkzeug's ProxyFix has put it there)."""
    _warn_of_a_proxy_hiding_the_name(req)
    if "HTTP_HOST" not in req.environ:
        # No Host header at all (HTTP/1.0 from a script): not something a browser sends, so no
        # rebinding page; werkzeug then names the server's own address.
        return None
    config = current_app.config
    host = req.host
    if host_allowed(host, allowed=parse_allowed_hosts(str(config.get("ALLOWED_HOSTS") or "")),
                    own_names=this_computers_names(), site_address=str(config.get("SITE_ADDRESS") or "")):
        return None
    name = shown_name(host)
    logged = current_app.extensions["refused_hosts_logged"].sighted(name)
    if logged is not None:
        current_app.logger.warning("refused requests to the host name %r (from %s; once an hour per name): "
                                   "not one of the desk's names; add it to ALLOWED_HOSTS if it is",
                                   logged, req.remote_addr)
    said = _("This desk does not answer to the address “%(name)s”.", name=name) if name \
        else _("This desk does not answer to this address.")
    return user_error(400, said + " " + _("If it is this office's address for the desk, the Admin LPSE adds it to "
                                          "the ALLOWED_HOSTS setting (README, “Configuration”) and "
                                          "restarts the desk."), bare_page=True)


def _warn_of_a_proxy_hiding_the_name(req: Request) -> None:
    """Behind TRUSTED_PROXIES, a request without X-Forwarded-Host carries the Host the proxy chose: the
    browser's own if the proxy passes it on, else the proxy's upstream address (nginx's default,
    `127.0.0.1:8080`), an IP address the check always answers, so a rebound name goes unseen. The desk
    cannot tell which from here, so it says so once per process and serves the request: refusing
    would shut out an office whose proxy worked before the check existed."""
    if not int(current_app.config.get("TRUSTED_PROXIES") or 0) or "HTTP_X_FORWARDED_HOST" in req.environ:
        return
    if current_app.extensions["proxy_without_forwarded_host"].sighted("") is None:
        return
    current_app.logger.warning(
        "a request came through the trusted proxy (TRUSTED_PROXIES) without X-Forwarded-Host: the desk sees "
        "the Host the proxy sent, %r. Unless that is the name the browser used, requests to a name that is "
        "not the desk's (DNS rebinding) are not refused: have the proxy send X-Forwarded-Host (nginx: "
        "proxy_set_header X-Forwarded-Host $host;) or the browser's Host (README, \"HTTPS behind a reverse "
        "proxy\"). Such requests are served; said once per process.", shown_name(req.host))


def register_host_check(app: Flask) -> None:
    """Before every other before-request hook (the CSRF check, the NUL guard), so a refused name
    costs nothing and counts toward no limit."""
    app.extensions["refused_hosts_logged"] = OncePerHour()
    app.extensions["proxy_without_forwarded_host"] = OncePerHour(keep=1, period=math.inf)  # once per process

    @app.before_request
    def _refuse_foreign_host():
        refusal = host_refusal(request)
        if refusal is not None:
            raise refusal
