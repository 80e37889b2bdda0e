"""Benchmark of the live updates (SSE) on the real app served by waitress (see docs/staff.md).

Starts the app on 127.0.0.1 with a temporary SQLite database migrated like `make run`, opens 20
Server-Sent-Events streams (10 staff screens on /admin/events, 10 kiosks each following its visit),
then measures
  (a) decision-to-screen delay: N decisions through POST /admin/visits/<id>/decision, timed until
      each stream that should see it has the event (and, for staff screens, has re-fetched the
      queue fragment the way static/admin/live.js does);
  (b) ordinary request latency (GET /healthz, GET /admin/board) with the streams open, beside a
      baseline measured in the same run before any stream was opened.
Loopback only, bounded loops, stops by itself.

Run from the repo root: .venv/bin/python bench/live.py [--decisions 30] [--threads 48]
"""
from __future__ import annotations

import argparse
import http.client
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PASSWORD = "Bench-sandi-2026"
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


class Client:
    """A tiny cookie-keeping HTTP client over one keep-alive connection."""

    def __init__(self, port: int, cookies: dict[str, str] | None = None, timeout: float = 30) -> None:
        self.port = port
        self.cookies = dict(cookies or {})
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)

    def request(self, method: str, path: str, body: dict | None = None) -> tuple[int, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        data = None
        if body is not None:
            data = urlencode(body, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.conn.request(method, path, body=data, headers=headers)
        response = self.conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, text

    def csrf(self, path: str) -> str:
        _status, text = self.request("GET", path)
        match = CSRF.search(text)
        if not match:
            raise RuntimeError(f"no CSRF token on {path}")
        return match.group(1)

    def login(self, username: str) -> "Client":
        token = self.csrf("/admin/login")
        status, _ = self.request("POST", "/admin/login",
                                 {"csrf_token": token, "username": username, "password": PASSWORD})
        if status != 302:
            raise RuntimeError(f"login of {username} failed: {status}")
        return self


class Stream(threading.Thread):
    """One SSE connection; records when each visit's change arrived (and, for staff, was re-fetched)."""

    def __init__(self, port: int, path: str, cookies: dict[str, str], refetch: str | None) -> None:
        super().__init__(daemon=True)
        self.port, self.path, self.cookies, self.refetch = port, path, cookies, refetch
        self.seen: dict[int, float] = {}
        self.shown: dict[int, float] = {}
        self.ready = threading.Event()
        self.stop = threading.Event()
        self.sock = None

    def run(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        conn.request("GET", self.path, headers={"Cookie": cookie, "Accept": "text/event-stream"})
        response = conn.getresponse()
        self.sock = conn.sock
        if response.status != 200:
            raise RuntimeError(f"{self.path}: HTTP {response.status}")
        fetcher = Client(self.port, self.cookies) if self.refetch else None
        while not self.stop.is_set():
            try:
                line = response.fp.readline()
            except (TimeoutError, OSError):
                continue
            if not line:
                break
            if line.startswith(b"retry:"):
                self.ready.set()
            elif line.startswith(b"data:") and b'"object_id": ' in line:
                at = time.perf_counter()
                object_id = int(line.split(b'"object_id": ')[1].split(b"}")[0].split(b",")[0])
                self.seen.setdefault(object_id, at)
                if fetcher is not None:
                    fetcher.request("GET", self.refetch)
                    self.shown.setdefault(object_id, time.perf_counter())
        conn.close()


def measure(client: Client, path: str, rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        status, _ = client.request("GET", path)
        times.append((time.perf_counter() - start) * 1000)
        if status != 200:
            raise RuntimeError(f"{path}: HTTP {status}")
    return times


def measure_parallel(port: int, cookies: dict, path: str, clients: int, rounds: int) -> list[float]:
    results: list[float] = []
    lock = threading.Lock()

    def work() -> None:
        mine = measure(Client(port, cookies), path, rounds)
        with lock:
            results.extend(mine)

    threads = [threading.Thread(target=work) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return results


def seed(app, decisions: int, kiosks: int) -> tuple[list[int], list[tuple[int, str]], str | None]:
    """Users, pending visits, and (if the kiosk API is installed) enrolled kiosks with their cookies."""
    from lpsedesk import audit, users
    from lpsedesk.extensions import db
    from lpsedesk.models import Visit, Visitor
    from lpsedesk.roles import SYSTEM_ACTOR, Role

    with app.app_context():
        users.create(db.session, None, username="kasubag", full_name="Kasubag Bench", password=PASSWORD,
                     roles={Role.KASUBAG})
        users.create(db.session, None, username="desk", full_name="Helpdesk Bench", password=PASSWORD,
                     roles={Role.HELPDESK})
        ids: list[int] = []
        tickets: list[tuple[int, str]] = []
        for i in range(decisions):
            visitor = Visitor(full_name=f"Tamu Uji {i:02d}", nik=f"33730101019{i:05d}", phone="081200000000",
                              institution="CV Bench", category="penyedia")
            visit = Visit(visitor=visitor, purpose="verification", facility="verification_desk", planned_minutes=60)
            db.session.add(visit)
            db.session.flush()
            audit.record(db.session, SYSTEM_ACTOR, "visit.submitted", visit)
            ids.append(visit.id)
            if i < kiosks:
                tickets.append((visit.id, visit.ticket_code))
        db.session.commit()
        kiosk_cookie = None
        try:
            from lpsedesk import devices

            device, code = devices.create_device(db.session, None, "Kios bench")
            device = devices.enrol(db.session, code)
            db.session.commit()
            if "kiosk.visit_events" in app.view_functions:
                kiosk_cookie = devices.credential_for(device, app.config["SECRET_KEY"])
        except Exception as exc:  # the kiosk API is another module: without it, 20 staff streams
            print(f"(kiosk streams unavailable: {exc!r}; using staff streams only)")
            db.session.rollback()
        return ids, (tickets if kiosk_cookie else []), kiosk_cookie


def row(name: str, values: list[float]) -> str:
    return (f"| {name:<62} | {len(values):>5} | {statistics.median(values):>8.1f} | {pct(values, 95):>8.1f} | "
            f"{max(values):>8.1f} |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--decisions", type=int, default=30)
    ap.add_argument("--streams", type=int, default=20)
    ap.add_argument("--threads", type=int, default=48)
    ap.add_argument("--rounds", type=int, default=60)
    args = ap.parse_args()

    from cryptography.fernet import Fernet
    from flask_migrate import upgrade
    from waitress import create_server

    from lpsedesk import create_app
    tmp = Path(tempfile.mkdtemp(prefix="lpsedesk-bench-"))
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp / 'bench.db'}", "SECRET_KEY": "bench-" + "x" * 32,
                      "STORAGE_KEY": Fernet.generate_key().decode(), "STORAGE_DIR": str(tmp / "files"),
                      "LIVE_STREAM_SECONDS": 600,
                      # The bench's screens share two logins and one kiosk cookie; real ones do not.
                      "LIVE_STREAMS_PER_USER": args.streams, "LIVE_STREAMS_PER_KIOSK": args.streams},
                     instance_path=str(tmp / "instance"))
    with app.app_context():
        upgrade()
    kiosk_streams = args.streams // 2
    ids, tickets, kiosk_cookie = seed(app, args.decisions, kiosk_streams)
    from lpsedesk.serving import waitress_options

    server = create_server(app, host="127.0.0.1", port=0, **waitress_options(app, args.threads))
    port = server.effective_port
    threading.Thread(target=server.run, daemon=True).start()

    boss = Client(port).login("kasubag")
    desk = Client(port).login("desk")
    print(f"app on 127.0.0.1:{port}, waitress threads={args.threads}, SQLite, {args.streams} streams "
          f"({len(tickets)} kiosk, {args.streams - len(tickets)} staff), {args.decisions} decisions")

    base = {"healthz": measure(Client(port), "/healthz", args.rounds),
            "board": measure(desk, "/admin/board", args.rounds // 2),
            "board8": measure_parallel(port, desk.cookies, "/admin/board", 8, args.rounds // 8)}

    streams: list[Stream] = []
    for i in range(args.streams - len(tickets)):
        streams.append(Stream(port, "/admin/events", desk.cookies, "/admin/board/fragment" if i % 2 else
                              "/admin/queue/fragment"))
        if i % 2 == 0:
            streams[-1].cookies = boss.cookies
    for visit_id, ticket in tickets:
        stream = Stream(port, f"/kiosk/api/v1/visits/{ticket}/events", {"lpsedesk_kiosk": kiosk_cookie}, None)
        stream.watch = visit_id  # type: ignore[attr-defined]
        streams.append(stream)
    for stream in streams:
        stream.start()
    for stream in streams:
        if not stream.ready.wait(10):
            raise SystemExit(f"stream {stream.path} did not open")

    loaded = {"healthz": measure(Client(port), "/healthz", args.rounds),
              "board": measure(desk, "/admin/board", args.rounds // 2),
              "board8": measure_parallel(port, desk.cookies, "/admin/board", 8, args.rounds // 8)}

    sent: dict[int, float] = {}
    post_ms: list[float] = []
    for visit_id in ids:
        token = boss.csrf("/admin/queue")
        sent[visit_id] = time.perf_counter()
        status, _ = boss.request("POST", f"/admin/visits/{visit_id}/decision",
                                 {"csrf_token": token, "decision": "approve", "next": "/admin/queue"})
        post_ms.append((time.perf_counter() - sent[visit_id]) * 1000)
        if status != 302:
            raise SystemExit(f"decision on {visit_id}: HTTP {status}")
        time.sleep(0.15)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if all(len(s.seen) >= 1 if hasattr(s, "watch") else len(s.shown) >= len(ids) for s in streams):
            break
        time.sleep(0.1)

    event_ms, screen_ms, kiosk_ms, missing = [], [], [], 0
    for stream in streams:
        wanted = [stream.watch] if hasattr(stream, "watch") else ids  # type: ignore[attr-defined]
        for visit_id in wanted:
            if visit_id not in stream.seen:
                missing += 1
                continue
            delay = (stream.seen[visit_id] - sent[visit_id]) * 1000
            (kiosk_ms if hasattr(stream, "watch") else event_ms).append(delay)
            if visit_id in stream.shown:
                screen_ms.append((stream.shown[visit_id] - sent[visit_id]) * 1000)
    for stream in streams:
        stream.stop.set()
        if stream.sock is not None:
            stream.sock.close()
    # No server.close(): waitress's stream threads are daemons and end with the process; closing the
    # server under them only prints their broken-pipe tracebacks.

    line = "|" + "-" * 64 + "|" + "-" * 7 + "|" + "-" * 10 + "|" + "-" * 10 + "|" + "-" * 10 + "|"
    print(f"\n| {'measurement (ms)':<62} | {'n':>5} | {'p50':>8} | {'p95':>8} | {'max':>8} |")
    print(line)
    print(row("decision POST (302 back)", post_ms))
    print(row("decision -> staff stream event", event_ms))
    print(row("decision -> staff screen re-fetched", screen_ms))
    if kiosk_ms:
        print(row("decision -> kiosk stream event", kiosk_ms))
    print(line)
    for key, label in (("healthz", "GET /healthz"), ("board", "GET /admin/board"),
                       ("board8", "GET /admin/board, 8 clients in parallel")):
        print(row(f"{label}, no stream open (baseline)", base[key]))
        print(row(f"{label}, {args.streams} streams open", loaded[key]))
    print(f"\nmissed events: {missing}; goal: decision -> screen p95 < 1000 ms")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
