"""The Admin manages staff accounts: create, roles, deactivate, reset passwords; sessions end; audited."""
from __future__ import annotations

import re

from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, User
from lpsedesk.passwords import verify_password

from ..conftest import TEST_PASSWORD, csrf_from, post_form


def _user(app, username: str) -> User:
    with app.app_context():
        user = db.session.scalars(select(User).where(User.username == username)).one()
        db.session.expunge(user)
        return user


def _actions(app) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def _admin(make_user, login):
    admin_id = make_user("siti", "admin", name="Siti Admin")
    login("siti")
    return admin_id


def test_the_user_list_shows_name_user_name_roles_status_and_last_login(app, client, make_user, login):
    _admin(make_user, login)
    make_user("bambang", "kasubag", "helpdesk", name="Bambang Kasubag")
    make_user("lama", "helpdesk", name="Pegawai Lama", active=False)
    page = client.get("/admin/settings/users").get_data(as_text=True)
    assert "Bambang Kasubag" in page and "bambang" in page
    assert "Kasubag" in page and "Helpdesk" in page
    assert "Nonaktif" in page and "belum pernah" in page and "WIB" in page  # siti just logged in


def test_only_the_admin_opens_the_user_pages(client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    assert client.get("/admin/settings/users").status_code == 403


def test_admin_creates_an_account_with_several_roles_and_a_generated_password_shown_once(app, client, make_user,
                                                                                         login):
    _admin(make_user, login)
    response = post_form(client, "/admin/settings/users/new", {
        "username": "Agus.Pratama", "full_name": "Agus  Pratama", "nip": "19800101 200501 1 001",
        "roles": ["helpdesk", "kasubag"]})
    assert response.status_code == 201
    password = re.search(r'id="new-password">([^<]+)<', response.get_data(as_text=True)).group(1).strip()
    user = _user(app, "agus.pratama")
    assert user.full_name == "Agus Pratama" and user.nip == "198001012005011001"
    assert {r.value for r in user.roles} == {"helpdesk", "kasubag"}
    assert verify_password(user.password_hash, password) and len(password) >= 16
    assert "user.created" in _actions(app)
    # The password is not shown again anywhere.
    assert password not in client.get(f"/admin/settings/users/{user.id}").get_data(as_text=True)


def test_admin_creates_an_account_with_a_chosen_password(app, client, make_user, login):
    _admin(make_user, login)
    response = post_form(client, "/admin/settings/users/new", {
        "username": "dewi", "full_name": "Dewi", "roles": ["helpdesk"],
        "password": "Sandi-baru-2026", "confirm": "Sandi-baru-2026"})
    assert response.status_code == 302
    assert verify_password(_user(app, "dewi").password_hash, "Sandi-baru-2026")


def test_creating_an_account_with_bad_input_says_why_and_saves_nothing(app, client, make_user, login):
    _admin(make_user, login)
    cases = [
        ({"username": "x", "full_name": "X", "roles": ["helpdesk"]}, "Nama pengguna terdiri"),
        ({"username": "siti", "full_name": "Dua", "roles": ["helpdesk"]}, "sudah dipakai"),
        ({"username": "dewi", "full_name": "Dewi", "roles": []}, "Pilih paling sedikit satu peran"),
        ({"username": "dewi", "full_name": "", "roles": ["admin"]}, "Nama lengkap wajib diisi"),
        ({"username": "dewi", "full_name": "Dewi", "roles": ["admin"], "password": "pendek1",
          "confirm": "pendek1"}, "minimal 10 karakter"),
        ({"username": "dewi", "full_name": "Dewi", "roles": ["admin"], "password": "Sandi-baru-2026",
          "confirm": "lain"}, "Kata sandi tidak sama"),
        ({"username": "dewi", "full_name": "Dewi", "roles": ["admin"], "nip": "123"}, "NIP terdiri atas 18 angka"),
        ({"username": "dewi", "full_name": "Dewi", "roles": ["root"]}, ""),
    ]
    for data, message in cases:
        response = post_form(client, "/admin/settings/users/new", data)
        assert response.status_code == 400, data
        assert message in response.get_data(as_text=True), data
    with app.app_context():
        assert db.session.scalars(select(User.username)).all() == ["siti"]


def test_a_user_name_with_a_space_is_refused_in_the_users_language(app, client, make_user, login):
    # The core's message for a bad user name, shown through the Admin's form.
    _admin(make_user, login)
    page = post_form(client, "/admin/settings/users/new", {"username": "a b", "full_name": "A", "roles": ["helpdesk"]})
    assert "huruf kecil" in page.get_data(as_text=True)


def test_changing_roles_ends_that_users_sessions_and_is_audited(app, client, make_user, login):
    _admin(make_user, login)
    rina = make_user("rina", "helpdesk")
    other = app.test_client()
    login("rina", c=other)
    assert other.get("/admin/").status_code == 200
    assert post_form(client, f"/admin/settings/users/{rina}/roles", {"roles": ["helpdesk", "kasubag"]}).status_code == 302
    assert {r.value for r in _user(app, "rina").roles} == {"helpdesk", "kasubag"}
    assert other.get("/admin/").status_code == 302  # back to the login page
    assert "user.roles_set" in _actions(app)


def test_deactivating_ends_sessions_at_once_and_reactivating_lets_the_user_log_in_again(app, client, make_user,
                                                                                       login):
    _admin(make_user, login)
    rina = make_user("rina", "helpdesk")
    other = app.test_client()
    login("rina", c=other)
    assert post_form(client, f"/admin/settings/users/{rina}/deactivate").status_code == 302
    assert not _user(app, "rina").active
    assert other.get("/admin/").status_code == 302
    assert login("rina", c=app.test_client()).status_code == 401
    assert post_form(client, f"/admin/settings/users/{rina}/reactivate").status_code == 302
    # docs/settings.md: deactivating *ends* the sessions: the browser left open stays logged out (mut3 US2)
    assert other.get("/admin/").status_code == 302
    assert login("rina", c=app.test_client()).status_code == 302
    assert {"user.deactivated", "user.activated"} <= set(_actions(app))


def test_the_last_active_admin_cannot_deactivate_themselves_or_drop_the_admin_role(app, client, make_user, login):
    siti = _admin(make_user, login)
    make_user("lama", "admin", active=False)  # a deactivated Admin does not count
    response = post_form(client, f"/admin/settings/users/{siti}/deactivate")
    assert response.status_code == 400 and "satu-satunya Admin" in response.get_data(as_text=True)
    response = post_form(client, f"/admin/settings/users/{siti}/roles", {"roles": ["helpdesk"]})
    assert response.status_code == 400 and "satu-satunya Admin" in response.get_data(as_text=True)
    user = _user(app, "siti")
    assert user.active and {r.value for r in user.roles} == {"admin"}
    assert "user.deactivated" not in _actions(app)


def test_with_a_second_admin_an_admin_may_hand_over_and_drop_their_own_admin_role(app, client, make_user, login):
    siti = _admin(make_user, login)
    make_user("joko", "admin")
    assert post_form(client, f"/admin/settings/users/{siti}/roles", {"roles": ["kasubag"]}).status_code == 302
    assert {r.value for r in _user(app, "siti").roles} == {"kasubag"}
    assert client.get("/admin/settings/users").status_code == 302  # own session ended with the change


def test_resetting_a_password_generates_one_shown_once_and_ends_sessions(app, client, make_user, login):
    _admin(make_user, login)
    rina = make_user("rina", "helpdesk")
    other = app.test_client()
    login("rina", c=other)
    response = post_form(client, f"/admin/settings/users/{rina}/password")
    assert response.status_code == 200
    password = re.search(r'id="new-password">([^<]+)<', response.get_data(as_text=True)).group(1).strip()
    assert other.get("/admin/").status_code == 302
    assert login("rina", password=password, c=app.test_client()).status_code == 302
    assert login("rina", password=TEST_PASSWORD, c=app.test_client()).status_code == 401
    assert "user.password_set" in _actions(app)


def test_the_admin_may_set_a_chosen_password_that_meets_the_rules(app, client, make_user, login):
    _admin(make_user, login)
    rina = make_user("rina", "helpdesk")
    weak = post_form(client, f"/admin/settings/users/{rina}/password", {"password": "abcdefghijk", "confirm": "abcdefghijk"})
    assert weak.status_code == 400 and "huruf dan angka" in weak.get_data(as_text=True)
    common = post_form(client, f"/admin/settings/users/{rina}/password", {"password": "Password123",
                                                                       "confirm": "Password123"})
    assert common.status_code == 400 and "terlalu mudah ditebak" in common.get_data(as_text=True)
    assert not verify_password(_user(app, "rina").password_hash, "Password123")
    ok = post_form(client, f"/admin/settings/users/{rina}/password", {"password": "Sandi-baru-2026",
                                                                   "confirm": "Sandi-baru-2026"})
    assert ok.status_code == 302
    assert verify_password(_user(app, "rina").password_hash, "Sandi-baru-2026")


def test_the_admin_corrects_a_name_and_nip_and_the_change_is_audited(app, client, make_user, login):
    _admin(make_user, login)
    rina = make_user("rina", "helpdesk")
    bad = post_form(client, f"/admin/settings/users/{rina}/profile", {"full_name": "Rina", "nip": "12345"})
    assert bad.status_code == 400 and "18 angka" in bad.get_data(as_text=True)
    ok = post_form(client, f"/admin/settings/users/{rina}/profile", {"full_name": "Rina Wulandari",
                                                                  "nip": "199001012015032001"})
    assert ok.status_code == 302
    assert _user(app, "rina").full_name == "Rina Wulandari"
    with app.app_context():
        event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "user.profile_set")).one()
        assert event.details["old"]["full_name"] == "Rina" and event.details["new"]["nip"] == "199001012015032001"


def test_a_missing_user_is_a_404(client, make_user, login):
    _admin(make_user, login)
    assert client.get("/admin/settings/users/999999").status_code == 404
    assert post_form(client, "/admin/settings/users/999999/deactivate").status_code == 404
