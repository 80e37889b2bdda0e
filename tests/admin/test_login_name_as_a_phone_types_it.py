"""A user name logs in however a phone's keyboard capitalised it.

README: the Kasubag decides on the staff screen and "a phone is enough"; Android and iOS keyboards
write the first letter of a field in capitals ("Bambang"), and a desk PC may have Caps Lock on.
User names are lower case (docs/settings.md: "3-64 of `a-z 0-9 . _ -`"); typing one with
capitals or stray spaces must log in the same account, and a wrong password is still wrong.
"""
from __future__ import annotations


def test_the_kasubag_logs_in_with_the_name_capitalised_by_the_phone(client, make_user, login):
    make_user("bambang", "kasubag")
    assert login("Bambang").status_code == 302
    assert client.get("/admin/queue").status_code == 200


def test_capitals_do_not_get_past_a_wrong_password(app, make_user, login):
    make_user("bambang", "kasubag")
    assert login("BAMBANG ", password="salah-sandi-123", c=app.test_client()).status_code == 401
