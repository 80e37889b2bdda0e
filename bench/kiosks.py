"""Benchmark of kiosk camera frames on the served app: N kiosks, each sending 5 frames a second.

Serves the app with waitress in its own process on 127.0.0.1, with the options `flask serve` gives
it (the app's THREADS, 48 by default; `--threads 8` as this bench did before 2 December), on a
temporary SQLite database migrated like `make run`; enrols `max(N)` kiosks, and for each N runs N kiosk threads for `--seconds`, each
POSTing a synthetic KTP frame (1280x720 JPEG, a card in view, as the kiosk sends since Run 35r) to
/kiosk/api/v1/scan every 200 ms (the next frame goes as soon as the answer came when it is late,
as the kiosk's camera loop does). Frames use the check-out screen's mode by default: the same decode
and engine work as the KTP screen without its scan session (kept per frame) or its steady-card
capture (which stores a file and runs OCR); `--mode ktp` sends the KTP screen's frames, a card in
two places in turn so that it never holds still and is never captured.
A /healthz probe runs beside them (its five requests a second are part of the server's CPU, which
weighs most at N = 1: it is taken off, the probes' app calls as timed in the server during the
round, waitress's part of each from a burst of 300 before any kiosk). Printed per N: frames answered per second, 503 "busy" answers,
p50/p95 of the frames and of /healthz, and the server's CPU (cores busy, and CPU ms per frame)
beside the engine's own CPU per frame measured two ways, and the ratio to each:

- in the server: the decode and scan of the very frames the server answered, timed in thread CPU
  where they ran (bench/kiosk_server.py): same JPEG, same decode, same threads, same process, same
  cadence. The served frame's cost over this is exactly what the server adds (the ratio the issue
  asks for);
- alone beside the round: the same frame decoded and scanned in a thread of this process, two
  frames a second, one OpenCV thread as served. Runs under the same machine load, but each frame
  meets caches the kiosk threads of this process have cooled, so it tends to read a few per cent
  high (the engine in a tight loop is cheaper); kept to show when the engine in the server runs
  slower than alone (as it did before the page faults were fixed).

And a /healthz baseline measured in the same run before any kiosk. Loopback only; stops by itself.
With `--against DIR` (another checkout or `git archive` export of the app, same migrations) each
round is run on both, alternating which goes first, one server each on the same database: old and
new under the same load.

Run from the repo root: nice .venv/bin/python bench/kiosks.py [--kiosks 1 2 4 6 8 10] [--seconds 10]
    [--against /tmp/main-export] [--rounds 2]
"""
from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import json  # noqa: E402
import subprocess  # noqa: E402

META_CSRF = re.compile(r'<meta name="csrf-token" content="([^"]+)"')
BOUNDARY = "lpsedeskbenchboundary"
FORM = False  # --form
OLD_PATH = False  # --old-path
MODE = "checkout"  # --mode
PERIOD = 0.2  # 5 frames a second


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


# What static/kiosk/js/camera.js sends of a 720p webcam (MAX_WIDTH; 960 before Run 35r, docs/idscan.md).
FRAME_WIDTH = 1280


def frame_jpeg(seed: int = 16) -> tuple[bytes, object]:
    import cv2
    import numpy as np

    from tests.synthetic.ktp import render_ktp
    from tests.synthetic.people import make_person
    from tests.synthetic.scenes import place_in_scene

    rng = np.random.default_rng(seed)
    frame, _quad = place_in_scene(render_ktp(make_person(rng)), rng, width_px=420, angle=0, tilt=3,
                                  jpeg=None, noise=1)
    if frame.shape[1] > FRAME_WIDTH:
        frame = cv2.resize(frame, (FRAME_WIDTH, int(FRAME_WIDTH * frame.shape[0] / frame.shape[1])),
                           interpolation=cv2.INTER_AREA)
    ok, buf = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 85])
    assert ok
    return buf.tobytes(), frame


