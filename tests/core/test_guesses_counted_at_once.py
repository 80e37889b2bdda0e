"""Guesses sent at the same moment meet the same limit as guesses sent one by one.

The limits on guessing (a visitor's last 4 phone digits, a ticket or invitation code, an enrolment
code, a password) read the count of failures, made the guess, then counted it: twelve guesses at
one visitor's digits sent together all read "no failures yet", were all tried, and all counted
afterwards, past the SOP's bound of five. Now the limit is read and the guess counted in one step
(LoginThrottle.attempt), on SQLite and on PostgreSQL (run with TEST_DATABASE_URL).
"""
from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from lpsedesk import checkin
from lpsedesk.extensions import db
from lpsedesk.throttle import LoginThrottle, SharedFailures

from .. import factories
from ..kiosk.conftest import NIK, enrol_client

ATTEMPTS, WINDOW, BURST = 5, 600, 12


def _all_at_once(count: int, act):
    start = threading.Barrier(count)

    def one(i: int):
        start.wait()
        return act(i)

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(one, range(count)))


@pytest.fixture(params=["memory", "database"])
def throttle(request, app):
    limit = LoginThrottle(ATTEMPTS, WINDOW)
    if request.param == "database":  # the app's database: SQLite, or PostgreSQL with TEST_DATABASE_URL
        with app.app_context():
            engine = db.engine
        limit.share(SharedFailures(lambda: engine, "burst"))
    return limit


def test_attempts_made_together_are_counted_one_after_another_up_to_the_limit(throttle):
    answers = _all_at_once(BURST, lambda _i: throttle.attempt("nik:3373020000000001", ("kiosk:1", 100)))
    assert sorted(a.wait == 0 for a in answers).count(True) == ATTEMPTS
    assert all(a.wait > 0 for a in answers if a.wait)
    assert throttle.retry_after("nik:3373020000000001") > 0
    assert throttle.retry_after(("kiosk:1", 100)) == 0


def test_a_right_guess_stops_counting_and_leaves_room_for_the_next(throttle):
    first = throttle.attempt("nik:3373020000000001")
    for _ in range(ATTEMPTS - 1):
        assert throttle.attempt("nik:3373020000000001").wait == 0
    assert throttle.attempt("nik:3373020000000001").wait > 0
    first.passed()
    first.passed()  # taken back once only
    assert throttle.attempt("nik:3373020000000001").wait == 0
    assert throttle.attempt("nik:3373020000000001").wait > 0


def test_a_refused_attempt_counts_nothing(throttle):
    for _ in range(ATTEMPTS):
        throttle.attempt("siti", ("ip:10.0.0.7", 2 * ATTEMPTS))
    assert throttle.attempt("siti", ("ip:10.0.0.7", 2 * ATTEMPTS)).wait > 0
    # the address counted five, not six: five more under other names still go ahead
    assert [throttle.attempt(f"tamu{i}", ("ip:10.0.0.7", 2 * ATTEMPTS)).wait for i in range(5)] == [0] * 5
    assert throttle.attempt("dewi", ("ip:10.0.0.7", 2 * ATTEMPTS)).wait > 0


def test_twelve_guesses_at_one_visitors_digits_sent_together_try_only_five(app, client, monkeypatch):
    with app.app_context():
        factories.visit("checked_out")
    kiosk = enrol_client(app, client)
    real, tried = checkin.find_returning, []

    def slow_find(session, nik, last4):
        tried.append(last4)
        time.sleep(0.3)  # the look-up takes a while: every guess is in flight at once
        return real(session, nik, last4)

    monkeypatch.setattr(checkin, "find_returning", slow_find)
    browsers = []
    for _ in range(BURST):  # one kiosk, its requests on several connections
        c = app.test_client()
        for cookie in client._cookies.values():
            c.set_cookie(cookie.key, cookie.value)
        browsers.append(c)

    def guess(i: int):
        return browsers[i].post("/kiosk/api/v1/visitors/recall", json={"nik": NIK, "phone_last4": f"{i + 2:04d}"},
                                headers={"X-CSRFToken": kiosk.csrf}).status_code

    statuses = _all_at_once(BURST, guess)
    # a miss is 200 found false (h44u), a guess over the limit 429
    assert sorted(statuses) == [200] * ATTEMPTS + [429] * (BURST - ATTEMPTS), statuses
    assert len(tried) == ATTEMPTS
    # the right digits wait too, as after five guesses made one by one
    right = kiosk.post_json("/visitors/recall", {"nik": NIK, "phone_last4": "0001"})
    assert right.status_code == 429



def _enrol(app, code: str):
    import re

    browser = app.test_client()
    page = browser.get("/kiosk/enrol").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    return browser.post("/kiosk/enrol", data={"code": code, "csrf_token": token})


def test_a_right_enrolment_code_does_not_count_against_the_address(app):
    """Ten wrong codes per address in ten minutes; a kiosk enrolled meanwhile from the same address
    (the Admin enrolling the lobby's screens one after another) is no wrong code."""
    from lpsedesk import devices

    with app.app_context():
        _device, code = devices.create_device(db.session, None, "Kios lobi")
        db.session.commit()
    wrong = [_enrol(app, f"SALAH{i:03d}") for i in range(9)]
    assert all(r.status_code == 400 for r in wrong)
    assert _enrol(app, code).status_code == 302
    assert "Terlalu banyak kode yang salah" not in _enrol(app, "SALAH999").get_data(as_text=True)  # the tenth wrong one
    assert "Terlalu banyak kode yang salah" in _enrol(app, "SALAH998").get_data(as_text=True)
