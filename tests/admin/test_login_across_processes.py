"""Several app processes on one PostgreSQL count failed logins together: a guesser spreading
attempts over the processes behind a proxy meets the same limit as on one (issue 16)."""
from __future__ import annotations

import pytest

from ..conftest import TEST_PASSWORD, csrf_from


def _login(app, username: str, password: str):
    c = app.test_client()
    token = csrf_from(c, "/admin/login")
    return c.post("/admin/login", data={"csrf_token": token, "username": username, "password": password},
                  environ_base={"REMOTE_ADDR": "10.0.0.66"})


def test_failed_logins_on_two_app_processes_count_against_one_limit(app, make_app, make_user, tmp_path):
    if not app.config["DATABASE_URL"].startswith("postgresql"):
        pytest.skip("needs TEST_DATABASE_URL on PostgreSQL (SQLite serves one process)")
    other = make_app({"DATABASE_URL": app.config["DATABASE_URL"], "TESTING": True, "SECRET_KEY": app.config["SECRET_KEY"],
                      "STORAGE_DIR": str(tmp_path / "files")}, instance_path=str(tmp_path / "other"))
    make_user("rina", "helpdesk")
    for i in range(5):  # alternately on each process
        assert _login(app if i % 2 else other, "rina", "wrong-password-1").status_code == 401
    assert _login(app, "rina", TEST_PASSWORD).status_code == 429
    assert _login(other, "rina", TEST_PASSWORD).status_code == 429
