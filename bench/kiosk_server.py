"""The app under waitress for bench/kiosks.py, counting the engine's CPU inside the served frames.

Run as a script: `python bench/kiosk_server.py INSTANCE PORT [THREADS [APP_ROOT]]` (DATABASE_URL
in the environment; THREADS 0: the app's THREADS setting, 48 by default; APP_ROOT: the checkout
whose app is served, this one by default). Waitress gets the options `flask serve` gives it
(lpsedesk/serving.py: threads, channel_request_lookahead), so the frames are served as in production. In addition the
decode and the scan of each frame (kiosk/scan_api.py's `decode_bounded_frame` and `scan_frame`)
are timed in thread CPU where they run, and GET /__bench/engine answers the totals as JSON. So
the engine's cost is known for the very frames the server answered: same JPEG, same decode, same
threads, same process, same cadence and the same neighbours in the caches. The whole app call of
each frame (and of each other request: the bench's /healthz probes) is timed the same way, so what
waitress adds is the rest of the process's CPU. Bench only: nothing
here is part of the app. The timing adds two clock reads per part (about a microsecond).
"""
from __future__ import annotations

import json
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, sys.argv[4] if len(sys.argv) > 4 else str(Path(__file__).resolve().parents[1]))

from waitress import serve  # noqa: E402

import kiosk.scan_api as scan_api  # noqa: E402
from lpsedesk import create_app  # noqa: E402

COUNTS = {"decode_s": 0.0, "scan_s": 0.0, "decodes": 0, "scans": 0, "frame_s": 0.0, "frames": 0,
          "other_s": 0.0, "others": 0}
# the form route, and the narrow path the camera loop takes since 2 December (kiosk/frame_api.py)
FRAME_PATHS = ("/kiosk/api/v1/scan", "/kiosk/api/v1/frames")
_lock = threading.Lock()


def _timed(name: str, fn):
    def wrapper(*args, **kwargs):
        start = time.thread_time()
        try:
            return fn(*args, **kwargs)
        finally:
            spent = time.thread_time() - start
            with _lock:
                COUNTS[f"{name}_s"] += spent
                COUNTS[f"{name}s"] += 1
    return wrapper


def with_counters(wsgi_app):
    def app(environ, start_response):
        if environ.get("PATH_INFO") == "/__bench/engine":
            with _lock:
                body = json.dumps(COUNTS).encode()
            start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
            return [body]
        kind = "frame" if environ.get("PATH_INFO") in FRAME_PATHS else "other"  # other: the /healthz probes
        # the whole app call (Flask, the view, for a frame the engine), its answer drawn out here
        start = time.thread_time()
        answer = wsgi_app(environ, start_response)
        try:
            body = list(answer)
        finally:
            if hasattr(answer, "close"):
                answer.close()
        spent = time.thread_time() - start
        with _lock:
            COUNTS[f"{kind}_s"] += spent
            COUNTS[f"{kind}s"] += 1
        return body
    return app


def main() -> None:
    instance, port = sys.argv[1], int(sys.argv[2])
    threads = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    scan_api.decode_bounded_frame = _timed("decode", scan_api.decode_bounded_frame)
    scan_api.scan_frame = _timed("scan", scan_api.scan_frame)
    app = create_app(instance_path=instance)
    app.wsgi_app = with_counters(app.wsgi_app)
    from lpsedesk.serving import waitress_options

    serve(app, host="127.0.0.1", port=port, **waitress_options(app, threads or None))


if __name__ == "__main__":
    main()
