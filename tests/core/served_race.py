"""Helpers for races on the served desk: a real waitress server (as `flask serve` runs it), browsers
that keep their cookies, and a barrier that holds each racing request at its write until every one
of them has read the record, so the race is certain on every run rather than a matter of timing."""
from __future__ import annotations

import http.client
import re
import threading
import urllib.parse
from contextlib import contextmanager

from sqlalchemy import event
from sqlalchemy.orm import Session

from lpsedesk import devices
from lpsedesk.extensions import db
from lpsedesk.serving import create_server

from ..conftest import TEST_PASSWORD

FORM_CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
META_CSRF = re.compile(r'<meta name="csrf-token" content="([^"]+)"')


class Browser:
    """One person's browser (or one kiosk): its own cookies, one connection per request."""

    def __init__(self, port: int) -> None:
        self.port, self.cookies, self.csrf = port, {}, ""

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict | None = None) -> tuple[int, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        sent = {"Host": "desk", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            conn.request(method, path, body=body, headers=sent)
            response = conn.getresponse()
            text = response.read().decode("utf-8", "replace")
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    self.cookies[key] = rest.split(";", 1)[0]
            return response.status, text
        finally:
            conn.close()

    def get(self, path: str) -> tuple[int, str]:
        return self.request("GET", path)

    def form_token(self, page: str) -> str:
        status, text = self.get(page)
        match = FORM_CSRF.search(text) or META_CSRF.search(text)
        assert match, f"no CSRF token on {page} ({status})"
        return match.group(1)

    def post(self, path: str, fields: dict | list, *, token_page: str = "/admin/") -> tuple[int, str]:
        items = list(fields.items()) if isinstance(fields, dict) else list(fields)
        body = urllib.parse.urlencode([("csrf_token", self.csrf or self.form_token(token_page)), *items]).encode()
        return self.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})

    def post_json(self, path: str, payload: bytes = b"{}") -> tuple[int, str]:
        return self.request("POST", path, payload, {"Content-Type": "application/json", "X-CSRFToken": self.csrf})


def staff(port: int, username: str) -> Browser:
    """A browser in which `username` (made with the test password) has logged in; it keeps the
    CSRF token of its first page for every form, as a tab left open does."""
    b = Browser(port)
    status, _ = b.post("/admin/login", {"username": username, "password": TEST_PASSWORD}, token_page="/admin/login")
    assert status == 302, status
    b.csrf = b.form_token("/admin/")
    return b


def kiosk(app, port: int, name: str = "Kiosk lobi") -> Browser:
    with app.app_context():
        _device, code = devices.create_device(db.session, None, name)
        db.session.commit()
    b = Browser(port)
    status, _ = b.post("/kiosk/enrol", {"code": code}, token_page=f"/kiosk/enrol?code={code}")
    assert status == 302, status
    status, page = b.get("/kiosk/")
    b.csrf = META_CSRF.search(page).group(1)
    return b


@contextmanager
def served(app, threads: int = 8):
    """The app behind real waitress in this process (so the barrier below reaches its requests)."""
    server = create_server(app, "127.0.0.1", 0, threads)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield server.effective_port
    finally:
        from .test_live_streams import _stop

        _stop(server)
        thread.join(10)
        server.task_dispatcher.shutdown(timeout=5)


@contextmanager
def held_at_write(kind: type, parties: int = 2):
    """Each request that is about to write a `kind` row waits here until `parties` of them have
    read it and reached their write: the writes then go at the same instant."""
    barrier = threading.Barrier(parties, timeout=10)

    def wait_for_the_others(session, _ctx, _instances):
        if any(isinstance(o, kind) for o in session.dirty):
            try:
                barrier.wait()
            except threading.BrokenBarrierError:
                pass

    event.listen(Session, "before_flush", wait_for_the_others)
    try:
        yield
    finally:
        event.remove(Session, "before_flush", wait_for_the_others)


def at_once(*calls) -> list:
    """Run each call in its own thread, started together; their results in the calls' order."""
    results: list = [None] * len(calls)

    def run(i, call):
        try:
            results[i] = call()
        except Exception as exc:  # a broken call shows as its exception in the results
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results
