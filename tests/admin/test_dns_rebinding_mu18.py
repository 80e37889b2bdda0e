"""Hand-planted mutants that survived (mu18) in the web layer's host check, from the README's ALLOWED_HOSTS
row: "this computer's name and full name" are answered without any setting. The test machine's own
names may be single-label or `localhost`, answered anyway, so a full name is given here."""
from __future__ import annotations

from lpsedesk import host_check

from .test_dns_rebinding_h38c import ANSWERED, _status


def test_this_computers_full_name_is_answered_without_any_setting(client, monkeypatch):
    monkeypatch.setattr(host_check, "this_computers_names", lambda: ("meja-tamu", "meja-tamu.kantor.example.go.id"))
    assert _status(client, "meja-tamu.kantor.example.go.id", "/admin/login") in ANSWERED
    assert _status(client, "meja-tamu.kantor.example.go.id:8443", "/healthz") in ANSWERED
    assert _status(client, "meja-tamu.evil.example", "/admin/login") == 400
