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

BIG_TABLES = {"visits", "visitors", "audit_events"}
PARTIAL_INDEXES = {"ix_visits_holding_files", "ix_visitors_unmasked"}


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
        if not match or match.group(1) not in BIG_TABLES:
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
        if node.get("Relation Name") not in BIG_TABLES:
            continue
        kind = node["Node Type"]
        if kind == "Seq Scan":
            bad.append(f"Seq Scan on {node['Relation Name']}")
        elif kind in ("Index Scan", "Index Only Scan") and "Index Cond" not in node \
                and node.get("Index Name") not in PARTIAL_INDEXES:
            bad.append(f"{kind} using {node['Index Name']} on {node['Relation Name']} without a condition")
    return bad


def full_scans(engine: Engine, statements: list[tuple[str, object]]) -> list[tuple[str, list[str]]]:
    """(statement, the scans of big tables in its plan) for each statement that has any."""
    found = []
    with engine.connect() as conn:
        for statement, parameters in statements:
            with conn.begin():
                scans = (_sqlite_scans if engine.dialect.name == "sqlite" else _pg_scans)(conn, statement, parameters)
            if scans:
                found.append((statement, scans))
    return found


def analyze(engine: Engine) -> None:
    """Fresh planner statistics, as a database that has been running a while has."""
    with engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
