"""The three ways of serving live updates, measured on their mechanism alone (issue 12).

Not the app: each option serves a trivial "wait for a change" endpoint and /healthz, so what is
measured is how the mechanism behaves when ONE client opens N waiting requests at once:
  waitress + long polling  each poll waits up to 25 s for a change, holding a worker thread;
  waitress + SSE, capped   as shipped: a few streams per client, the rest of the threads reserved
                           (figures from bench/streams.py, which serves the real app);
  asyncio SSE worker       a small event-loop server (standard library only) holds every stream
                           without a thread.
For each: does /healthz still answer beside the N waiting requests, how fast, and the process's
resident memory with them open. Loopback only, bounded, stops by itself.

Run from the repo root: .venv/bin/python bench/stream_options.py [--waiting 96] [--threads 48]
"""
from __future__ import annotations

import argparse
import asyncio
import http.client
import resource
import socket
import statistics
import threading
import time

from waitress import create_server


def rss_mib() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_healthz(port: int, rounds: int, timeout: float) -> list[float | None]:
    out: list[float | None] = []
    for _ in range(rounds):
        start = time.perf_counter()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
            conn.request("GET", "/healthz")
            conn.getresponse().read()
            conn.close()
            out.append((time.perf_counter() - start) * 1000)
        except OSError:
            out.append(None)
    return out


def hold(port: int, path: str, n: int) -> list[socket.socket]:
    socks = []
    for _ in range(n):
        s = socket.create_connection(("127.0.0.1", port), timeout=30)
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n".encode())
        socks.append(s)
    time.sleep(1.0)  # let the server take them all in
    return socks


CHANGE = threading.Event()


def long_poll_app(environ, start_response):
    if environ["PATH_INFO"] == "/healthz":
        start_response("200 OK", [("Content-Type", "application/json")])
        return [b'{"status": "ok"}']
    CHANGE.wait(25)  # a long poll: answer when something changes, or after 25 s
    start_response("200 OK", [("Content-Type", "application/json")])
    return [b"[]"]


def measure_long_polling(args) -> tuple[list[float | None], float]:
    server = create_server(long_poll_app, host="127.0.0.1", port=0, threads=args.threads, ident="bench")
    threading.Thread(target=server.run, daemon=True).start()
    port = server.effective_port
    base = rss_mib()
    socks = hold(port, "/poll", args.waiting)
    figures = timed_healthz(port, args.rounds, args.timeout), rss_mib() - base
    CHANGE.set()
    for s in socks:
        s.close()
    return figures


async def _sse_server(ready: threading.Event, holder: dict) -> None:
    changed = asyncio.Event()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        request = await reader.readuntil(b"\r\n\r\n")
        if request.startswith(b"GET /healthz"):
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 16\r\n"
                         b"Connection: close\r\n\r\n{\"status\": \"ok\"}")
            await writer.drain()
            writer.close()
            return
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\nretry: 1500\n\n")
        await writer.drain()
        try:
            await asyncio.wait_for(changed.wait(), 60)
        except asyncio.TimeoutError:
            pass
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=1024)
    holder["port"] = server.sockets[0].getsockname()[1]
    ready.set()
    async with server:
        await server.serve_forever()


def measure_async(args) -> tuple[list[float | None], float]:
    ready, holder = threading.Event(), {}
    threading.Thread(target=lambda: asyncio.run(_sse_server(ready, holder)), daemon=True).start()
    ready.wait(10)
    base = rss_mib()
    socks = hold(holder["port"], "/events", args.waiting)
    figures = timed_healthz(holder["port"], args.rounds, args.timeout), rss_mib() - base
    for s in socks:
        s.close()
    return figures


def summary(values: list[float | None]) -> str:
    done = [v for v in values if v is not None]
    timeouts = len(values) - len(done)
    if not done:
        return f"{'-':>7} ms, timeouts {timeouts}/{len(values)}"
    return f"{statistics.median(done):>7.1f} ms, timeouts {timeouts}/{len(values)}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--waiting", type=int, default=96)
    ap.add_argument("--threads", type=int, default=48)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--timeout", type=float, default=5.0)
    args = ap.parse_args()
    print(f"one client holds {args.waiting} waiting requests; waitress threads={args.threads}")
    for label, run in (("waitress + long polling", measure_long_polling), ("asyncio SSE worker", measure_async)):
        times, memory = run(args)
        print(f"{label:<24} /healthz p50 {summary(times)}; memory with them open +{memory:.1f} MiB")
    print("waitress + SSE, capped   see bench/streams.py (the real app): /healthz answers; 6 streams held")


if __name__ == "__main__":
    main()
