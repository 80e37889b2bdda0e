"""What the database plans for the statements a page or a job runs: which read a big table whole.

`capture(engine)` records every SELECT run meanwhile; `full_scans(engine, captured)` EXPLAINs each
one (EXPLAIN QUERY PLAN on SQLite, EXPLAIN (FORMAT JSON) on PostgreSQL with sequential scans
priced out, so a plan still holding one had no index to use) and returns the plans that read
all of visits, visitors or the audit log: a sequential scan, or an index walked end to end with
no condition (a partial index holds only the rows its job still has to change, so it is allowed).
"""
from __future__ import annotations

import json
import re
from contextlib import contextmanager

from sqlalchemy import event
from sqlalchemy.engine import Engine

BIG_TABLES = {"visits", "visitors", "audit_events", "visit_files"}
PARTIAL_INDEXES = {"ix_visitors_unmasked", "ix_visits_reports_waiting"}
# Tables that, like a partial index, hold only the rows a job still has to change (the files of the
# visits the purge has not reached yet): read whole only by a statement asking for all of them
# (the orphan sweep's keys, no WHERE), never to find a few (the purge's oldest, through the index).
WHOLE_WHEN_ASKED = {"visit_files"}


def _asks_for_all(statement: str, table: str) -> bool:
    return table in WHOLE_WHEN_ASKED and " WHERE " not in " ".join(statement.upper().split())


@contextmanager
def capture(engine: Engine):
    statements: list[tuple[str, object]] = []

    def before(_conn, _cursor, statement, parameters, _context, executemany):
        if not executemany and statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", before)


def _sqlite_scans(conn, statement: str, parameters) -> list[str]:
    rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
    bad = []
    for row in rows:
        detail = row[-1]
        match = re.match(r"SCAN (\w+)", detail)
        if not match or match.group(1) not in BIG_TABLES or _asks_for_all(statement, match.group(1)):
            continue
        index = re.search(r"USING (?:COVERING )?INDEX (\w+)", detail)
        if index and index.group(1) in PARTIAL_INDEXES:
            continue
        bad.append(detail)
    return bad


def _pg_nodes(node: dict):
    yield node
    for child in node.get("Plans", []):
        yield from _pg_nodes(child)


def _pg_scans(conn, statement: str, parameters) -> list[str]:
    conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
    plan = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + statement, parameters).scalar()
    plan = plan if isinstance(plan, list) else json.loads(plan)
    bad = []
    for node in _pg_nodes(plan[0]["Plan"]):
        if node.get("Relation Name") not in BIG_TABLES or _asks_for_all(statement, node["Relation Name"]):
            continue
        kind = node["Node Type"]
        if kind == "Seq Scan":
            bad.append(f"Seq Scan on {node['Relation Name']}")
        elif kind in ("Index Scan", "Index Only Scan") and "Index Cond" not in node \
                and node.get("Index Name") not in PARTIAL_INDEXES:
            bad.append(f"{kind} using {node['Index Name']} on {node['Relation Name']} without a condition")
    return bad


def _price_out(conn, planner_off: tuple[str, ...]) -> None:
    """PostgreSQL: make the planner avoid these plan kinds (enable_indexscan, say) in this transaction."""
    if conn.dialect.name == "postgresql":
        for setting in planner_off:
            conn.exec_driver_sql(f"SET LOCAL {setting} = off")


def full_scans(engine: Engine, statements: list[tuple[str, object]],
               planner_off: tuple[str, ...] = ()) -> list[tuple[str, list[str]]]:
    """(statement, the scans of big tables in its plan) for each statement that has any."""
    found = []
    with engine.connect() as conn:
        for statement, parameters in statements:
            with conn.begin():
                _price_out(conn, planner_off)
                scans = (_sqlite_scans if engine.dialect.name == "sqlite" else _pg_scans)(conn, statement, parameters)
            if scans:
                found.append((statement, scans))
    return found


def analyze(engine: Engine) -> None:
    """Fresh planner statistics, as a database that has been running a while has."""
    with engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")


def settle_search_index(engine: Engine) -> None:
    """SQLite: merge the FTS index's segments, as FTS5's automerge does over time. The test database
    is emptied after every test (thousands of deletions each): its index would otherwise carry the
    deletion markers of the whole test session, which no office database sees."""
    if engine.dialect.name != "sqlite":
        return
    with engine.begin() as conn:
        if conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'visitors_search'").first():
            conn.exec_driver_sql("INSERT INTO visitors_search(visitors_search) VALUES ('optimize')")


def forget_statistics(engine: Engine) -> None:
    """SQLite as it runs in an office: no ANALYZE ever (the test database may hold an earlier test's)."""
    if engine.dialect.name != "sqlite":
        return
    with engine.begin() as conn:
        if conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first():
            conn.exec_driver_sql("DELETE FROM sqlite_stat1")
    engine.dispose()  # connections read the statistics when they load the schema


def _sqlite_work(conn, statement: str, parameters) -> int:
    """Virtual-machine steps SQLite took to run the statement: a plan that walks an index range
    over most of history shows here even though EXPLAIN calls it a SEARCH."""
    raw = conn.connection.driver_connection
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    raw.set_progress_handler(count, 1)
    try:
        conn.exec_driver_sql(statement, parameters).all()
    finally:
        raw.set_progress_handler(None, 1)
    return steps[0]


def _pg_work(conn, statement: str, parameters) -> int:
    """Rows PostgreSQL read from the big tables (returned or filtered out), over all loops."""
    plan = conn.exec_driver_sql("EXPLAIN (ANALYZE, FORMAT JSON) " + statement, parameters).scalar()
    plan = plan if isinstance(plan, list) else json.loads(plan)
    return int(sum((node.get("Actual Rows", 0) + node.get("Rows Removed by Filter", 0)
                    + node.get("Rows Removed by Index Recheck", 0)) * node.get("Actual Loops", 1)
                   for node in _pg_nodes(plan[0]["Plan"]) if node.get("Relation Name") in BIG_TABLES))


def heavy(engine: Engine, statements: list[tuple[str, object]], limit: int,
          planner_off: tuple[str, ...] = ()) -> list[tuple[str, int]]:
    """(statement, work) for each statement whose work reaches `limit`: SQLite's VM steps, or the
    rows PostgreSQL read from the big tables."""
    found = []
    with engine.connect() as conn:
        for statement, parameters in statements:
            with conn.begin():
                _price_out(conn, planner_off)
                work = (_sqlite_work if engine.dialect.name == "sqlite" else _pg_work)(conn, statement, parameters)
            if work >= limit:
                found.append((" ".join(statement.split())[:300], work))
    return found
