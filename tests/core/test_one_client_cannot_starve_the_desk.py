"""One machine holding many slow connections must not shut out the kiosks (sec3's outside probe).

Waitress keeps a fixed number of open connections and stops accepting once they are all open. On the
served desk, one client opening 110 connections, each with half a request header, made /healthz from
anywhere else time out, and trickling a header byte every couple of minutes would have kept it so
(slowloris). README: every address has its share (CONNECTIONS_PER_ADDRESS); past it the address's longest-idle
connection is closed, and only when all of its share are being served is the new one answered 503 in
the desk's language; before waitress's own limit is reached the longest-idle connections anywhere
are closed (h21s), so a flood of idle connections never keeps a new client out. Served by real
waitress, as `flask serve` runs it; the other computer is a second loopback address."""
from __future__ import annotations

import gc
import os
import socket
import sys
import threading
import time
import warnings
from contextlib import ExitStack

import pytest

from lpsedesk.serving import CONNECTION_LIMIT, create_server

from .test_live_streams import _stop

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="a second loopback source address (127.0.0.2) is a Linux habit")

STRANGER, KIOSK = "127.0.0.1", "127.0.0.2"
# The ports this machine's test servers may use; the first free one is taken (0: any, if all are busy).
# Each xdist worker starts at its own port, so two workers rarely try the same one at once.
_WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
PORTS = [8610 + (_WORKER * 5 + k) % 10 for k in range(10)]


def _free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _server(app, threads: int = 4):
    for port in [*PORTS, 0]:
        if port and not _free(port):
            continue  # another worker's server: waitress would half-build one and leave its sockets open
        try:
            return create_server(app, "127.0.0.1", port, threads)
        except OSError:
            pass
        # Taken since the probe: the half-built server's socket and trigger are collected here, quietly
        # (outside the except block, whose traceback still holds them), instead of warning "unclosed
        # socket" in whichever test happens to run the collector next.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            gc.collect()
    raise RuntimeError("no port to serve on")


@pytest.fixture
def served(app):
    app.config["TRUSTED_PROXIES"] = 0
    server = _server(app)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield server.effective_port
    _stop(server)
    thread.join(10)
    server.task_dispatcher.shutdown(timeout=5)


def _half_request(port: int, source: str) -> socket.socket:
    s = socket.create_connection(("127.0.0.1", port), timeout=10, source_address=(source, 0))
    s.sendall(b"GET /kiosk/ HTTP/1.1\r\nHost: desk\r\n")  # and the rest never comes
    return s


def _get(port: int, source: str, path: str = "/healthz", timeout: float = 5.0) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout, source_address=(source, 0)) as s:
        s.sendall(b"GET %s HTTP/1.1\r\nHost: desk\r\nConnection: close\r\n\r\n" % path.encode())
        answer = b""
        while piece := s.recv(65536):
            answer += piece
        return answer


def test_a_flood_of_slow_connections_from_one_machine_leaves_the_kiosk_served(app, served):
    assert app.config["CONNECTIONS_PER_ADDRESS"] > 0  # on by default
    with ExitStack() as held:
        for _ in range(CONNECTION_LIMIT + 10):  # past every limit, waitress's old 100 too
            try:
                held.enter_context(_half_request(served, STRANGER))
            except OSError:
                break  # refused: the stranger's share is used up
        time.sleep(0.3)
        started = time.monotonic()
        answer = _get(served, KIOSK)
        assert answer.startswith(b"HTTP/1.1 200"), answer[:200]
        assert time.monotonic() - started < 3


def test_past_its_share_an_address_loses_its_longest_idle_connection_not_the_new_one(app, served):
    """A flood of idle or half-sent connections cannot keep out this address's next request either:
    its longest-idle connection is closed to make room (a browser opens a kept-alive one again)."""
    share = app.config["CONNECTIONS_PER_ADDRESS"]
    with ExitStack() as held:
        first = held.enter_context(_half_request(served, STRANGER))
        for _ in range(share - 1):
            held.enter_context(_half_request(served, STRANGER))
        time.sleep(0.3)
        assert _get(served, STRANGER).startswith(b"HTTP/1.1 200")
        first.settimeout(3)
        assert first.recv(100) == b""  # the oldest half request was closed


def test_250_idle_connections_from_one_address_leave_its_next_request_served(app, served):
    with ExitStack() as held:
        for _ in range(250):
            held.enter_context(socket.create_connection(("127.0.0.1", served), timeout=10,
                                                        source_address=(STRANGER, 0)))
        time.sleep(0.3)
        started = time.monotonic()
        assert _get(served, STRANGER).startswith(b"HTTP/1.1 200")
        assert _get(served, KIOSK).startswith(b"HTTP/1.1 200")
        assert time.monotonic() - started < 3


def test_behind_a_proxy_250_idle_connections_never_fill_the_server(app):
    """Behind a trusted proxy there is no share per address: the longest-idle connections anywhere
    are closed before waitress's limit is reached, so a new one is always accepted."""
    app.config["TRUSTED_PROXIES"] = 1
    server = _server(app)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        with ExitStack() as held:
            for _ in range(CONNECTION_LIMIT + 10):
                held.enter_context(_half_request(server.effective_port, STRANGER))
            time.sleep(0.3)
            started = time.monotonic()
            assert _get(server.effective_port, KIOSK).startswith(b"HTTP/1.1 200")
            assert time.monotonic() - started < 3
    finally:
        _stop(server)
        thread.join(10)
        server.task_dispatcher.shutdown(timeout=5)


def test_an_address_whose_whole_share_is_being_served_is_told_why_in_the_desks_language(app):
    """Only connections with no request being served are closed to make room: when all of an
    address's share are busy, the next one is refused with 503 and the reason."""
    release = threading.Event()

    @app.get("/test-busy")
    def busy():
        release.wait(10)
        return "done"

    app.config.update(TRUSTED_PROXIES=0, CONNECTIONS_PER_ADDRESS=3)
    server = _server(app)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    port = server.effective_port
    try:
        with ExitStack() as held:
            for _ in range(3):
                s = held.enter_context(socket.create_connection(("127.0.0.1", port), timeout=10,
                                                                source_address=(STRANGER, 0)))
                s.sendall(b"GET /test-busy HTTP/1.1\r\nHost: desk\r\n\r\n")
            time.sleep(0.5)
            answer = _get(port, STRANGER)
            assert answer.startswith(b"HTTP/1.1 503"), answer[:200]
            assert "Terlalu banyak sambungan".encode() in answer and b"Traceback" not in answer
            release.set()
        time.sleep(0.3)
        assert _get(port, STRANGER).startswith(b"HTTP/1.1 200")
    finally:
        release.set()
        _stop(server)
        thread.join(10)
        server.task_dispatcher.shutdown(timeout=5)


def test_behind_a_trusted_proxy_every_connection_is_the_proxys_so_none_is_turned_away(app):
    """Behind the proxy README describes, all connections come from one address: a share would be
    the whole office's, so the proxy limits clients instead."""
    from lpsedesk.serving import per_address_limit

    app.config["TRUSTED_PROXIES"] = 1
    assert per_address_limit(app) == 0
    app.config["TRUSTED_PROXIES"] = 0
    assert per_address_limit(app) == app.config["CONNECTIONS_PER_ADDRESS"]
