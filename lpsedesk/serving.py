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
    return {"threads": threads, "channel_timeout": 120, "ident": "lpsedesk", "channel_request_lookahead": 4,
            "max_request_body_size": body_bound(app)}


def body_bound(app: Flask) -> int:
    """The most of a request body waitress reads before refusing it (413, plain text).

    Waitress's own default is 1 GB, read into a temporary file before the app sees the request and
    refuses it by MAX_UPLOAD_MB: any client could make the server write a gigabyte per request. A
    body up to four times MAX_UPLOAD_MB still reaches the app, which refuses it by its limit with its
    own page in the user's language (a phone photo a little too large); past that, nothing any
    screen sends."""
    return 4 * int(app.config["MAX_UPLOAD_MB"]) * 1024 * 1024
