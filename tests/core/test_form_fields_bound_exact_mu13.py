"""README ("Millions of form fields"): "Urlencoded bodies now have at most 20,000 fields and 1 MB;
past that 413 with a message." The bound at its edge (hand-planted mutants, mu13)."""
from __future__ import annotations

from ..conftest import csrf_from


def _login_with_fields(client, fields: int):
    token = csrf_from(client, "/admin/login")
    pairs = [f"csrf_token={token}", "username=rina", "password=salah"]
    pairs += ["ids=1"] * (fields - len(pairs))
    return client.post("/admin/login", data="&".join(pairs), content_type="application/x-www-form-urlencoded")


def test_twenty_thousand_fields_are_read_and_one_more_is_refused(client, make_user):
    make_user("rina", "helpdesk")
    assert _login_with_fields(client, 20_000).status_code == 401  # read: the login form says the password is wrong
    refused = _login_with_fields(client, 20_001)
    assert refused.status_code == 413 and "isian" in refused.get_data(as_text=True)
