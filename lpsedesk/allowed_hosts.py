"""Which Host names the desk answers to (h38c: DNS rebinding). Plain Python, no Flask.

A page on the internet opened by a staff member can point its own name (evil.example) at the desk's
LAN address a moment after loading, then send requests from that browser as its own site: the
browser calls them same-origin and sends `Host: evil.example`. Answering only to the desk's own
names ends that. Allowed without any setting, so that no office is shut out by the upgrade where
that can be avoided:

- an IP address (v4 or v6, any port): no name to rebind;
- `localhost`, this computer's name and full name, and SITE_ADDRESS's name;
- a single-label name (`lpse-desk`): a NetBIOS or LAN name, which public DNS cannot hand out;
- a name under a suffix only a LAN answers (`.local`, `.lan`, `.internal`, `.home.arpa`,
  `.localdomain`);
- ALLOWED_HOSTS: names, `*.example` for every name under example.go.id (not the bare name), or `*`
  alone to turn the check off.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from .site_address import host_name, is_ip_address

LAN_SUFFIXES = (".local", ".lan", ".internal", ".home.arpa", ".localdomain")

# What the refusal page and the log show of a refused name: enough to recognise it, never a page of it.
SHOWN_NAME_MAX = 64


@dataclass(frozen=True)
class AllowedHosts:
    """ALLOWED_HOSTS read: exact names, suffixes from `*.x` (with their dot), and whether `*` was given."""
    names: frozenset[str] = frozenset()
    suffixes: tuple[str, ...] = ()
    anything: bool = False


@lru_cache(maxsize=16)  # asked on every request with the same few settings
def parse_allowed_hosts(value: str) -> AllowedHosts:
    """ALLOWED_HOSTS (comma-separated) read, or ValueError naming the entry that is no host name."""
    names: set[str] = set()
    suffixes: list[str] = []
    anything = False
    for entry in (part.strip() for part in (value or "").split(",")):
        if not entry:
            continue
        if entry == "*":
            anything = True
            continue
        wildcard = entry.startswith("*.")
        name = host_name(_ascii(entry[2:] if wildcard else entry))
        if name is None or (wildcard and is_ip_address(name)) or not _whole_labels(name):
            raise ValueError(f"ALLOWED_HOSTS: {entry!r} is not a host name (e.g. desk.lpse.example.go.id, "
                             "*.lpse.example.go.id or *)")
        if wildcard:
            suffixes.append("." + name)
        else:
            names.add(name)
    return AllowedHosts(frozenset(names), tuple(suffixes), anything)


def _whole_labels(name: str) -> bool:
    # A name no resolver could look up (an empty label as in "desk..example", a label over 63
    # characters, over 253 in all) is a typing slip: stopping the start says so, where allowing it
    # would leave the office's real name refused with no clue why.
    if is_ip_address(name):
        return True
    return len(name) <= 253 and all(0 < len(label) <= 63 for label in name.split("."))


def _ascii(entry: str) -> str:
    """A name written in its own letters as the ASCII form browsers send (xn--...)."""
    try:
        return entry.encode("idna").decode("ascii") if not entry.isascii() else entry
    except UnicodeError:
        return ""


def host_allowed(host: str, *, allowed: AllowedHosts, own_names: Iterable[str], site_address: str = "") -> bool:
    """Whether the desk answers a request whose Host (name[:port]) is `host`."""
    if allowed.anything:
        return True
    name = host_name(host)
    if name is None:
        return False
    if is_ip_address(name) or "." not in name or name == "localhost":
        return True
    if name.endswith(LAN_SUFFIXES) or name.endswith(allowed.suffixes) or name in allowed.names:
        return True
    return name in _ours(tuple(own_names), site_address)


@lru_cache(maxsize=16)  # asked on every request with this computer's names and SITE_ADDRESS, which do not change
def _ours(own_names: tuple[str, ...], site_address: str) -> frozenset[str]:
    """This computer's names and SITE_ADDRESS's, as a Host header names them (lower case, no final dot)."""
    ours = {n.lower().rstrip(".") for n in own_names if n}
    if site_address:
        ours.add((urlsplit(site_address).hostname or "").rstrip("."))
    return frozenset(ours)


def shown_name(host: str) -> str:
    """The refused name as the page and the log may show it: only a host name's own characters
    (letters, digits, dots, hyphens, an IPv6 address's), at most SHOWN_NAME_MAX of them; "" when the
    Host is no name at all."""
    name = host_name(host) or ""
    return name if len(name) <= SHOWN_NAME_MAX else name[:SHOWN_NAME_MAX - 1] + "…"


class OncePerHour:
    """The first sighting of a key each hour: a refused name is logged once an hour, not at every
    request a rebinding page sends. Holds at most `keep` keys; past that a flood of made-up names
    shares one key, OTHERS, and so one line an hour."""

    OTHERS = "(other names)"

    def __init__(self, keep: int = 512, clock: Callable[[], float] = time.monotonic, period: float = 3600.0) -> None:
        self.keep, self.clock, self.period = keep, clock, period
        self._seen: dict[str, float] = {}
        self._lock = threading.Lock()  # waitress serves from many threads

    def sighted(self, key: str) -> str | None:
        """The key to log for this sighting (`key`, or OTHERS when full), or None when it was logged
        within the hour."""
        now = self.clock()
        with self._lock:
            if key not in self._seen and len(self._seen) >= self.keep:
                self._seen = {k: t for k, t in self._seen.items() if now - t < self.period}
                if len(self._seen) >= self.keep:
                    key = self.OTHERS
            last = self._seen.get(key)
            if last is not None and now - last < self.period:
                return None
            self._seen[key] = now
            return key
