"""h45s: what the audit log keeps of logging in. The log is never purged and goes into every backup, so it
keeps who tried which account from where, but never text a person typed that is no account's name: a
password typed into the user-name box on a shared phone was written there as the "user name" of a
failed login, for ever. A login is audited with the address it came from, as a failed one is."""
from __future__ import annotations

from ..conftest import audit_events

PASSWORD_IN_THE_WRONG_BOX = "Sinta#Rahasia-2026"



def test_a_password_typed_as_the_user_name_is_not_kept_in_the_audit_log(app, make_user, login):
    make_user("sinta", "admin")
    assert login(PASSWORD_IN_THE_WRONG_BOX, "sinta").status_code == 401
    [failed] = audit_events(app, "user.login_failed")
    assert PASSWORD_IN_THE_WRONG_BOX not in str(failed.details)
    assert failed.details["unknown_name"] is True
    assert failed.details["ip"] == "127.0.0.1"


def test_a_wrong_password_for_an_account_names_the_account_tried(app, make_user, login):
    make_user("sinta", "admin")
    assert login("  Sinta ", "salah-sandi-99").status_code == 401
    [failed] = audit_events(app, "user.login_failed")
    assert failed.details["username"] == "sinta"
    assert "unknown_name" not in failed.details


def test_a_login_is_audited_with_the_address_it_came_from(app, make_user, login):
    make_user("rina", "helpdesk")
    assert login("rina").status_code == 302
    [logged_in] = audit_events(app, "user.login")
    assert logged_in.details == {"ip": "127.0.0.1"}
