"""Wrong logins sent all at once are limited like wrong logins sent one by one (sec3's outside probe).

README: failed logins are limited per user name and address, per address and per name; one address
may fail twice LOGIN_MAX_ATTEMPTS times in the window. On the served desk, twenty wrong logins sent
together from one computer (any stranger can: the login page hands out its own token) were all
checked, because each read the limit before any had counted its failure; each check is an Argon2
hash of 64 MiB and 0.3 s of a core: +960 MB and both cores busy for 5 s. Now the attempts past the
limit are refused unchecked (429, in Indonesian), the hashing at any moment is bounded, and the desk
keeps answering. h22r: each attempt is counted in the same step as the limit is read
(LoginThrottle.attempt), so not one attempt past the limit is checked (two checked at once let one
slip past before)."""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import func, select

from lpsedesk import passwords
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent

from ..conftest import csrf_from

BURST = 20


class CountingHasher:
    """The real Argon2 hasher, counting its checks and how many ran at the same moment."""

    def __init__(self, real) -> None:
        self.real, self.lock = real, threading.Lock()
        self.calls = self.running = self.most = 0

    def verify(self, stored, password):
        with self.lock:
            self.calls += 1
            self.running += 1
            self.most = max(self.most, self.running)
        try:
            return self.real.verify(stored, password)
        finally:
            with self.lock:
                self.running -= 1

    def hash(self, password):
        return self.real.hash(password)


def test_a_burst_of_wrong_logins_from_one_address_is_checked_only_up_to_its_limit(app, make_user, monkeypatch):
    make_user("kasubag", "kasubag")
    spy = CountingHasher(passwords._hasher)
    passwords._dummy_hash()  # made once, before the burst, as after the desk's first login
    monkeypatch.setattr(passwords, "_hasher", spy)
    per_address = 2 * app.config["LOGIN_MAX_ATTEMPTS"]
    browsers = []
    for _ in range(BURST):
        c = app.test_client()
        browsers.append((c, csrf_from(c, "/admin/login")))
    start = threading.Barrier(BURST)

    def wrong_login(i: int):
        c, token = browsers[i]
        start.wait()
        return c.post("/admin/login", data={"csrf_token": token, "username": f"tamu{i}", "password": "salah-salah-1"})

    with ThreadPoolExecutor(BURST) as pool:
        answers = list(pool.map(wrong_login, range(BURST)))

    statuses = [a.status_code for a in answers]
    assert set(statuses) <= {401, 429}
    assert statuses.count(401) == per_address, statuses
    assert spy.calls == per_address
    assert spy.most <= passwords.HASHING_AT_ONCE
    refused = next(a for a in answers if a.status_code == 429).get_data(as_text=True)
    assert "Terlalu banyak percobaan" in refused
    with app.app_context():
        failed = db.session.scalar(select(func.count()).select_from(AuditEvent)
                                   .where(AuditEvent.action == "user.login_failed"))
    assert failed == statuses.count(401)  # every checked failure is in the audit log
    assert app.test_client().get("/healthz").status_code == 200


def test_logins_from_other_computers_still_work_after_the_burst(app, make_user):
    """The address that sent the burst is refused; the Kasubag at her own desk logs in."""
    make_user("kasubag", "kasubag")
    per_address = 2 * app.config["LOGIN_MAX_ATTEMPTS"]
    stranger = app.test_client()
    for i in range(per_address):
        stranger.post("/admin/login", data={"csrf_token": csrf_from(stranger, "/admin/login"),
                                            "username": f"tamu{i}", "password": "salah-salah-1"},
                      environ_base={"REMOTE_ADDR": "10.0.0.66"})
    refused = stranger.post("/admin/login", data={"csrf_token": csrf_from(stranger, "/admin/login"),
                                                  "username": "kasubag", "password": "salah-salah-1"},
                            environ_base={"REMOTE_ADDR": "10.0.0.66"})
    assert refused.status_code == 429
    own_desk = app.test_client()
    from ..conftest import TEST_PASSWORD

    ok = own_desk.post("/admin/login", data={"csrf_token": csrf_from(own_desk, "/admin/login"),
                                             "username": "kasubag", "password": TEST_PASSWORD},
                       environ_base={"REMOTE_ADDR": "10.0.0.7"})
    assert ok.status_code == 302
