"""The PostgreSQL pass of `make test` runs only the tests that can reach the database.

A test reaches the database through the session fixture `database_url` (tests/conftest.py): `app`,
`client`, `migrated`, `live_server` and every fixture built on them ask for it, so it is in the
test's fixture closure. A test without it (the ID engine, the pure rules, the synthetic images,
the README checks, the apps a test builds on its own SQLite file) runs the same whatever
TEST_DATABASE_URL says, so on PostgreSQL it is left to the SQLite pass. The closure decides, not a
list, so a new test that asks for the database is run on both without anyone adding it anywhere.
"""
from __future__ import annotations

import os

import pytest
from sqlalchemy import make_url

DATABASE_FIXTURE = "database_url"
LEFT_OUT = pytest.StashKey[int]()
WORKER_KEY = "postgres_pass_left_out"


def on_postgresql() -> bool:
    url = os.environ.get("TEST_DATABASE_URL")
    return bool(url) and make_url(url).get_backend_name() == "postgresql"


def reaches_database(item: pytest.Item) -> bool:
    # The `postgres` mark (a test that needs a server) keeps a test even if it found its database
    # some other way.
    return DATABASE_FIXTURE in getattr(item, "fixturenames", ()) or item.get_closest_marker("postgres") is not None


# Last, so the count is of tests that `-m`/`-k` had kept: the ones this rule alone sends back.
@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not on_postgresql():
        return
    kept, left = [], []
    for item in items:
        (kept if reaches_database(item) else left).append(item)
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept
    config.stash[LEFT_OUT] = len(left)
    if hasattr(config, "workeroutput"):  # a pytest-xdist worker: the controller prints the line
        config.workeroutput[WORKER_KEY] = len(left)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:
    # Every worker collects the whole run, so each reports the same number.
    left = getattr(node, "workeroutput", {}).get(WORKER_KEY)
    if left is not None:
        node.config.stash[LEFT_OUT] = left


@pytest.hookimpl(trylast=True)
def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    left = config.stash.get(LEFT_OUT, None)
    if left is None or hasattr(config, "workerinput"):
        return
    terminalreporter.write_line(
        f"PostgreSQL pass: {left} tests left to the SQLite pass: they never ask for the database "
        f"(no `{DATABASE_FIXTURE}` among their fixtures), so PostgreSQL cannot change their outcome")
