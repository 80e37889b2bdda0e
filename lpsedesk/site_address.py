"""The desk's own address in links that leave the browser: a kiosk's enrolment link (and its QR) and
the address printed on an invitation card. Plain Python, no Flask.

Written from the request's Host, such a link carries whatever Host the client sent: a request with
`Host: evil.example` (a proxy or a script; browsers send the address they used) would print a card
sending visitors elsewhere. So the link is written from SITE_ADDRESS when the office has set it;
otherwise from the request's Host only when that Host is this server as the LAN reaches it (an IP
address, `localhost` or this computer's own name), and as a path on this site when it is anything
else (the card's QR holds the bare code, which works on any kiosk).
"""
from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Iterable
from functools import cache
from urllib.parse import urlsplit

_HOST = re.compile(r"^(?:\[(?P<v6>[0-9a-fA-F:.]+)\]|(?P<name>[A-Za-z0-9.-]+))(?::(?P<port>\d{1,5}))?$")


def host_name(host: str) -> str | None:
    """The name (or IP address) a Host header names, lower case, without its port or a final dot;
    None when it is no host at all."""
    match = _HOST.match(host or "")
    if match is None:
        return None
    return (match.group("v6") or match.group("name") or "").lower().rstrip(".") or None


def is_ip_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def host_is_ours(host: str, own_names: Iterable[str]) -> bool:
    """Whether a request's Host names this server: an IP address, localhost, or one of `own_names`."""
    name = host_name(host)
    if name is None:
        return False
    return is_ip_address(name) or name == "localhost" or name in {n.lower().rstrip(".") for n in own_names if n}


@cache
def this_computers_names() -> tuple[str, ...]:
    """This computer's name and full name, looked up once per process (`flask serve` asks before it
    listens): getfqdn may ask the resolver, seconds on a LAN whose DNS does not answer, and the host
    check asks at every request.

    Kept for the process's life, which is safe: the names change only when someone renames the
    computer (on Windows that takes a restart; on Linux, hostnamectl or the DHCP server, after which
    the desk is restarted too). Until then the new name gets the refusal page, which says to restart
    the desk, and the former name stays answered, which lets no rebinding page in: a page can only
    rebind a name whose DNS it controls, never this computer's."""
    return (socket.gethostname(), socket.getfqdn())


def absolute_link(path: str, *, site_address: str, scheme: str, host: str, own_names: Iterable[str]) -> str:
    """`path` (a path on this site) as a full address a phone or a kiosk can open."""
    if site_address:
        return site_address.rstrip("/") + path
    if host_is_ours(host, own_names) and scheme in ("http", "https"):
        return f"{scheme}://{host}{path}"
    return path


def valid_site_address(value: str) -> bool:
    """SITE_ADDRESS must be http(s)://host[:port] with nothing after (no path, query or user)."""
    if not value:
        return True
    parts = urlsplit(value)
    return (parts.scheme in ("http", "https") and bool(parts.hostname) and parts.path in ("", "/")
            and not parts.query and not parts.fragment and parts.username is None)
