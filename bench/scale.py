"""Benchmark of the desk at scale: the pages, exports and jobs of issue 16 at 10k and 100k visits.

For each database (SQLite file, PostgreSQL) and size it builds synthetic history (tests/synthetic/
history.py: three years of visits, their audit trail, today's open visits, the retention backlog
still to purge), serves the app with waitress in a separate process on 127.0.0.1, logs in, and
times each row of the issue's table from outside (p50 of the rounds), with GET /healthz timed in
the same rounds as the baseline. Then the purge with its backlog and again with nothing to do,
while a staff member logs in over and over (a write) to show the desk is not blocked meanwhile.
Prints one table. Bounded loops, loopback only, stops by itself.

Run from the repo root:
    nice -n 10 .venv/bin/python bench/scale.py [--sizes 10000 100000] [--db sqlite postgresql]
        [--pg-url postgresql+psycopg://user:pass@127.0.0.1:5432/db] [--port 8160] [--rounds 5]
1M visits only with --million (slow: tens of minutes to build on a 2-core machine).
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from live import Client  # noqa: E402  (the cookie-keeping keep-alive client of bench/live.py)

PASSWORD = "Bench-sandi-2026"
DEFAULT_PG = "postgresql+psycopg://lpsedesk_ci:lpsedesk_ci@127.0.0.1:5432/lpsedesk_wt16_bench"


def p50(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def built_facts(url: str, instance: Path, visits: int) -> dict | None:
    """The facts of a database an earlier run with --keep built for `visits` visits, else None."""
    from sqlalchemy import create_engine, func, select

    from lpsedesk.models import Visit, Visitor

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if (conn.execute(select(func.count()).select_from(Visit)).scalar() or 0) < visits:
                return None
            row = conn.execute(select(Visit.id, Visitor.nik).join(Visitor, Visitor.id == Visit.visitor_id)
                               .where(Visit.status == "reported").order_by(Visit.id.desc()).limit(1)).one()
    except Exception:  # no such file, no such table: build it
        return None
    finally:
        engine.dispose()
    return {"visit": row.id, "nik": row.nik, "built_s": float("nan")}


IN_TIME_ORDER = False  # --in-time-order


def prepare(url: str, instance: Path, visits: int) -> dict:
    """A migrated database holding `visits` visits of history and two staff accounts."""
    from flask_migrate import upgrade
    from sqlalchemy import create_engine, select, text

    from lpsedesk import create_app, users
    from lpsedesk.extensions import db
    from lpsedesk.models import Visit
    from lpsedesk.roles import Role
    from tests.synthetic.history import build_history

    if url.startswith("postgresql"):
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        engine.dispose()
    app = create_app({"DATABASE_URL": url}, instance_path=str(instance))
    with app.app_context():
        upgrade()
        users.create(db.session, None, username="dewi", full_name="Dewi Kasubag", password=PASSWORD,
                     roles={Role.KASUBAG, Role.HELPDESK, Role.ADMIN})
        db.session.commit()
        started = time.perf_counter()
        with db.engine.begin() as conn:
            build_history(conn, visits, purged=False, in_time_order=IN_TIME_ORDER)
        built = time.perf_counter() - started
        if url.startswith("postgresql"):
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("VACUUM ANALYZE"))  # what autovacuum does after a bulk load
        visit = db.session.scalars(select(Visit).where(Visit.status == "reported")
                                   .order_by(Visit.id.desc()).limit(1)).one()
        facts = {"visit": visit.id, "nik": visit.visitor.nik, "built_s": built}
        db.session.remove()
        db.engine.dispose()
    return facts


def serve(url: str, instance: Path, port: int) -> subprocess.Popen:
    code = ("import sys; from waitress import serve; from lpsedesk import create_app; "
            "serve(create_app(instance_path=sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), threads=8)")
    env = {**os.environ, "DATABASE_URL": url}
    server = subprocess.Popen([sys.executable, "-c", code, str(instance), str(port)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            if Client(port).request("GET", "/healthz")[0] == 200:
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("the server did not start")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):  # the peak resident set
            return int(line.split()[1]) / 1024
    return float("nan")


def timed(client: Client, path: str, rounds: int) -> tuple[float, float]:
    """(p50 of `path`, p50 of /healthz in the same rounds) in ms."""
    page, health = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        status, _body = client.request("GET", path)
        page.append((time.perf_counter() - start) * 1000)
        if status != 200:
            raise RuntimeError(f"{path}: HTTP {status}")
        start = time.perf_counter()
        client.request("GET", "/healthz")
        health.append((time.perf_counter() - start) * 1000)
    return p50(page), p50(health)


def purge_with_writer(url: str, instance: Path, port: int) -> tuple[float, str, float, int]:
    """The purge job run to its end while a staff member logs in again and again (each a write).
    Returns (seconds, the job's summary, the slowest login in ms, logins that failed)."""
    from lpsedesk import create_app
    from lpsedesk.jobs import run_once

    app = create_app({"DATABASE_URL": url}, instance_path=str(instance))
    done = threading.Event()
    times, health, failed = [], [], [0]

    def logins() -> None:
        while not done.is_set():
            client = Client(port)
            start = time.perf_counter()
            try:
                token = client.csrf("/admin/login")
                status, _ = client.request("POST", "/admin/login", {"csrf_token": token, "username": "dewi",
                                                                     "password": PASSWORD})
                if status != 302:
                    failed[0] += 1
            except OSError:
                failed[0] += 1
            times.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            try:
                client.request("GET", "/healthz")
                health.append((time.perf_counter() - start) * 1000)
            except OSError:
                pass

    writer = threading.Thread(target=logins, daemon=True)
    writer.start()
    start, cpu = time.perf_counter(), time.process_time()
    summary = str(run_once(app, ["purge"])["purge"])
    seconds = time.perf_counter() - start
    print(f"    purge CPU {time.process_time() - cpu:.1f} s of this process (the job; the logins' client "
          f"a little), wall {seconds:.1f} s, load average {os.getloadavg()[0]:.2f}", file=sys.stderr, flush=True)
    done.set()
    writer.join()
    from lpsedesk.extensions import db

    with app.app_context():
        db.engine.dispose()
    print(f"    /healthz meanwhile: p50 {p50(health):.0f} ms over {len(health)}", file=sys.stderr, flush=True)
    return seconds, summary, times, failed[0]


def run(kind: str, url: str, visits: int, port: int, rounds: int, workdir: Path,
        only: list[str] | None = None, keep: bool = False) -> dict[str, str]:
    from lpsedesk.clock import wib_today

    instance = workdir / f"{kind}-{visits}"
    instance.mkdir(parents=True, exist_ok=True)
    facts = (built_facts(url, instance, visits) if keep else None) or prepare(url, instance, visits)
    server = serve(url, instance, port)
    out: dict[str, str] = {"build (s)": f"{facts['built_s']:.0f}"}
    print(f"    build (s): {out['build (s)']}", file=sys.stderr, flush=True)
    try:
        client = Client(port, timeout=900).login("dewi")  # at 1M an export before its fix took minutes
        today = wib_today()
        month_end = today.replace(day=1) - timedelta(days=1)
        month = urlencode({"from": month_end.replace(day=1).isoformat(), "to": month_end.isoformat()})
        year = urlencode({"from": (today - timedelta(days=364)).isoformat(), "to": today.isoformat()})
        pages = [
            ("/admin/board", "/admin/board", rounds),
            ("/admin/queue", "/admin/queue", rounds),
            ("/admin/visits page 1", "/admin/visits", rounds),
            ("search by name", "/admin/visits?q=Sari", rounds),
            ("search by a rare name", "/admin/visits?q=Contoh+4711", rounds),
            ("search by NIK", f"/admin/visits?q={facts['nik']}", rounds),
            ("search by institution", "/admin/visits?q=Dinas", rounds),
            ("visit page (timeline)", f"/admin/visits/{facts['visit']}", rounds),
            ("guest book month: page", f"/admin/reports/guestbook?{month}", rounds),
            ("guest book month: CSV", f"/admin/reports/guestbook.csv?{month}", max(1, rounds // 2)),
            ("guest book month: XLSX", f"/admin/reports/guestbook.xlsx?{month}", max(1, rounds // 2)),
            ("guest book month: PDF", f"/admin/reports/guestbook.pdf?{month}", max(1, rounds // 2)),
            ("statistics, one year", f"/admin/reports/statistics?{year}", max(1, rounds // 2)),
        ]
        for name, path, n in pages:
            if only and not any(word in name for word in only):
                continue
            page, health = timed(client, path, n)
            out[name] = f"{page:.0f} ({health:.0f})"
            print(f"    {name}: {out[name]}, load average {os.getloadavg()[0]:.2f}", file=sys.stderr, flush=True)
        out["server peak RSS (MB)"] = f"{rss_mb(server.pid):.0f}"
        if only and "purge" not in only:  # --only purge: the two purge rows alone
            return out
        seconds, summary, logins, failed = purge_with_writer(url, instance, port)
        print(f"    purge: {summary}", file=sys.stderr, flush=True)
        batches = summary.split("batches ")[-1].split(";")[0] if "batches" in summary else "?"
        out["purge with a backlog (s)"] = f"{seconds:.1f} ({batches} batches)"
        out["  logins meanwhile: p50 / slowest (ms)"] = \
            f"{p50(logins):.0f} / {max(logins, default=0):.0f}, {len(logins)} logins, {failed} failed"
        seconds, summary, logins, failed = purge_with_writer(url, instance, port)
        print(f"    purge again: {summary}", file=sys.stderr, flush=True)
        out["purge with nothing to do (s)"] = f"{seconds:.2f}"
    finally:
        server.terminate()
        server.wait(timeout=30)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--million", action="store_true", help="add 1,000,000 visits (slow)")
    parser.add_argument("--db", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"])
    parser.add_argument("--pg-url", default=os.environ.get("BENCH_PG_URL", DEFAULT_PG))
    parser.add_argument("--port", type=int, default=8160)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--only", nargs="+", help="time only the rows naming one of these words (e.g. search); "
                        "'purge' times the purge with its backlog and again with nothing to do")
    parser.add_argument("--keep", metavar="DIR", help="keep the built databases in DIR and time again what an "
                        "earlier run with the same DIR built (pages only with --only: the purge changes them); "
                        "with PostgreSQL give each size its own --pg-url")
    parser.add_argument("--in-time-order", action="store_true", help="build visits whose ids follow their "
                        "submission time, as on a real desk (default: times drawn at random, a visit's "
                        "neighbours in time on other pages)")
    args = parser.parse_args()
    global IN_TIME_ORDER
    IN_TIME_ORDER = args.in_time_order
    sizes = args.sizes + ([1_000_000] if args.million else [])
    workdir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="lpsedesk-scale-"))
    workdir.mkdir(parents=True, exist_ok=True)
    results: dict[tuple[str, int], dict[str, str]] = {}
    try:
        for visits in sizes:
            for kind in args.db:
                url = f"sqlite:///{workdir}/{kind}-{visits}.db" if kind == "sqlite" else args.pg_url
                print(f"... {kind}, {visits:,} visits", file=sys.stderr, flush=True)
                results[(kind, visits)] = run(kind, url, visits, args.port, args.rounds, workdir, args.only,
                                              keep=bool(args.keep))
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    columns = list(results)
    names = list(next(iter(results.values())))
    print(f"\nload average {' '.join(f'{x:.2f}' for x in os.getloadavg())}; p50 in ms over {args.rounds} rounds (exports and statistics over half as many), "
          f"GET /healthz in the same rounds in brackets; bench process peak RSS "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB\n")
    print("| page, export or job | " + " | ".join(f"{k} {n:,}" for k, n in columns) + " |")
    print("| --- | " + " | ".join("---" for _ in columns) + " |")
    for name in names:
        print(f"| {name} | " + " | ".join(results[c].get(name, "") for c in columns) + " |")


if __name__ == "__main__":
    main()
