"""Hand-planted mutants that survived (mu18) in which Host names the desk answers to, from the README's
ALLOWED_HOSTS row: "this computer's name and full name" are answered without any setting, and the
setting takes names (a value that is no name stops the start)."""
from __future__ import annotations

from lpsedesk.allowed_hosts import host_allowed, parse_allowed_hosts


def test_this_computers_full_name_is_answered_however_the_system_writes_it():
    # Host names are not case-sensitive and a final dot names the same host; browsers send lower case.
    machine = ("MEJA-TAMU", "Meja-Tamu.Kantor.Example.go.id.")
    assert host_allowed("meja-tamu.kantor.example.go.id", allowed=parse_allowed_hosts(""), own_names=machine)
    assert host_allowed("MEJA-TAMU.kantor.example.go.id:8443", allowed=parse_allowed_hosts(""), own_names=machine)
    assert not host_allowed("meja-tamu.evil.example", allowed=parse_allowed_hosts(""), own_names=machine)


def test_a_name_written_in_its_own_letters_is_a_name_and_answered_as_browsers_send_it():
    setting = parse_allowed_hosts("tamu.bücher.example, *.dinas-ü.example")
    assert host_allowed("tamu.xn--bcher-kva.example", allowed=setting, own_names=())
    assert host_allowed("meja.xn--dinas--8ya.example", allowed=setting, own_names=())
    assert not host_allowed("tamu.bucher.example", allowed=setting, own_names=())