def frames_to_send() -> list[bytes]:
    """One frame for the stateless screens; for the KTP screen two, a card in two places sent in
    turn, so the card never holds still: every frame does the scan session's work and none is
    captured (a capture stores a file and runs OCR, not a frame's cost)."""
    first = frame_jpeg()[0]
    return [first] if MODE != "ktp" else [first, frame_jpeg(21)[0]]


def engine_alone_ms(data: bytes, rounds: int = 30) -> tuple[float, float]:
    """CPU ms (p50) of decoding + scanning the frame in this process: what the server cannot beat.
    One OpenCV thread, as in the served app (kiosk/scan_api.py)."""
    import cv2

    from idscan import scan_frame
    from kiosk.frame_limits import decode_bounded_frame

    cv2.setNumThreads(1)
    decode, scan = [], []
    for _ in range(rounds):
        start = time.process_time()
        frame = decode_bounded_frame(data)
        middle = time.process_time()
        scan_frame(frame, ocr=False, barcodes=True)
        decode.append((middle - start) * 1000)
        scan.append((time.process_time() - middle) * 1000)
    return statistics.median(decode), statistics.median(scan)


def app_alone_ms(url: str, instance: Path, cookie: str, frames: list[bytes], rounds: int = 30) -> tuple[float, float]:
    """CPU ms (p50) of one frame through the whole app in this process (WSGI call, no network,
    no waitress), sent as the served rounds send it: what the app adds to the engine. Each call
    is followed by the engine alone on the same frame in the same thread (thread CPU), so the two
    p50s (app, engine) meet the same load and the same caches."""
    from idscan import scan_frame
    from kiosk.frame_limits import decode_bounded_frame

    import io

    from werkzeug.test import EnvironBuilder

    from lpsedesk import create_app

    app = create_app({"DATABASE_URL": url}, instance_path=str(instance))
    client = app.test_client()
    client.set_cookie("lpsedesk_kiosk", cookie)
    csrf = META_CSRF.search(client.get("/kiosk/").get_data(as_text=True)).group(1)
    headers = {"X-CSRFToken": csrf, "Cookie": f"lpsedesk_kiosk={cookie}; session={client.get_cookie('session').value}"}
    opened = client.post("/kiosk/api/v1/scan/bench-alone-01/capability", headers={"X-CSRFToken": csrf})
    capability = opened.json["capability"] if opened.status_code == 200 and not OLD_PATH else None
    environs = []
    for data in frames:
        if capability and not FORM:  # the narrow path, as the served rounds send it
            builder = EnvironBuilder(method="POST", path="/kiosk/api/v1/frames", data=data,
                                     headers={"Cookie": headers["Cookie"], "X-Scan-Capability": capability},
                                     query_string=f"session=bench-alone-01&mode={MODE}", content_type="image/jpeg")
        elif FORM:
            builder = EnvironBuilder(method="POST", path="/kiosk/api/v1/scan", headers=headers, data={
                "frame": (io.BytesIO(data), "frame.jpg"), "session": "bench-alone-01", "mode": MODE})
        else:  # what the camera loop sends (and what the served rounds send)
            builder = EnvironBuilder(method="POST", path="/kiosk/api/v1/scan", headers=headers, data=data,
                                     query_string=f"session=bench-alone-01&mode={MODE}", content_type="image/jpeg")
        environ = builder.get_environ()
        environs.append((environ, environ["wsgi.input"].read(), data))
    times, engine = [], []
    for i in range(rounds + 3):
        environ, body, data = environs[i % len(environs)]
        env = {**environ, "wsgi.input": io.BytesIO(body)}
        status: list[str] = []
        start = time.thread_time()
        b"".join(app.wsgi_app(env, lambda s, h, e=None: status.append(s)))
        middle = time.thread_time()
        scan_frame(decode_bounded_frame(data), ocr=False, barcodes=True)
        if i >= 3:
            times.append((middle - start) * 1000)
            engine.append((time.thread_time() - middle) * 1000)
        if not status[0].startswith("200"):
            raise RuntimeError(f"frame through the app: {status[0]}")
    return statistics.median(times), statistics.median(engine)


