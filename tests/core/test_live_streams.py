"""Live streams cannot starve the server: one kiosk or one staff login holds a few streams at most
(a new one ends the oldest), threads stay in reserve for ordinary requests, and a stream whose
client has gone gives its thread back at once (issue 12). Served by real waitress."""
from __future__ import annotations

import http.client
import socket
import threading

import pytest
from waitress import create_server

from lpsedesk.devices import COOKIE_NAME
from lpsedesk.live import FEED
from lpsedesk.serving import waitress_options

from .. import factories
from ..kiosk.conftest import enrol_client

THREADS, RESERVE = 8, 3


@pytest.fixture
def served(app):
    """The app on waitress with 8 threads, 3 kept from streams; yields the port."""
    app.config.update(LIVE_THREAD_RESERVE=RESERVE, LIVE_STREAMS_PER_KIOSK=2, LIVE_STREAMS_PER_USER=4)
    server = create_server(app, host="127.0.0.1", port=0, **waitress_options(app, THREADS))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield server.effective_port
    FEED.stop_streams()
    try:
        _stop(server)
        thread.join(10)
        server.task_dispatcher.shutdown(timeout=5)
    finally:
        FEED.allow_streams()


def _stop(server) -> None:
    """Close every socket, from waitress's own loop thread when its trigger still works."""
    close_all = lambda: [obj.close() for obj in list(server._map.values())]  # noqa: E731
    try:
        server.trigger.pull_trigger(close_all)
    except OSError:  # the trigger's pipe was already closed under it: close from here instead
        close_all()


@pytest.fixture
def opened():
    """open_stream, every connection closed after the test whatever it asserted (a failure must not
    leave sockets open for the next test to trip over)."""
    conns: list[http.client.HTTPConnection] = []

    def open_(port: int, path: str, cookie: str):
        conn, response = open_stream(port, path, cookie)
        conns.append(conn)
        return conn, response

    yield open_
    for conn in conns:
        conn.close()


def open_stream(port: int, path: str, cookie: str) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path, headers={"Cookie": cookie, "Accept": "text/event-stream"})
    return conn, conn.getresponse()


def get(port: int, path: str, cookie: str = "") -> int:
    """One ordinary request; a server with every thread taken would let this time out."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=8)
    conn.request("GET", path, headers={"Cookie": cookie})
    status = conn.getresponse().status
    conn.close()
    return status


def kiosk_cookie_and_ticket(app) -> tuple[str, str]:
    kiosk = enrol_client(app, app.test_client())
    with app.app_context():
        ticket = factories.visit().ticket_code
    return f"{COOKIE_NAME}={kiosk.client.get_cookie(COOKIE_NAME).value}", ticket


def read_to_end(response: http.client.HTTPResponse) -> str:
    return response.read().decode()


def test_one_kiosk_opening_many_streams_keeps_only_two_and_the_server_answers(app, served, opened):
    cookie, ticket = kiosk_cookie_and_ticket(app)
    slots = app.extensions["live_slots"]
    streams = [opened(served, f"/kiosk/api/v1/visits/{ticket}/events", cookie) for _ in range(THREADS + 2)]
    assert all(r.status == 200 for _c, r in streams)
    # Every stream but the last two was ended by a newer one, and says when to come back.
    for _conn, response in streams[:-2]:
        assert "retry: 60000" in read_to_end(response)
    assert slots.wait_for_count(lambda n: n == 2, timeout=10)
    assert get(served, "/healthz") == 200
    assert get(served, "/kiosk/", cookie) == 200
    for conn, _r in streams:
        conn.close()


def test_one_staff_login_holds_at_most_four_streams_and_staff_pages_still_load(app, served, opened, make_user, login, client):
    make_user("rina", "helpdesk")
    login("rina")
    cookie = f"session={client.get_cookie('session').value}"
    slots = app.extensions["live_slots"]
    streams = [opened(served, "/admin/events", cookie) for _ in range(THREADS + 2)]
    assert all(r.status == 200 for _c, r in streams)
    for _conn, response in streams[:-4]:
        read_to_end(response)
    assert slots.wait_for_count(lambda n: n == 4, timeout=10)
    assert get(served, "/healthz") == 200
    assert get(served, "/admin/board", cookie) == 200
    for conn, _r in streams:
        conn.close()


def test_streams_never_take_the_reserved_threads(app, served, opened, make_user, login):
    """Many different owners: streams beyond THREADS - RESERVE are refused and pages still load."""
    slots = app.extensions["live_slots"]
    cookies = []
    for i in range(THREADS):
        make_user(f"staf{i}", "helpdesk")
        c = app.test_client()
        login(f"staf{i}", c=c)
        cookies.append(f"session={c.get_cookie('session').value}")
    answers = [opened(served, "/admin/events", cookie) for cookie in cookies]
    statuses = [r.status for _c, r in answers]
    assert statuses.count(200) == THREADS - RESERVE
    refused = [r for _c, r in answers if r.status == 503]
    assert len(refused) == RESERVE and refused[0].getheader("Retry-After")
    assert slots.count() == THREADS - RESERVE
    assert get(served, "/healthz") == 200
    assert get(served, "/admin/board", cookies[0]) == 200
    for conn, _r in answers:
        conn.close()


def test_a_stream_whose_client_has_gone_gives_its_slot_back_at_once(app, served, make_user, login, client):
    make_user("rina", "helpdesk")
    login("rina")
    cookie = f"session={client.get_cookie('session').value}"
    slots = app.extensions["live_slots"]
    sock = socket.create_connection(("127.0.0.1", int(served)), timeout=10)
    sock.sendall(f"GET /admin/events HTTP/1.1\r\nHost: t\r\nCookie: {cookie}\r\n\r\n".encode())
    received = b""
    while b"retry:" not in received:
        received += sock.recv(4096)
    assert b" 200 " in received.split(b"\r\n", 1)[0]
    assert slots.count() == 1
    sock.close()
    # Well inside one heartbeat (15 s): the server notices the closed connection at its next poll.
    assert slots.wait_for_count(lambda n: n == 0, timeout=5)
