"""Secrets are generated once into instance/, never hard-coded; the environment overrides defaults."""
from __future__ import annotations

from pathlib import Path



def test_secrets_are_generated_once_into_the_instance_folder(make_app, tmp_path, migrated):
    first = make_app({"DATABASE_URL": migrated}, instance_path=str(tmp_path))
    second = make_app({"DATABASE_URL": migrated}, instance_path=str(tmp_path))
    assert len(first.config["SECRET_KEY"]) >= 32
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"]
    assert first.config["STORAGE_KEY"] == second.config["STORAGE_KEY"]
    assert (Path(tmp_path) / "secret_key").stat().st_mode & 0o077 == 0
    other = make_app({"DATABASE_URL": migrated}, instance_path=str(tmp_path / "elsewhere"))
    assert other.config["SECRET_KEY"] != first.config["SECRET_KEY"]


def test_environment_and_instance_config_are_honoured(make_app, tmp_path, monkeypatch, migrated):
    (tmp_path / "config.py").write_text("PORT = 9000\nTHREADS = 8\n")
    monkeypatch.setenv("THREADS", "48")
    monkeypatch.setenv("DATABASE_URL", migrated)
    app = make_app(instance_path=str(tmp_path))
    assert app.config["PORT"] == 9000 and app.config["THREADS"] == 48


def test_the_default_database_is_sqlite_in_the_instance_folder(make_app, tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = make_app(instance_path=str(tmp_path))
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path.as_posix()}/lpsedesk.db"


def test_the_core_runs_without_either_blueprint(make_app, tmp_path, migrated):
    app = make_app({"DATABASE_URL": migrated, "INSTALLED_BLUEPRINTS": ()}, instance_path=str(tmp_path))
    assert set(app.blueprints) == {"core"}
    client = app.test_client()
    assert client.get("/healthz").status_code == 200
    front = client.get("/")
    assert front.status_code == 200 and "/kiosk/" not in front.get_data(as_text=True)


def test_with_only_the_kiosk_the_front_door_offers_the_kiosk_alone(make_app, tmp_path, migrated):
    app = make_app({"DATABASE_URL": migrated, "INSTALLED_BLUEPRINTS": ("kiosk:bp",)}, instance_path=str(tmp_path))
    page = app.test_client().get("/").get_data(as_text=True)
    assert "/kiosk/" in page and "/admin/" not in page


def test_the_core_package_imports_neither_blueprint():
    root = Path(__file__).resolve().parents[2] / "lpsedesk"
    for path in root.rglob("*.py"):
        text = path.read_text()
        for name in ("kiosk", "admin"):
            assert f"from {name}" not in text and f"import {name}" not in text, path
