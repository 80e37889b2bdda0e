"""The PostgreSQL pass of `make test` runs only the tests that reach the database
(tests/postgres_pass.py), and of those leaves out the ones marked `layout` (README, Development): the
browser tests reach the database, so the mark still matters, and only a browser test of where things
stand on the screen may carry it, never a test of the server's rules or data, which must run on both
databases."""
from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
MARK = re.compile(r"pytest\.mark\.layout\b")


def test_only_browser_tests_are_marked_layout():
    marked = [p for p in TESTS.rglob("test_*.py") if p != Path(__file__).resolve() and MARK.search(p.read_text())]
    assert marked, "the layout mark is used by the screen-fit browser tests"
    assert [p for p in marked if p.parent.name != "e2e"] == []


def test_the_postgresql_pass_leaves_out_only_the_layout_tests():
    makefile = (TESTS.parent / "Makefile").read_text()
    postgres_pass = [line for line in makefile.splitlines() if "TEST_POSTGRES_URL" in line and "pytest" in line]
    assert len(postgres_pass) == 1
    assert '-m "not layout"' in postgres_pass[0]