def serve(url: str, instance: Path, port: int, root: Path = ROOT, threads: int = 0) -> subprocess.Popen:
    """The app of `root` under waitress in its own process, counting its engine's CPU; waitress as
    `flask serve` runs it (the app's THREADS, 48 by default, unless `threads`)."""
    env = {**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(root)}
    server = subprocess.Popen([sys.executable, str(ROOT / "bench" / "kiosk_server.py"), str(instance), str(port),
                               str(threads), str(root)], cwd=root, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            if engine_counts(port) is not None:
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("the server did not start")


def engine_counts(port: int) -> dict:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/__bench/engine")
    return json.loads(conn.getresponse().read())


def prepare(url: str, instance: Path, kiosks: int) -> list[str]:
    """A migrated database with `kiosks` enrolled kiosks; their device cookies."""
    from flask_migrate import upgrade

    from lpsedesk import create_app, devices
    from lpsedesk.extensions import db

    app = create_app({"DATABASE_URL": url}, instance_path=str(instance))
    with app.app_context():
        upgrade()
        cookies = []
        for i in range(kiosks):
            device, code = devices.create_device(db.session, None, f"Kios uji {i + 1}")
            devices.enrol(db.session, code)
            db.session.flush()
            cookies.append(devices.credential_for(device, app.config["SECRET_KEY"]))
        db.session.commit()
        db.engine.dispose()
    return cookies


class Kiosk(threading.Thread):
    def __init__(self, port: int, cookie: str, frames: list[bytes], number: int, stop_at: float) -> None:
        super().__init__(daemon=True)
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies = {"lpsedesk_kiosk": cookie}
        self.frames, self.number, self.stop_at = frames, number, stop_at
        self.captured = 0
        self.ok: list[float] = []
        self.busy = 0
        self.errors = 0

    def _request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        headers = {**(headers or {}), "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        text = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, text

    def open_page(self) -> None:
        status, page = self._request("GET", "/kiosk/")
        if status != 200:
            raise RuntimeError(f"kiosk page: HTTP {status}")
        self.csrf = META_CSRF.search(page.decode()).group(1)
        # The camera loop's narrow path (kiosk/frame_api.py): open the scan session once, then send
        # frames with its capability. An app without it (--against an older checkout) answers 404:
        # its frames go to the form route's raw-body form as its camera loop sent them.
        status, text = self._request("POST", f"/kiosk/api/v1/scan/bench-kiosk-{self.number:03d}/capability",
                                     b"", {"X-CSRFToken": self.csrf})
        self.capability = json.loads(text)["capability"] if status == 200 and not OLD_PATH else None
        parts = [f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n".encode()
                 for name, value in (("session", f"bench-kiosk-{self.number:03d}"), ("mode", MODE))]
        self.bodies = [b"".join(parts) + f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"frame\"; "
                       f"filename=\"frame.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n".encode() + data
                       + f"\r\n--{BOUNDARY}--\r\n".encode() for data in self.frames]

    def run(self) -> None:
        if FORM:  # a frame as the kiosk sent it before 2 December (and an uploaded photo still goes)
            path, bodies = "/kiosk/api/v1/scan", self.bodies
            headers = {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}", "X-CSRFToken": self.csrf}
        elif self.capability:  # the camera loop's frame: the JPEG as the body, admitted by the capability
            path, bodies = f"/kiosk/api/v1/frames?session=bench-kiosk-{self.number:03d}&mode={MODE}", self.frames
            headers = {"Content-Type": "image/jpeg", "X-Scan-Capability": self.capability}
        else:  # the camera loop's frame before the narrow path: the JPEG as the body, the rest in the query
            path, bodies = f"/kiosk/api/v1/scan?session=bench-kiosk-{self.number:03d}&mode={MODE}", self.frames
            headers = {"Content-Type": "image/jpeg", "X-CSRFToken": self.csrf}
        due = time.perf_counter() + PERIOD * (self.number % 10) / 10  # kiosks not all in step
        sent = 0
        while True:
            now = time.perf_counter()
            if now >= self.stop_at:
                return
            if due > now:
                time.sleep(due - now)
            due = max(due + PERIOD, time.perf_counter())
            start = time.perf_counter()
            body = bodies[sent % len(bodies)]
            sent += 1
            try:
                status, text = self._request("POST", path, body, headers)
            except OSError:
                self.errors += 1
                continue
            if status == 200:
                self.ok.append((time.perf_counter() - start) * 1000)
                self.captured += b'"captured":true' in text
            elif status == 503:
                self.busy += 1
            else:
                self.errors += 1


def engine_beside(frames: list[bytes], stop_at: float, out: list[float]) -> None:
    """Thread CPU ms of decode + scan of the frames in turn, every 0.5 s until `stop_at`."""
    from idscan import scan_frame
    from kiosk.frame_limits import decode_bounded_frame

    while time.perf_counter() < stop_at:
        start = time.thread_time()
        scan_frame(decode_bounded_frame(frames[len(out) % len(frames)]), ocr=False, barcodes=True)
        out.append((time.thread_time() - start) * 1000)
        time.sleep(0.5)


def probe_healthz(port: int, stop_at: float, out: list[float]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while time.perf_counter() < stop_at:
        start = time.perf_counter()
        conn.request("GET", "/healthz")
        conn.getresponse().read()
        out.append((time.perf_counter() - start) * 1000)
        time.sleep(PERIOD)


def healthz_cpu(port: int, pid: int, requests: int = 300) -> float:
    """Server CPU seconds of one /healthz outside the app call, i.e. waitress's part (a burst, so
    the clock ticks of /proc resolve it). The app call's part is timed in the server in each round."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    counts0, cpu0 = engine_counts(port), cpu_seconds(pid)
    for _ in range(requests):
        conn.request("GET", "/healthz")
        conn.getresponse().read()
    cpu, counts = cpu_seconds(pid) - cpu0, engine_counts(port)
    return max(0.0, cpu - (counts["other_s"] - counts0["other_s"])) / requests


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_busy() -> float:
    """CPU seconds every process on the machine has used (/proc/stat: all but idle and iowait)."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def round_of(port: int, pid: int, cookies: list[str], frames: list[bytes], n: int, seconds: float,
             probe_waitress: float = 0.0) -> dict:
    stop_at = time.perf_counter() + seconds + 1.0
    kiosks = [Kiosk(port, cookies[i], frames, i, stop_at) for i in range(n)]
    for kiosk in kiosks:
        kiosk.open_page()
    stop_at = time.perf_counter() + seconds
    for kiosk in kiosks:
        kiosk.stop_at = stop_at
    health: list[float] = []
    prober = threading.Thread(target=probe_healthz, args=(port, stop_at, health), daemon=True)
    # The engine alone on the same frame in this process, beside the round (so under the same load,
    # which moves a lot on a shared machine), two frames a second: the ratio is taken per round.
    engine_ms: list[float] = []
    beside = threading.Thread(target=engine_beside, args=(frames, stop_at, engine_ms), daemon=True)
    counts0 = engine_counts(port)
    cpu0, wall0, busy0 = cpu_seconds(pid), time.perf_counter(), machine_busy()
    for thread in (*kiosks, prober, beside):
        thread.start()
    for thread in (*kiosks, prober, beside):
        thread.join()
    engine = statistics.median(engine_ms)
    cpu, wall = cpu_seconds(pid) - cpu0, time.perf_counter() - wall0
    counts = engine_counts(port)
    scans = max(1, counts["scans"] - counts0["scans"])
    in_server = 1000 * (counts["decode_s"] + counts["scan_s"] - counts0["decode_s"] - counts0["scan_s"]) / scans
    app_call = 1000 * (counts["frame_s"] - counts0["frame_s"]) / max(1, counts["frames"] - counts0["frames"])
    # the probes' CPU: their app calls timed in the server during this round, waitress's part of each
    # from the burst before any kiosk (the counter requests themselves are not counted: two a round)
    probes = (counts["other_s"] - counts0["other_s"]) + probe_waitress * (counts["others"] - counts0["others"])
    times = [t for kiosk in kiosks for t in kiosk.ok]
    # The machine's load (other jobs too): the 1-minute average at the end of the round, and the
    # CPU every other process took meanwhile, in cores.
    load = os.getloadavg()[0]
    return {"n": n, "fps": len(times) / wall, "asked": n / PERIOD, "busy": sum(k.busy for k in kiosks),
            "errors": sum(k.errors for k in kiosks), "captured": sum(k.captured for k in kiosks), "p50": pct(times, 50), "p95": pct(times, 95),
            "health50": pct(health, 50), "health95": pct(health, 95), "cores": cpu / wall,
            "cpu_per_frame": 1000 * cpu / max(1, len(times)), "load": load, "engine": engine,
            "in_server": in_server, "app_call": app_call,
            # less the /healthz probes' share (their app calls timed in the server, waitress's part from the burst)
            "frame_cpu": 1000 * max(0.0, cpu - probes) / max(1, len(times)),
            "others": max(0.0, (machine_busy() - busy0) / wall - cpu / wall)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kiosks", type=int, nargs="+", default=[1, 2, 4, 6, 8, 10])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--port", type=int, default=5117, help="and the next one with --against")
    parser.add_argument("--form", action="store_true",
                        help="send each frame as a multipart form (as the camera loop did before 2 December)")
    parser.add_argument("--old-path", action="store_true",
                        help="send the JPEG body to the CSRF-checked form route even where the narrow path "
                             "(/kiosk/api/v1/frames with the scan session's capability) is served")
    parser.add_argument("--mode", default="checkout", choices=["checkout", "ktp"],
                        help="the screen the frames come from: checkout (stateless, as before) or ktp (the KTP "
                             "screen: its scan session kept per frame; a card in two places in turn, never captured)")
    parser.add_argument("--against", type=Path, metavar="DIR",
                        help="another checkout of the app (e.g. a git archive of main): each round runs on both")
    parser.add_argument("--threads", type=int, default=0,
                        help="waitress threads (default: the app's THREADS, as `flask serve`; the bench used 8 "
                             "before 2 December)")
    parser.add_argument("--rounds", type=int, default=1, help="times to run the list of --kiosks")
    args = parser.parse_args()
    global FORM, MODE, OLD_PATH
    FORM, MODE, OLD_PATH = args.form, args.mode, args.old_path
    print(f"$ {' '.join([Path(sys.executable).name, *sys.argv])}\nload average at the start: "
          f"{' '.join(f'{v:.1f}' for v in os.getloadavg())}", flush=True)
    frames = frames_to_send()
    data = frames[0]
    decode_ms, scan_ms = engine_alone_ms(data)
    codes = [("this", ROOT)] + ([("against", args.against.resolve())] if args.against else [])
    workdir = Path(tempfile.mkdtemp(prefix="lpsedesk-kiosks-"))
    servers: dict[str, tuple[subprocess.Popen, int, float]] = {}
    rows: list[tuple[str, dict]] = []
    try:
        url = f"sqlite:///{workdir}/kiosks.db"
        cookies = prepare(url, workdir, max(args.kiosks))
        for i, (name, root) in enumerate(codes):
            server = serve(url, workdir, args.port + i, root, args.threads)
            servers[name] = (server, args.port + i, 0.0)
        baseline: list[float] = []
        probe_healthz(args.port, time.perf_counter() + 3.0, baseline)
        for name, (server, port, _cpu) in servers.items():
            servers[name] = (server, port, healthz_cpu(port, server.pid))
        probe_cpus = {name: cpu for name, (_server, _port, cpu) in servers.items()}
        turn = 0
        for _ in range(args.rounds):
            for n in args.kiosks:
                # alternate which code goes first, so neither always meets the same moment of the load
                order = codes if turn % 2 == 0 or len(codes) == 1 else codes[::-1]
                turn += 1
                for name, _root in order:
                    server, port, probe_waitress = servers[name]
                    row = round_of(port, server.pid, cookies, frames, n, args.seconds, probe_waitress)
                    rows.append((name, row))
                    print(f"  {name}: {n} kiosks, server {row['frame_cpu']:.1f} ms a frame, app call "
                          f"{row['app_call']:.1f}, engine in it {row['in_server']:.1f}: "
                          f"{row['frame_cpu'] / row['in_server']:.2f}x", flush=True)
        for server, _port, _cpu in servers.values():
            server.terminate()
            server.wait(timeout=30)
        servers.clear()
        app_ms, app_engine_ms = app_alone_ms(url, workdir, cookies[0], frames)
    finally:
        for server, _port, _cpu in servers.values():
            server.kill()
        shutil.rmtree(workdir, ignore_errors=True)
    captured = sum(r["captured"] for _name, r in rows)
    print(f"\nframes from the {MODE} screen"
          + (f" (a card in two places in turn; captures: {captured})" if MODE == "ktp" else "")
          + f": {FRAME_WIDTH}-wide JPEG, {len(data) // 1024} KB, a card in view, sent "
          f"{'as a multipart form' if FORM else 'as the body (image/jpeg)'}; engine alone in this process: "
          f"decode {decode_ms:.1f} + scan {scan_ms:.1f} = {decode_ms + scan_ms:.1f} ms CPU (p50); through the "
          f"whole app of this checkout in this process (WSGI, no network): {app_ms:.1f} ms CPU against "
          f"{app_engine_ms:.1f} for the engine alone in turn with it, {app_ms / app_engine_ms:.2f}x")
    print(f"GET /healthz before any kiosk (same run): p50 {pct(baseline, 50):.1f} ms, "
          f"p95 {pct(baseline, 95):.1f} ms, "
          + ", ".join(f"{1000 * cpu:.2f} ms of waitress CPU each ({name})" for name, cpu in probe_cpus.items())
          + f"; {os.cpu_count()} cores; load average at the end: {' '.join(f'{v:.1f}' for v in os.getloadavg())}\n")
    print("| code | kiosks | frames/s asked | frames/s answered | 503 busy | p50 ms | p95 ms | /healthz p50 / p95 ms "
          "| server CPU (cores) | server CPU ms per frame (less /healthz) | engine in the server ms per frame "
          "| app call ms per frame (engine, Flask, view; no waitress) "
          "| server / engine in the server | engine alone beside ms | server / engine alone "
          "| rest of the machine incl. the bench client (cores) | load avg 1 min |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, r in rows:
        print(f"| {name} | {r['n']} | {r['asked']:.0f} | {r['fps']:.1f} | {r['busy']}"
              f"{' +' + str(r['errors']) + ' err' if r['errors'] else ''} "
              f"| {r['p50']:.0f} | {r['p95']:.0f} | {r['health50']:.0f} / {r['health95']:.0f} "
              f"| {r['cores']:.2f} | {r['cpu_per_frame']:.1f} ({r['frame_cpu']:.1f}) | {r['in_server']:.1f} | {r['app_call']:.1f} "
              f"| {r['frame_cpu'] / r['in_server']:.2f}x | {r['engine']:.1f} | {r['frame_cpu'] / r['engine']:.2f}x "
              f"| {r['others']:.2f} | {r['load']:.1f} |")


if __name__ == "__main__":
    main()
