"""Where a served frame's CPU goes beyond the ID engine, part by part, on the two kiosk frame paths.

In one process, one thread: the same JPEG frames sent in turn to the CSRF-checked route
(`POST /kiosk/api/v1/scan`, session cookie and CSRF token: the camera loop's path until
2 December), to the narrow path (`POST /kiosk/api/v1/frames` with the scan session's
capability, kiosk/frame_api.py) through Flask's request machinery (its view called by Flask, as
until the front), and to the same path as served now, ahead of Flask (kiosk/frame_endpoint.py), each through the app's WSGI call with the real engine inside (so
the rest meets the caches the engine cools, as a served frame does). Thread CPU (`time.thread_time`,
which other processes' load does not add to) is summed around each part: the engine (decode +
scan), the session cookie's open and save, every before/after-request hook (the CSRF check, the NUL
guard, the security headers, the request's one commit), the kiosk credential check, the scan
session store, the answer's JSON. "app beyond the engine" is the whole WSGI call less the engine;
waitress is not in it (bench/kiosks.py measures the served frame).

    nice .venv/bin/python bench/frame_parts.py [--mode ktp|checkout] [--frames 200]
"""
from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import kiosks as bench  # noqa: E402  (bench/kiosks.py: the same frames and set-up)

SPENT: dict[str, float] = defaultdict(float)
_open: list[str] = []  # the parts being timed, innermost last (a part's time excludes its inner parts)


