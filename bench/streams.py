"""Probe: can one client starve the server with live-update streams? (issue 12)

Serves the real app twice on 127.0.0.1 with a temporary SQLite database, each time with the same
waitress thread count:
  before  streams as they were: no cap per device or user, no reserved threads, and waitress not
          told to watch a connection while its request runs (a closed stream is noticed only when
          a heartbeat write fails);
  after   the shipped settings (lpsedesk.serving.waitress_options and the LIVE_* defaults).
In each, ONE kiosk cookie opens N streams on /kiosk/api/v1/visits/<ticket>/events and ONE helpdesk
login opens N streams on /admin/events; then GET /healthz and GET /admin/board are timed beside them
(a request that gets no answer within --timeout seconds counts as a timeout). Last, one stream is
opened and its socket closed, and the time until the server has let go of it is measured.

Run from the repo root: .venv/bin/python bench/streams.py [--streams 48] [--threads 48]
Loopback only, bounded, stops by itself.
"""
from __future__ import annotations

import argparse
import http.client
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.live import PASSWORD, Client  # noqa: E402


def timed_get(port: int, path: str, cookie: str, timeout: float) -> float | None:
    """Milliseconds for one GET, or None when no answer came within `timeout`."""
    start = time.perf_counter()
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        conn.request("GET", path, headers={"Cookie": cookie})
        conn.getresponse().read()
        conn.close()
    except (TimeoutError, OSError):
        return None
    return (time.perf_counter() - start) * 1000


def open_streams(port: int, path: str, cookie: str, n: int) -> list[socket.socket]:
    socks = []
    for _ in range(n):
        s = socket.create_connection(("127.0.0.1", port), timeout=30)
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: bench\r\nCookie: {cookie}\r\nAccept: text/event-stream\r\n\r\n".encode())
        socks.append(s)
    return socks


def figures(port: int, desk_cookie: str, rounds: int, timeout: float) -> dict[str, list[float | None]]:
    return {"GET /healthz": [timed_get(port, "/healthz", "", timeout) for _ in range(rounds)],
            "GET /admin/board": [timed_get(port, "/admin/board", desk_cookie, timeout) for _ in range(rounds)]}


def run(label: str, capped: bool, args) -> dict:
    from cryptography.fernet import Fernet
    from flask_migrate import upgrade
    from waitress import create_server

    from lpsedesk import create_app, devices, users
    from lpsedesk.extensions import db
    from lpsedesk.models import Visit, Visitor
    from lpsedesk.roles import Role
    from lpsedesk.serving import waitress_options

    tmp = Path(tempfile.mkdtemp(prefix=f"lpsedesk-streams-{label}-"))
    config = {"DATABASE_URL": f"sqlite:///{tmp / 'bench.db'}", "SECRET_KEY": "bench-" + "x" * 32,
              "STORAGE_KEY": Fernet.generate_key().decode(), "STORAGE_DIR": str(tmp / "files")}
    if not capped:
        config.update(LIVE_THREAD_RESERVE=0, LIVE_STREAMS_PER_USER=10_000, LIVE_STREAMS_PER_KIOSK=10_000)
    app = create_app(config, instance_path=str(tmp / "instance"))
    with app.app_context():
        upgrade()
        users.create(db.session, None, username="desk", full_name="Helpdesk Bench", password=PASSWORD,
                     roles={Role.HELPDESK})
        visit = Visit(visitor=Visitor(full_name="Tamu Uji", nik="3373010101900001", phone="081200000000",
                                      institution="CV Bench", category="penyedia"),
                      purpose="verification", facility="verification_desk", planned_minutes=60)
        db.session.add(visit)
        device, code = devices.create_device(db.session, None, "Kios bench")
        device = devices.enrol(db.session, code)
        db.session.commit()
        ticket, kiosk = visit.ticket_code, devices.credential_for(device, app.config["SECRET_KEY"])
    options = waitress_options(app, args.threads)
    if not capped:
        options.pop("channel_request_lookahead")
    server = create_server(app, host="127.0.0.1", port=0, **options)
    port = server.effective_port
    threading.Thread(target=server.run, daemon=True).start()
    desk = Client(port).login("desk")
    desk_cookie = "; ".join(f"{k}={v}" for k, v in desk.cookies.items())
    slots = app.extensions["live_slots"]

    result = {"baseline": figures(port, desk_cookie, args.rounds, args.timeout)}
    socks = open_streams(port, f"/kiosk/api/v1/visits/{ticket}/events", f"lpsedesk_kiosk={kiosk}", args.streams)
    socks += open_streams(port, "/admin/events", desk_cookie, args.streams)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and slots.count() < min(2 * args.streams, args.threads) and not capped:
        time.sleep(0.05)
    time.sleep(1.5)  # let evicted streams leave
    result["held"] = slots.count()
    result["loaded"] = figures(port, desk_cookie, args.rounds, args.timeout)
    for s in socks:
        s.close()
    slots.wait_for_count(lambda n: n == 0, timeout=60)

    # One stream, then its client goes away: how long does the server hold on to it?
    (lone,) = open_streams(port, "/admin/events", desk_cookie, 1)
    lone.recv(1024)
    slots.wait_for_count(lambda n: n == 1, timeout=10)
    closed_at = time.perf_counter()
    lone.close()
    released = slots.wait_for_count(lambda n: n == 0, timeout=args.release_wait)
    result["release_s"] = (time.perf_counter() - closed_at) if released else None
    return result


def summary(values: list[float | None]) -> str:
    done = [v for v in values if v is not None]
    timeouts = len(values) - len(done)
    if not done:
        return f"{'-':>8} {'-':>8}  timeouts {timeouts}/{len(values)}"
    p95 = sorted(done)[max(0, round(0.95 * len(done)) - 1)]
    return f"{statistics.median(done):>8.1f} {p95:>8.1f}  timeouts {timeouts}/{len(values)}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--streams", type=int, default=48, help="streams opened by the one kiosk and by the one user")
    ap.add_argument("--threads", type=int, default=48)
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--timeout", type=float, default=5.0)
    ap.add_argument("--release-wait", type=float, default=45.0)
    args = ap.parse_args()
    print(f"waitress threads={args.threads}; one kiosk and one helpdesk user each open {args.streams} streams")
    print(f"{'':<9} {'request':<18} {'p50 ms':>8} {'p95 ms':>8}")
    for label, capped in (("before", False), ("after", True)):
        r = run(label, capped, args)
        for phase in ("baseline", "loaded"):
            for path, values in r[phase].items():
                print(f"{label:<9} {path:<18} {summary(values)}  ({'no stream open' if phase == 'baseline' else 'streams open'})")
        release = f"{r['release_s']:.1f} s" if r["release_s"] is not None else f"> {args.release_wait:.0f} s"
        print(f"{label:<9} streams held by the server: {r['held']}; a closed stream let go after {release}")


if __name__ == "__main__":
    main()
