"""One machine holding many slow connections must not shut out the kiosks (sec3's outside probe).

Waitress keeps a fixed number of open connections and stops accepting once they are all open. On the
served desk, one client opening 110 connections, each with half a request header, made /healthz from
anywhere else time out, and trickling a header byte every couple of minutes would have kept it so
(slowloris). README: every address has its share (CONNECTIONS_PER_ADDRESS); past it the connection
is answered 503 in the desk's language; other computers are served as before. Served by real
waitress, as `flask serve` runs it; the other computer is a second loopback address."""
from __future__ import annotations

import socket
import sys
import threading
import time
from contextlib import ExitStack

import pytest

from lpsedesk.serving import CONNECTION_LIMIT, create_server

from .test_live_streams import _stop

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="a second loopback source address (127.0.0.2) is a Linux habit")

STRANGER, KIOSK = "127.0.0.1", "127.0.0.2"


@pytest.fixture
def served(app):
    app.config["TRUSTED_PROXIES"] = 0
    server = create_server(app, "127.0.0.1", 0, 4)
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


def test_past_its_share_an_address_is_told_why_in_the_desks_language(app, served):
    share = app.config["CONNECTIONS_PER_ADDRESS"]
    with ExitStack() as held:
        for _ in range(share):
            held.enter_context(_half_request(served, STRANGER))
        time.sleep(0.3)
        answer = _get(served, STRANGER)
        assert answer.startswith(b"HTTP/1.1 503"), answer[:200]
        assert "Terlalu banyak sambungan".encode() in answer
        assert b"Traceback" not in answer
    time.sleep(0.3)  # its connections closed, the same address is served again
    assert _get(served, STRANGER).startswith(b"HTTP/1.1 200")


def test_behind_a_trusted_proxy_every_connection_is_the_proxys_so_none_is_turned_away(app):
    """Behind the proxy README describes, all connections come from one address: a share would be
    the whole office's, so the proxy limits clients instead."""
    from lpsedesk.serving import per_address_limit

    app.config["TRUSTED_PROXIES"] = 1
    assert per_address_limit(app) == 0
    app.config["TRUSTED_PROXIES"] = 0
    assert per_address_limit(app) == app.config["CONNECTIONS_PER_ADDRESS"]
