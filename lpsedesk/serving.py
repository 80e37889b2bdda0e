"""Waitress options for serving the app: one place for `flask serve`, the tests and bench/."""
from __future__ import annotations

from flask import Flask

from .live import stream_capacity


def waitress_options(app: Flask, threads: int | None = None) -> dict:
    """Options for waitress.serve/create_server; sizes the live-stream slots to these threads."""
    threads = int(threads or app.config["THREADS"])
    app.extensions["live_slots"].total = stream_capacity(app.config, threads)
    # channel_request_lookahead keeps reading a connection while its request runs, so waitress sees
    # a closed live stream at once and says so (environ "waitress.client_disconnected").
    return {"threads": threads, "channel_timeout": 120, "ident": "lpsedesk", "channel_request_lookahead": 4}
