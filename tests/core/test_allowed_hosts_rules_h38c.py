"""Which Host names the desk answers to (lpsedesk/allowed_hosts.py), from task h38c's words: a page on
the internet rebinding its own name (evil.example) to the desk's LAN address must be refused; an IP
address (v4 or v6, any port), `localhost`, this machine's names, SITE_ADDRESS's name, a single-label
LAN name, a name under .local, .lan, .internal, .home.arpa or .localdomain, and what the office lists in
ALLOWED_HOSTS (names, `*.example` for the names under one, `*` for anything) are answered."""
from __future__ import annotations

import pytest

from lpsedesk.allowed_hosts import OncePerHour, host_allowed, parse_allowed_hosts, shown_name

NOTHING_SET = parse_allowed_hosts("")
MACHINE = ("meja-tamu", "meja-tamu.kantor.example.go.id")


def allowed(host: str, setting: str = "", site_address: str = "") -> bool:
    return host_allowed(host, allowed=parse_allowed_hosts(setting), own_names=MACHINE, site_address=site_address)


@pytest.mark.parametrize("host", [
    "10.0.0.5", "10.0.0.5:8080", "192.168.1.10:80", "127.0.0.1", "127.0.0.1:54321",
    "[::1]", "[::1]:8080", "[fe80::1]:8080", "[2001:db8::5]",
    "localhost", "localhost:8080", "LOCALHOST.",
    "meja-tamu", "MEJA-TAMU:8080", "meja-tamu.kantor.example.go.id", "meja-tamu.kantor.example.go.id:8443",
    "lpse-desk", "desk", "desk:8080", "SERVER01",
    "desk.local", "meja.lpse.lan:8080", "desk.internal", "desk.home.arpa", "desk.localdomain", "a.b.LOCAL",
])
def test_the_desks_own_and_lan_names_are_answered_without_any_setting(host):
    assert allowed(host)


@pytest.mark.parametrize("host", [
    "evil.example", "evil.example:8080", "EVIL.EXAMPLE.", "desk.lpse.example.go.id", "localhost.evil.example",
    "desk.local.evil.example", "evil-local.example", "x.evillan", "10.0.0.5.evil.example", "meja-tamu.evil.example",
    "10.0.0.5@evil.example", "", "[evil.example]", "evil.example:99999",
])
def test_a_public_style_name_nobody_listed_is_refused(host):
    assert not allowed(host)


def test_site_addresses_name_is_answered_whatever_its_port():
    site = "https://desk.lpse.example.go.id:8443"
    assert allowed("desk.lpse.example.go.id", site_address=site)
    assert allowed("Desk.Lpse.Example.Go.Id:443", site_address=site)
    assert not allowed("other.lpse.example.go.id", site_address=site)


def test_allowed_hosts_names_and_wildcards():
    setting = " desk.lpse.example.go.id , *.tamu.example.go.id,kantor.example:8080"
    assert allowed("desk.lpse.example.go.id", setting)
    assert allowed("DESK.LPSE.EXAMPLE.GO.ID:8080", setting)
    assert allowed("kantor.example", setting), "a port written in the setting does not matter"
    assert allowed("lantai2.tamu.example.go.id", setting) and allowed("a.b.tamu.example.go.id:443", setting)
    assert not allowed("tamu.example.go.id", setting), "*.x is the names under x, not x itself"
    assert not allowed("eviltamu.example.go.id", setting)
    assert not allowed("lpse.example.go.id", setting) and not allowed("evil.example", setting)


def test_a_star_alone_turns_the_check_off():
    assert allowed("evil.example", "*")
    assert allowed("", "desk.example, *")
    assert not allowed("evil.example", "*.example.go.id")


@pytest.mark.parametrize("entry", ["http://desk.example/", "desk example", "*.", "**", "*.10.0.0.5", "desk/x"])
def test_a_setting_entry_that_is_no_name_is_an_error_naming_it(entry):
    with pytest.raises(ValueError, match="ALLOWED_HOSTS"):
        parse_allowed_hosts(f"desk.example, {entry}")


def test_the_shown_name_is_only_a_names_characters_and_short():
    assert shown_name("Evil.Example:8080") == "evil.example"
    assert shown_name("<script>alert(1)</script>") == ""
    assert shown_name('evil.example"><b>') == ""
    long = "a" * 50 + "." + "b" * 60 + ".example"
    assert len(shown_name(long)) == 64 and shown_name(long).endswith("…")


def test_a_refused_name_is_logged_once_an_hour():
    now = [1000.0]
    once = OncePerHour(keep=3, clock=lambda: now[0])
    assert once.sighted("evil.example") == "evil.example"
    assert once.sighted("evil.example") is None
    assert once.sighted("other.example") == "other.example"
    now[0] += 3599
    assert once.sighted("evil.example") is None
    now[0] += 2
    assert once.sighted("evil.example") == "evil.example"


def test_a_flood_of_made_up_names_shares_one_line_an_hour():
    now = [0.0]
    once = OncePerHour(keep=3, clock=lambda: now[0])
    logged = [once.sighted(f"n{i}.example") for i in range(50)]
    assert logged[:3] == ["n0.example", "n1.example", "n2.example"]
    assert logged[3] == OncePerHour.OTHERS and logged[4:] == [None] * 46
    now[0] += 3601  # an hour on, the old names make room again
    assert once.sighted("n9.example") == "n9.example"