def timed(name: str, fn):
    def wrapper(*args, **kwargs):
        start = time.thread_time()
        _open.append(name)
        try:
            return fn(*args, **kwargs)
        finally:
            _open.pop()
            spent = time.thread_time() - start
            SPENT[name] += spent
            if _open:
                SPENT[_open[-1]] -= spent  # the outer part's own time only
    wrapper.__name__ = getattr(fn, "__name__", name)
    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", default="ktp", choices=["ktp", "checkout"])
    parser.add_argument("--frames", type=int, default=200, help="frames per path (sent in turn)")
    args = parser.parse_args()
    bench.MODE = args.mode
    frames = bench.frames_to_send()

    import cv2
    from werkzeug.test import EnvironBuilder

    import kiosk.scan_api as scan_api
    from lpsedesk import create_app
    from lpsedesk.kiosk_credentials import CredentialCache

    cv2.setNumThreads(1)
    workdir = Path(tempfile.mkdtemp(prefix="frame-parts-"))
    url = f"sqlite:///{workdir / 'bench.db'}"
    cookie = bench.prepare(url, workdir, 1)[0]
    app = create_app({"DATABASE_URL": url}, instance_path=str(workdir))

    scan_api.decode_bounded_frame = timed("engine: decode", scan_api.decode_bounded_frame)
    scan_api.scan_frame = timed("engine: scan", scan_api.scan_frame)
    scan_api.jsonify = timed("answer's JSON", scan_api.jsonify)
    CredentialCache.check = timed("kiosk credential (cached)", CredentialCache.check)
    interface = app.session_interface
    interface.open_session = timed("session cookie: open", interface.open_session)
    interface.save_session = timed("session cookie: save", interface.save_session)
    store = app.extensions["kiosk_scan_sessions"]
    for method in ("get", "find", "save"):
        setattr(store, method, timed("scan session store", getattr(store, method)))
    for hooks, kind in ((app.before_request_funcs, "before"), (app.after_request_funcs, "after"),
                        (app.teardown_request_funcs, "teardown")):
        for key, funcs in hooks.items():
            hooks[key] = [timed(f"{kind}: {getattr(f, '__qualname__', f)}".replace(".<locals>.", "."), f)
                          for f in funcs]

    client = app.test_client()
    client.set_cookie("lpsedesk_kiosk", cookie)
    csrf = bench.META_CSRF.search(client.get("/kiosk/").get_data(as_text=True)).group(1)
    cookies = f"lpsedesk_kiosk={cookie}; session={client.get_cookie('session').value}"
    # each path its own scan session: two paths feeding one session would make a steady run of the
    # same frame sent twice (and pay the crop's encoding) where the bench's moving card never does
    capability, front_capability = (
        client.post(f"/kiosk/api/v1/scan/{session}/capability", headers={"X-CSRFToken": csrf}).json["capability"]
        for session in ("parts-new-0001", "parts-front-001"))
    front = app.wsgi_app  # kiosk/frame_endpoint.py: the frame path ahead of Flask's request
    flask_only = getattr(front, "inner", front)  # Flask's own WSGI call (the same view behind it)
    paths = {
        "CSRF-checked route": ("/kiosk/api/v1/scan", {"Cookie": cookies, "X-CSRFToken": csrf}, "parts-old-0001"),
        "narrow path through Flask": ("/kiosk/api/v1/frames", {"Cookie": cookies, "X-Scan-Capability": capability},
                                      "parts-new-0001"),
        "narrow path ahead of Flask": ("/kiosk/api/v1/frames", {"Cookie": cookies,
                                                                "X-Scan-Capability": front_capability},
                                       "parts-front-001"),
    }
    callers = {"CSRF-checked route": flask_only, "narrow path through Flask": flask_only,
               "narrow path ahead of Flask": front}
    environs = {}
    for name, (path, headers, session) in paths.items():
        environs[name] = []
        for data in frames:
            environ = EnvironBuilder(method="POST", path=path, headers=headers, data=data, content_type="image/jpeg",
                                     query_string=f"session={session}&mode={args.mode}").get_environ()
            environs[name].append((environ, environ["wsgi.input"].read()))

    per_path: dict[str, dict[str, list[float]]] = {name: defaultdict(list) for name in paths}
    for i in range(args.frames + 5):
        for name in paths:
            environ, body = environs[name][i % len(frames)]
            SPENT.clear()
            status: list[str] = []
            start = time.thread_time()
            b"".join(callers[name]({**environ, "wsgi.input": io.BytesIO(body)},
                                  lambda s, h, e=None: status.append(s)))
            total = time.thread_time() - start
            if not status[0].startswith("200"):
                raise RuntimeError(f"{name}: {status[0]}")
            if i < 5:
                continue  # warm-up
            engine = SPENT["engine: decode"] + SPENT["engine: scan"]
            rows = per_path[name]
            rows["whole app call"].append(total * 1000)
            rows["engine (decode + scan)"].append(engine * 1000)
            rows["app beyond the engine"].append((total - engine) * 1000)
            named = sum(v for k, v in SPENT.items() if not k.startswith("engine"))
            for part, spent in SPENT.items():
                if not part.startswith("engine"):
                    rows[part].append(spent * 1000)
            rows["the rest (Flask, werkzeug, the view)"].append((total - engine - named) * 1000)

    order = ["whole app call", "engine (decode + scan)", "app beyond the engine"]
    parts = sorted({p for rows in per_path.values() for p in rows} - set(order))
    print(f"{args.frames} frames per path, mode {args.mode}, in turn; CPU ms per frame, mean (median)")
    print("| part | " + " | ".join(paths) + " |")
    print("| --- |" + " --- |" * len(paths))
    for part in order + parts:
        cells = []
        for name in paths:
            values = per_path[name].get(part, [])
            values = values + [0.0] * (args.frames - len(values))
            cells.append(f"{statistics.mean(values):.3f} ({statistics.median(values):.3f})")
        print(f"| {part} | " + " | ".join(cells) + " |")
    engine = statistics.mean(v for n in paths for v in per_path[n]["engine (decode + scan)"])
    print(f"\nengine {engine:.1f} ms a frame; app beyond the engine, and app call / engine:")
    for name in paths:
        over = statistics.mean(per_path[name]["app beyond the engine"])
        print(f"  {name}: {over:.2f} ms, {(over + engine) / engine:.3f}x")


if __name__ == "__main__":
    main()
