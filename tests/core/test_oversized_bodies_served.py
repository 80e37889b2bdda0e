"""A body far larger than anything the desk accepts is refused before it is read (sec2's outside
probe). README: MAX_UPLOAD_MB is the largest request body accepted. Waitress, left at its default,
read up to 1 GB of any body into a temporary file before the app could say 413: one anonymous
client posting 60 MB to the login page had all 60 MB written to the server's disk, and twenty
such clients twenty times that. Served by real waitress, as `flask serve` runs it."""
from __future__ import annotations

import socket
import threading
import time

import pytest
from waitress import create_server

from lpsedesk.serving import waitress_options

from .test_live_streams import _stop


@pytest.fixture
def served(app):
    server = create_server(app, host="127.0.0.1", port=0, **waitress_options(app, 4))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield server.effective_port
    _stop(server)
    thread.join(10)
    server.task_dispatcher.shutdown(timeout=5)


def _first_answer(port: int, head: bytes, body: bytes = b"", timeout: float = 10.0) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(head + body)
        return s.recv(200)


def test_a_body_announced_far_past_the_upload_limit_is_refused_before_it_is_sent(app, served):
    mb = app.config["MAX_UPLOAD_MB"]
    head = (b"POST /admin/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            b"Content-Length: %d\r\n\r\n" % (60 * mb * 1024 * 1024))
    started = time.monotonic()
    answer = _first_answer(served, head, b"username=a")  # the rest of the body never comes
    assert answer.startswith(b"HTTP/1.1 413"), answer
    assert time.monotonic() - started < 5


def test_a_chunked_body_growing_past_the_bound_is_cut_off(app, served):
    mb = app.config["MAX_UPLOAD_MB"]
    chunk = b"a" * (1024 * 1024)
    with socket.create_connection(("127.0.0.1", served), timeout=10) as s:
        s.sendall(b"POST /admin/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                  b"Content-Type: application/x-www-form-urlencoded\r\n\r\n")
        sent = 0
        try:
            while sent < 60 * mb:
                s.sendall(b"100000\r\n" + chunk + b"\r\n")
                sent += 1
        except OSError:
            pass  # the server closed the connection: it stopped reading
        assert sent < 60 * mb or s.recv(200).startswith(b"HTTP/1.1 413")
        assert sent < 60 * mb, "the server read every chunk of a body 60 times the limit"


def test_an_upload_just_over_the_limit_still_gets_the_desks_own_message(app, served):
    """The bound is on what no screen sends: a photo a little too large is answered by the app,
    in the user's language (the kiosk says which size is allowed)."""
    mb = app.config["MAX_UPLOAD_MB"]
    body = b"x" * ((mb + 1) * 1024 * 1024)
    head = (b"POST /admin/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            b"Content-Length: %d\r\n\r\n" % len(body))
    with socket.create_connection(("127.0.0.1", served), timeout=20) as s:
        s.sendall(head + body)
        answer = b""
        while b"</html>" not in answer:
            piece = s.recv(65536)
            if not piece:
                break
            answer += piece
    assert answer.startswith(b"HTTP/1.1 413")
    assert "terlalu besar".encode() in answer.lower() or b"Berkas" in answer
