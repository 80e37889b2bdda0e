"""Staff log in and out through the real form; CSRF, rate limiting and deactivation are enforced."""
from __future__ import annotations

from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, User

from ..conftest import csrf_from


def test_a_helpdesk_user_logs_in_sees_the_dashboard_and_logs_out(client, make_user, login):
    make_user("rina", "helpdesk", name="Rina")
    response = login("rina")
    assert response.status_code == 302 and response.headers["Location"].endswith("/admin/")
    page = client.get("/admin/")
    assert page.status_code == 200 and "Rina" in page.get_data(as_text=True)
    token = csrf_from(client, "/admin/")
    assert client.post("/admin/logout", data={"csrf_token": token}).status_code == 302
    assert client.get("/admin/").status_code == 302  # back to the login page


def test_login_and_logout_are_audited(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    login("rina", "wrong-password-1")
    with app.app_context():
        actions = [e.action for e in db.session.query(AuditEvent).order_by(AuditEvent.id)]
    assert "user.login" in actions and "user.login_failed" in actions


def test_a_wrong_password_is_refused_with_a_message_in_indonesian(client, make_user, login):
    make_user("rina", "helpdesk")
    response = login("rina", "salah-sandi-99")
    assert response.status_code == 401
    assert "Nama pengguna atau kata sandi salah" in response.get_data(as_text=True)


def test_english_is_chosen_with_lang_and_kept(client, make_user, login):
    make_user("rina", "helpdesk")
    client.get("/admin/login?lang=en")
    assert "Wrong user name or password" in login("rina", "nope-nope-123").get_data(as_text=True)


def test_a_login_without_csrf_token_is_rejected(client, make_user):
    make_user("rina", "helpdesk")
    # a browser that sends a session cookie (one that sends none: tests/admin/test_cookies_blocked_said_h43p.py)
    client.set_cookie("session", "old.session.cookie")
    response = client.post("/admin/login", data={"username": "rina", "password": "whatever-123"})
    assert response.status_code == 400
    assert "Muat ulang halaman" in response.get_data(as_text=True)


def test_logins_are_rate_limited_per_user_name(client, make_user, login):
    make_user("rina", "helpdesk")
    for _ in range(5):
        assert login("rina", "wrong-password-1").status_code == 401
    blocked = login("rina")  # even the right password waits now
    assert blocked.status_code == 429
    assert int(blocked.headers["Retry-After"]) > 0
    assert "Terlalu banyak" in blocked.get_data(as_text=True)


def test_deactivating_a_user_ends_their_session_at_once(app, client, make_user, login):
    user_id = make_user("rina", "helpdesk")
    login("rina")
    assert client.get("/admin/").status_code == 200
    with app.app_context():
        from lpsedesk import users

        users.set_active(db.session, None, db.session.get(User, user_id), False)
        db.session.commit()
    assert client.get("/admin/").status_code == 302
    assert login("rina").status_code == 401


def test_a_login_never_redirects_off_site(client, make_user):
    make_user("rina", "helpdesk")
    token = csrf_from(client, "/admin/login")
    response = client.post("/admin/login?next=//evil.example/x",
                           data={"csrf_token": token, "username": "rina", "password": "Rahasia-uji-123"})
    assert response.headers["Location"] == "/admin/"


def test_a_login_returns_to_the_print_of_500_chosen_invitations_the_session_ended_on(client, make_user):
    from urllib.parse import quote

    make_user("rina", "helpdesk")
    target = "/admin/invitations/print?" + "&".join(f"id={2_147_483_000 + i}" for i in range(500))
    token = csrf_from(client, "/admin/login")
    response = client.post("/admin/login?next=" + quote(target, safe=""),
                           data={"csrf_token": token, "username": "rina", "password": "Rahasia-uji-123"})
    assert response.headers["Location"] == target


def test_session_cookie_is_httponly_and_samesite(client, make_user, login):
    make_user("rina", "helpdesk")
    cookie = login("rina").headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def _login_from(app, address: str, username: str, password: str):
    c = app.test_client()
    token = csrf_from(c, "/admin/login")
    return c.post("/admin/login", data={"csrf_token": token, "username": username, "password": password},
                  environ_base={"REMOTE_ADDR": address})


def test_wrong_passwords_typed_elsewhere_do_not_lock_the_real_user_out(app, make_user):
    from ..conftest import TEST_PASSWORD

    make_user("rina", "helpdesk")
    for _ in range(5):
        assert _login_from(app, "10.0.0.66", "rina", "wrong-password-1").status_code == 401
    assert _login_from(app, "10.0.0.66", "rina", TEST_PASSWORD).status_code == 429, "that address waits"
    assert _login_from(app, "10.0.0.10", "rina", TEST_PASSWORD).status_code == 302, "her own desk does not"


def test_one_address_trying_many_user_names_is_stopped_sooner_than_one_name_from_many_addresses(app, make_user):
    from ..conftest import TEST_PASSWORD

    make_user("rina", "helpdesk")
    for i in range(10):
        assert _login_from(app, "10.0.0.66", f"tebak{i}", "wrong-password-1").status_code == 401
    assert _login_from(app, "10.0.0.66", "rina", TEST_PASSWORD).status_code == 429
    for i in range(10):
        assert _login_from(app, f"10.0.1.{i}", "budi", "wrong-password-1").status_code == 401
    assert _login_from(app, "10.0.1.99", "budi", "wrong-password-1").status_code == 401, \
        "ten addresses with one wrong try each do not lock a name yet"


def test_an_unknown_user_name_costs_a_password_hash_like_a_known_one(app, make_user, monkeypatch):
    """Time must not tell which user names exist: the unknown name is checked against a dummy hash."""
    from argon2 import PasswordHasher

    calls: list[str] = []
    real = PasswordHasher.verify
    monkeypatch.setattr(PasswordHasher, "verify", lambda self, h, p: calls.append("verify") or real(self, h, p))
    make_user("rina", "helpdesk")
    _login_from(app, "10.0.0.5", "rina", "wrong-password-1")
    known = len(calls)
    _login_from(app, "10.0.0.5", "tidak-ada", "wrong-password-1")
    assert known == 1 and len(calls) - known == 1
