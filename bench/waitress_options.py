"""What waitress itself costs per kiosk frame, by its options: server CPU per request.

A trivial WSGI app stands for the app (it reads the 44 KB body and answers a JSON of the size a
frame's answer has), served by waitress in a process of its own with `lpsedesk/serving.py`'s
options and with one option changed at a time; `--clients` keep-alive connections post the same
frame in turn. The server process's CPU (user + system, /proc) over the requests answered is
waitress's share of a served frame (bench/kiosks.py's "waitress and the rest"), without the
engine that cools its caches in a real round. Variants alternate, `--rounds` times.

    nice .venv/bin/python bench/waitress_options.py [--requests 3000] [--clients 6] [--port 5251]
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = {
    "as served (lpsedesk/serving.py)": {},
    "no channel_request_lookahead": {"channel_request_lookahead": 0},
    "asyncore_use_poll": {"asyncore_use_poll": True},
    "recv_bytes 65536": {"recv_bytes": 65536},
    "recv_bytes 65536, no lookahead": {"recv_bytes": 65536, "channel_request_lookahead": 0},
}
ANSWER = json.dumps({"result": {"card": True, "corners": [[1.5, 2.5]] * 4, "barcodes": [], "ms": 12.3,
                                "sharpness": 123.4, "guidance": "hold_still"},
                     "guidance": "hold_still", "message": "x" * 60, "captured": False, "capture": None,
                     "steady_frames": 1}).encode()


def server(port: int, overrides: str) -> None:
    import logging

    from waitress import serve

    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "Task queue depth is 1": expected here
    def app(environ, start_response):
        length = int(environ.get("CONTENT_LENGTH") or 0)
        environ["wsgi.input"].read(length)
        start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(ANSWER)))])
        return [ANSWER]

    options = {"threads": 48, "channel_timeout": 120, "ident": "lpsedesk", "channel_request_lookahead": 4,
               "max_request_body_size": 32 * 1024 * 1024}  # lpsedesk/serving.py's
    options.update(json.loads(overrides))
    serve(app, host="127.0.0.1", port=port, **options)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(port: int, overrides: dict, body: bytes, requests: int, clients: int) -> float:
    proc = subprocess.Popen([sys.executable, __file__, "--serve", str(port), json.dumps(overrides)])
    try:
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=2).connect()
                break
            except OSError:
                time.sleep(0.1)

        def client(n: int) -> None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            for _ in range(n):
                conn.request("POST", "/kiosk/api/v1/frames", body=body, headers={"Content-Type": "image/jpeg"})
                response = conn.getresponse()
                response.read()
                assert response.status == 200

        client(50)  # warm
        cpu0 = cpu_seconds(proc.pid)
        threads = [threading.Thread(target=client, args=(requests // clients,)) for _ in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return 1000 * (cpu_seconds(proc.pid) - cpu0) / (requests // clients * clients)
    finally:
        proc.terminate()
        proc.wait()


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--serve":
        server(int(sys.argv[2]), sys.argv[3])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--port", type=int, default=5251)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    import kiosks as bench

    body = bench.frame_jpeg()[0]
    print(f"$ {' '.join([Path(sys.executable).name, *sys.argv])}; load average {os.getloadavg()[0]:.1f}; "
          f"body {len(body) // 1024} KB, answer {len(ANSWER)} bytes", flush=True)
    results: dict[str, list[float]] = {name: [] for name in VARIANTS}
    for _ in range(args.rounds):
        for name, overrides in VARIANTS.items():
            results[name].append(run(args.port, overrides, body, args.requests, args.clients))
    print("| waitress options | server CPU ms per request, each round | median |")
    print("| --- | --- | --- |")
    for name, values in results.items():
        print(f"| {name} | {', '.join(f'{v:.3f}' for v in values)} | {statistics.median(values):.3f} |")
    print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
