"""A new database offers a one-time setup link for the first Admin; there is no default password."""
from __future__ import annotations

from lpsedesk.extensions import db
from lpsedesk.firstrun import setup_token
from lpsedesk.models import User
from lpsedesk.roles import Role

from ..conftest import csrf_from


def test_a_new_database_sends_every_visitor_of_the_front_door_to_setup(client):
    assert client.get("/").headers["Location"].endswith("/admin/setup")
    page = client.get("/admin/setup").get_data(as_text=True)
    assert "create-user" in page and "<form" not in page  # no token, no form


def test_the_setup_link_creates_the_first_admin_once(app, client):
    token = setup_token(app.instance_path)
    csrf = csrf_from(client, f"/admin/setup?token={token}")
    form = {"csrf_token": csrf, "token": token, "username": "kepala", "full_name": "Admin Pertama",
            "password": "pass-kuat-2026", "confirm": "pass-kuat-2026"}
    assert client.post("/admin/setup", data=form).status_code == 302
    with app.app_context():
        user = db.session.query(User).one()
        assert user.roles == {Role.ADMIN}
    assert client.get("/admin/setup").headers["Location"].endswith("/admin/login")


def test_a_wrong_setup_token_creates_nothing(app, client):
    csrf = csrf_from(client, f"/admin/setup?token={setup_token(app.instance_path)}")
    form = {"csrf_token": csrf, "token": "nope", "username": "intruder", "full_name": "X",
            "password": "pass-kuat-2026", "confirm": "pass-kuat-2026"}
    assert client.post("/admin/setup", data=form).status_code == 400
    with app.app_context():
        assert db.session.query(User).count() == 0


def test_the_setup_link_keeps_working_while_no_admin_exists(app, client, make_user):
    make_user("kasubag1", "kasubag", name="Kasubag dari CLI")  # e.g. `flask create-user` first
    token = setup_token(app.instance_path)
    csrf = csrf_from(client, f"/admin/setup?token={token}")
    form = {"csrf_token": csrf, "token": token, "username": "kepala", "full_name": "Admin Pertama",
            "password": "pass-kuat-2026", "confirm": "pass-kuat-2026"}
    assert client.post("/admin/setup", data=form).status_code == 302
    with app.app_context():
        assert db.session.query(User).filter_by(username="kepala").one().roles == {Role.ADMIN}
    assert client.get("/admin/setup").headers["Location"].endswith("/admin/login")


def test_the_login_page_stays_for_a_kasubag_while_no_admin_exists(client, make_user):
    make_user("kasubag1", "kasubag", name="Kasubag dari CLI")
    assert client.get("/admin/login").status_code == 200
