"""The query plans of the hot pages and jobs, as docs/scale.md shows them.

Builds synthetic history (default 10k visits) on SQLite and/or PostgreSQL, runs each hot page (the
queue, the board, search by NIK, name and institution, a visit's timeline) and the purge through the real app, and
prints EXPLAIN QUERY PLAN (SQLite) / EXPLAIN (PostgreSQL) of every SELECT each one issued on
visits, visitors or the audit log.

Run from the repo root: nice -n 10 .venv/bin/python bench/plans.py [--visits 10000] [--db sqlite postgresql]
"""
from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from scale import DEFAULT_PG, PASSWORD, prepare  # noqa: E402

BIG = re.compile(r"\b(visits|visitors|visitors_search|audit_events|visit_files)\b")


def plan(conn, statement: str, parameters) -> list[str]:
    if conn.dialect.name == "sqlite":
        return [row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)]
    return [row[0] for row in conn.exec_driver_sql("EXPLAIN " + statement, parameters)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=10_000)
    parser.add_argument("--db", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--pg-url", default=DEFAULT_PG)
    parser.add_argument("--only", nargs="+", help="only the actions naming one of these words (e.g. search)")
    args = parser.parse_args()

    from lpsedesk import create_app
    from lpsedesk.extensions import db
    from lpsedesk.jobs import run_once
    from tests.query_plans import capture

    workdir = Path(tempfile.mkdtemp(prefix="lpsedesk-plans-"))
    try:
        for kind in args.db:
            url = f"sqlite:///{workdir}/plans.db" if kind == "sqlite" else args.pg_url
            facts = prepare(url, workdir / kind, args.visits)
            app = create_app({"DATABASE_URL": url, "WTF_CSRF_ENABLED": False}, instance_path=str(workdir / kind))
            client = app.test_client()
            client.post("/admin/login", data={"username": "dewi", "password": PASSWORD})
            actions = {
                "queue": lambda: client.get("/admin/queue"),
                "board": lambda: client.get("/admin/board"),
                "search by NIK": lambda: client.get("/admin/visits", query_string={"q": facts["nik"]}),
                "search by part of a name": lambda: client.get("/admin/visits", query_string={"q": "contoh 47"}),
                "search by part of an institution": lambda: client.get("/admin/visits", query_string={"q": "dinas"}),
                "visit timeline": lambda: client.get(f"/admin/visits/{facts['visit']}"),
                "purge": lambda: run_once(app, ["purge"]),
            }
            print(f"\n## {kind}, {args.visits:,} visits\n")
            with app.app_context():
                engine = db.engine
                for name, action in actions.items():
                    if args.only and not any(word in name for word in args.only):
                        continue
                    with capture(engine) as statements:
                        action()
                    print(f"### {name}\n")
                    seen = set()
                    with engine.connect() as conn:
                        for statement, parameters in statements:
                            head = statement.split(" FROM ", 1)[-1]
                            if not BIG.search(head) or head in seen:
                                continue
                            seen.add(head)
                            short = re.sub(r"SELECT (?:(?!SELECT).)*? FROM", "SELECT ... FROM", " ".join(statement.split()))
                            short = re.sub(r"(\S+)::\w+( WITH TIME ZONE)?", r"\1", short)
                            short = re.sub(r"IN \((?:[^()]|\([^()]*\))*\)", "IN (...)", short)
                            lines = [re.sub(r"'\{[^}]*\}'", "'{...}'", line) for line in plan(conn, statement, parameters)]
                            print("```text\n" + short)
                            print("\n".join("  " + line for line in lines) + "\n```")
                    print()
                db.engine.dispose()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
