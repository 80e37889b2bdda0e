"""Fixtures: an app on a migrated database (SQLite by default, PostgreSQL when TEST_DATABASE_URL
is set), clients, staff users and a login helper that goes through the real login form."""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, select, text

from lpsedesk import create_app
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, Base

from .app_startup import COMPILED_TEMPLATES, reuse_url_builders, share_password_hashes
from .support import missing_capabilities

TEST_PASSWORD = "Rahasia-uji-123"

# pytester: tests/test_postgres_pass.py runs pytest on small made-up suites to prove that rule.
pytest_plugins = ("pytester", "tests.postgres_pass")

reuse_url_builders()  # every app of the run (tests/app_startup.py)
share_password_hashes(TEST_PASSWORD)


def _worker_database(url: str) -> str:
    """The database of this pytest-xdist worker: `make test` runs one worker per core, and each needs
    a database of its own beside the one given (created once; the role needs CREATEDB, as .ci/run
    grants). A run without workers uses the given database itself."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return url
    given = make_url(url)
    name = f"{given.database}_{worker}"
    admin = create_engine(given, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}) is None:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return given.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        url = _worker_database(url)
        engine = create_engine(url)
        with engine.begin() as conn:  # start from an empty schema: the migration creates everything
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        engine.dispose()
        return url
    return f"sqlite:///{tmp_path_factory.mktemp('db').as_posix()}/test.db"


@pytest.fixture(scope="session")
def migrated(database_url, tmp_path_factory) -> str:
    """Apply the Alembic migrations once per run, exactly as `make run` does."""
    from flask_migrate import upgrade

    app = create_app({"DATABASE_URL": database_url, "TESTING": True},
                     instance_path=str(tmp_path_factory.mktemp("instance-migrate")))
    with app.app_context():
        upgrade()
        db.engine.dispose()
    return database_url


def _empty_tables(app) -> None:
    with app.app_context():
        db.session.remove()
        with db.engine.begin() as conn:
            for table in reversed(Base.metadata.sorted_tables):
                conn.execute(table.delete())
        db.engine.dispose()


def office_day():
    """The latest Monday-Friday on or before today (WIB): the office's default days (ux9), so the
    kiosk is open at 10:00 on it whatever weekday the suite runs on."""
    from datetime import timedelta

    from lpsedesk.clock import wib_today

    today = wib_today()
    return today - timedelta(days=max(0, today.weekday() - 4))


def office_day_clock():
    """The kiosk's office-hours clock in tests: 10:00 WIB on an office day, so checking in works
    whatever the real hour and weekday; a test of the hours themselves sets its own KIOSK_CLOCK
    (tests/kiosk/test_office_hours_ux7.py)."""
    from datetime import time

    from lpsedesk.clock import wib_at

    return wib_at(office_day(), time(10))


@pytest.fixture(scope="session")
def compiled_catalogs(tmp_path_factory) -> Path:
    """The translations compiled once per test process (tests/app_startup.py). Each test's app starts
    in an instance folder of its own, where `init_i18n` compiled the 150 kB catalogue again: 0.3 s of
    the app's 0.8 s start on a busy machine. A copy that keeps the compiled file's time is up to
    date, so the app uses it as it is."""
    from lpsedesk.i18n import SOURCE_DIR, compile_catalogs

    folder = tmp_path_factory.mktemp("catalogs")
    compile_catalogs(SOURCE_DIR, folder)
    return folder


@pytest.fixture
def app(migrated, compiled_catalogs, tmp_path):
    shutil.copytree(compiled_catalogs, tmp_path / "instance" / "translations")  # copy2: times kept
    app = create_app(
        {"DATABASE_URL": migrated, "TESTING": True, "STORAGE_DIR": str(tmp_path / "files"),
         "KIOSK_CLOCK": office_day_clock},
        instance_path=str(tmp_path / "instance"),
    )
    app.jinja_env.bytecode_cache = COMPILED_TEMPLATES
    yield app
    _empty_tables(app)


@pytest.fixture
def make_app():
    """Build extra apps in a test; their connection pools are closed afterwards."""
    made = []

    def make(test_config=None, **kwargs):
        made.append(create_app(test_config, **kwargs))
        made[-1].jinja_env.bytecode_cache = COMPILED_TEMPLATES
        return made[-1]

    yield make
    for extra in made:
        with extra.app_context():
            db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def make_user(app):
    from lpsedesk import users
    from lpsedesk.roles import Role

    def make(username: str = "staff", *roles: Role | str, name: str | None = None, active: bool = True):
        with app.app_context():
            user = users.create(db.session, None, username=username, full_name=name or username.title(),
                                password=TEST_PASSWORD, roles={Role(r) for r in roles or ("helpdesk",)})
            user.active = active
            db.session.commit()
            return user.id

    return make


CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def csrf_from(client, path: str) -> str:
    response = client.get(path)
    match = CSRF.search(response.get_data(as_text=True))
    assert match, f"no CSRF token on {path} ({response.status_code})"
    return match.group(1)


def post_form(client, path: str, data: dict | None = None, *, token_page: str = "/admin/", **fields):
    """POST a staff form as a browser does: with the CSRF token its session was given.

    Fields come as a dict, as keywords, or both; `content_type`, `follow_redirects` and `headers`
    go to the test client.
    """
    options = {k: fields.pop(k) for k in ("content_type", "follow_redirects", "headers") if k in fields}
    form = {"csrf_token": csrf_from(client, token_page), **(data or {}), **fields}
    return client.post(path, data=form, **options)


def audit_events(app, action: str) -> list[AuditEvent]:
    """The audit log's events of one action, oldest first, readable after the app context ends."""
    with app.app_context():
        rows = list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)))
        db.session.expunge_all()
        return rows


def logged_in_client(app, username: str, password: str = TEST_PASSWORD):
    """A new browser (test client) in which `username` has logged in."""
    c = app.test_client()
    token = csrf_from(c, "/admin/login")
    response = c.post("/admin/login", data={"csrf_token": token, "username": username, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)[:400]
    return c


@pytest.fixture
def login(client):
    def do(username: str, password: str = TEST_PASSWORD, c=None):
        c = c or client
        token = csrf_from(c, "/admin/login")
        return c.post("/admin/login", data={"csrf_token": token, "username": username, "password": password})

    return do


def pytest_terminal_summary(terminalreporter):
    missing = missing_capabilities()
    if missing:
        terminalreporter.section("SKIPPED FOR MISSING SYSTEM PACKAGES", sep="!", red=True, bold=True)
        for name, hint in missing.items():
            terminalreporter.write_line(f"{name}: {hint}", red=True)


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    path = Path(__file__).resolve().parent.parent / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path


def pytest_sessionstart(session):
    if hasattr(session.config, "workerinput"):  # a pytest-xdist worker: the controller cleared it
        return
    shutil.rmtree(Path(__file__).resolve().parent.parent / "test-artifacts" / "tmp", ignore_errors=True)
