"""On PostgreSQL, `make test` runs only the tests that can reach the database (tests/postgres_pass.py):
a test is kept when the suite's own `database_url` fixture is in its fixture closure, so a test of a
page through `client` runs on both databases, and a pure test is left to the SQLite pass. Proved on
small suites built from the real fixtures, collected only (nothing connects to a database)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

POSTGRES = "postgresql+psycopg://nobody:nothing@127.0.0.1:1/never_opened"
TESTS = Path(__file__).resolve().parent

# The suite's fixtures, unchanged, beside the rule itself.
CONFTEST = """
pytest_plugins = ("tests.postgres_pass",)
from tests.conftest import app, client, database_url, make_app, migrated  # noqa: F401
"""

SUITE = """
import pytest

def test_a_page_through_the_client(client):
    pass

def test_a_row_through_the_app(app):
    pass

@pytest.mark.usefixtures("migrated")
def test_the_schema_through_a_mark():
    pass

def test_a_pure_rule():
    assert 2 + 2 == 4

def test_an_app_on_its_own_sqlite_file(make_app, tmp_path):
    pass
"""

# The same names without the app behind them, for runs in new processes.
LIGHT_CONFTEST = """
pytest_plugins = ("tests.postgres_pass",)
import pytest

@pytest.fixture
def database_url():
    return None

@pytest.fixture
def migrated(database_url):
    return database_url

@pytest.fixture
def app(migrated):
    return None

@pytest.fixture
def client(app):
    return None

@pytest.fixture
def make_app():
    return None
"""

ON_BOTH = {"test_a_page_through_the_client", "test_a_row_through_the_app", "test_the_schema_through_a_mark"}
SQLITE_ONLY = {"test_a_pure_rule", "test_an_app_on_its_own_sqlite_file"}


@pytest.fixture
def suite(pytester, monkeypatch):
    monkeypatch.syspath_prepend(str(TESTS.parent))  # `tests` importable, as it is for the suite
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_suite=SUITE)
    return pytester


def collected(result) -> set[str]:
    return {m.group(1) for m in re.finditer(r"::(\w+)", result.stdout.str())}


def test_on_postgresql_a_test_using_the_client_is_kept_and_a_pure_one_is_left_out(suite, monkeypatch):
    monkeypatch.setenv("TEST_DATABASE_URL", POSTGRES)
    result = suite.runpytest("--collect-only", "-q")
    assert collected(result) == ON_BOTH
    result.stdout.fnmatch_lines(["PostgreSQL pass: 2 tests left to the SQLite pass: they never ask for the database*"])


def test_on_sqlite_nothing_is_left_out(suite, monkeypatch):
    monkeypatch.delenv("TEST_DATABASE_URL", raising=False)
    result = suite.runpytest("--collect-only", "-q")
    assert collected(result) == ON_BOTH | SQLITE_ONLY
    assert "PostgreSQL pass" not in result.stdout.str()


def test_a_sqlite_file_given_as_the_test_database_is_not_the_postgresql_pass(suite, monkeypatch, tmp_path):
    monkeypatch.setenv("TEST_DATABASE_URL", f"sqlite:///{tmp_path}/given.db")
    assert collected(suite.runpytest("--collect-only", "-q")) == ON_BOTH | SQLITE_ONLY


def test_a_test_marked_postgres_is_kept_whatever_its_fixtures(suite, monkeypatch):
    suite.makepyfile(test_marked="import pytest\n\n@pytest.mark.postgres\ndef test_two_servers():\n    pass\n")
    suite.makeini("[pytest]\nmarkers =\n    postgres: needs a PostgreSQL server\n")
    monkeypatch.setenv("TEST_DATABASE_URL", POSTGRES)
    assert "test_two_servers" in collected(suite.runpytest("--collect-only", "-q"))


def test_with_workers_the_count_is_said_once_at_the_end(suite, monkeypatch):
    # `make test` runs two workers: each collects, the controller prints the one line. The rule
    # with a fixture of the same name only, so the workers start without the app.
    suite.makeconftest(LIGHT_CONFTEST)
    monkeypatch.setenv("TEST_DATABASE_URL", POSTGRES)
    monkeypatch.setenv("PYTHONPATH", str(TESTS.parent))
    result = suite.runpytest_subprocess("-n", "2", "-p", "no:cacheprovider", "-k", "pure or sqlite_file")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED
    assert result.stdout.str().count("PostgreSQL pass: 2 tests left to the SQLite pass") == 1


def test_nothing_in_the_suite_finds_the_test_database_but_through_the_fixture():
    # The rule sees fixtures only: a test reading TEST_DATABASE_URL, or asking for a fixture by name
    # while it runs, would reach the database unseen and be left out on PostgreSQL.
    allowed = {TESTS / "conftest.py", TESTS / "postgres_pass.py", Path(__file__).resolve()}
    readers = [p.relative_to(TESTS).as_posix() for p in TESTS.rglob("*.py") if p not in allowed
               and re.search(r"environ(\.get\(|\[)\s*['\"]TEST_DATABASE_URL|getenv\(\s*['\"]TEST_DATABASE_URL|getfixturevalue",
                             p.read_text())]
    assert readers == []
