"""The login limits as README states them (LOGIN_MAX_ATTEMPTS, LOGIN_WINDOW_SECONDS): failed logins for
one user name from one address, `LOGIN_MAX_ATTEMPTS` (5) in the window (600 s); from one address over
all names twice that; for one name from anywhere four times that. A refused login says when to try
again (Retry-After); a successful login clears what it names. The clock is passed in."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import create_engine

from lpsedesk.models import ThrottleFailure
from lpsedesk.throttle import LoginThrottle, SharedFailures, login_keys

ATTEMPTS, WINDOW = 5, 600


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def throttle(clock) -> LoginThrottle:
    return LoginThrottle(ATTEMPTS, WINDOW, clock=clock)


def test_five_failures_for_one_key_refuse_the_sixth_attempt_and_four_do_not(throttle):
    for _ in range(ATTEMPTS - 1):
        throttle.fail("bambang")
    assert throttle.retry_after("bambang") == 0
    throttle.fail("bambang")
    assert throttle.retry_after("bambang") > 0


def test_the_refused_caller_is_told_to_wait_until_the_oldest_failure_leaves_the_window(throttle, clock):
    throttle.fail("bambang")
    clock.now += 100
    for _ in range(ATTEMPTS - 1):
        throttle.fail("bambang")
    # The oldest failure is 100 s old: it leaves the 600 s window in 500 s (one more second to be past it).
    assert throttle.retry_after("bambang") == WINDOW - 100 + 1
    clock.now += WINDOW - 100 - 1
    assert throttle.retry_after("bambang") == 2
    clock.now += 1  # exactly one window after the oldest failure: it no longer counts
    assert throttle.retry_after("bambang") == 0


def test_failures_older_than_the_window_no_longer_count(throttle, clock):
    for _ in range(ATTEMPTS):
        throttle.fail("bambang")
    clock.now += WINDOW
    assert throttle.retry_after("bambang") == 0
    throttle.fail("bambang")
    assert throttle.retry_after("bambang") == 0


def test_keys_are_counted_apart_and_a_success_clears_only_what_it_names(throttle):
    for _ in range(ATTEMPTS):
        throttle.fail("bambang", "siti")
    assert throttle.retry_after("bambang") > 0 and throttle.retry_after("siti") > 0
    assert throttle.retry_after("dewi") == 0
    throttle.succeed("bambang")
    assert throttle.retry_after("bambang") == 0
    assert throttle.retry_after("siti") > 0


def test_a_key_with_its_own_limit_is_held_to_that_limit(throttle):
    for _ in range(ATTEMPTS):
        throttle.fail(("ip:10.0.0.7", 2 * ATTEMPTS))
    assert throttle.retry_after(("ip:10.0.0.7", 2 * ATTEMPTS)) == 0
    for _ in range(ATTEMPTS):
        throttle.fail(("ip:10.0.0.7", 2 * ATTEMPTS))
    assert throttle.retry_after(("ip:10.0.0.7", 2 * ATTEMPTS)) > 0


def test_the_longest_wait_of_all_the_keys_asked_is_the_answer(throttle, clock):
    for _ in range(ATTEMPTS):
        throttle.fail("early")
    clock.now += 200
    for _ in range(ATTEMPTS):
        throttle.fail("late")
    assert throttle.retry_after("early") == WINDOW - 200 + 1
    assert throttle.retry_after("early", "late") == WINDOW + 1
    assert throttle.retry_after("late", "nobody") == WINDOW + 1


def test_a_login_is_limited_per_name_and_address_per_address_twice_and_per_name_four_times():
    keys = dict(login_keys("  Bambang ", "10.0.0.7", ATTEMPTS))
    assert keys == {"user+ip:bambang|10.0.0.7": ATTEMPTS, "ip:10.0.0.7": 2 * ATTEMPTS,
                    "user:bambang": 4 * ATTEMPTS}
    # The name as typed on a phone (capitalised, a space) is the same account's count.
    assert login_keys("bambang", "10.0.0.7", ATTEMPTS) == login_keys("BAMBANG ", "10.0.0.7", ATTEMPTS)


def test_an_unknown_address_is_still_counted_under_one_name():
    keys = [key for key, _limit in login_keys("siti", None, ATTEMPTS)]
    assert keys[0] == "user+ip:siti|-" and keys[1] == "ip:-"


def test_twenty_wrong_passwords_for_one_name_from_many_computers_lock_that_name(throttle):
    for n in range(4 * ATTEMPTS):
        address = f"10.0.0.{n}"  # every attempt from another computer
        assert throttle.retry_after(*login_keys("bambang", address, ATTEMPTS)) == 0
        throttle.fail(*login_keys("bambang", address, ATTEMPTS))
    assert throttle.retry_after(*login_keys("bambang", "10.9.9.9", ATTEMPTS)) > 0
    assert throttle.retry_after(*login_keys("siti", "10.9.9.9", ATTEMPTS)) == 0


@pytest.fixture
def shared(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'throttle.db'}")
    ThrottleFailure.__table__.create(engine)
    throttle = LoginThrottle(ATTEMPTS, WINDOW)
    throttle.share(SharedFailures(lambda: engine, "login"))
    return throttle, engine


def test_shared_counts_follow_the_same_limits(shared):
    throttle, _engine = shared
    for _ in range(ATTEMPTS - 1):
        throttle.fail("bambang")
    assert throttle.retry_after("bambang") == 0
    throttle.fail("bambang")
    wait = throttle.retry_after("bambang")
    assert WINDOW - 5 <= wait <= WINDOW + 1
    assert throttle.retry_after("siti") == 0
    throttle.succeed("bambang")
    assert throttle.retry_after("bambang") == 0


def test_shared_failures_older_than_the_window_are_not_counted_and_are_swept(shared):
    throttle, engine = shared
    long_ago = datetime.now(timezone.utc) - timedelta(seconds=WINDOW + 5)
    with engine.begin() as conn:
        conn.execute(ThrottleFailure.__table__.insert(),
                     [{"key": "login:bambang", "at": long_ago} for _ in range(ATTEMPTS)])
    assert throttle.retry_after("bambang") == 0
    throttle.fail("bambang")
    with engine.connect() as conn:
        left = conn.execute(ThrottleFailure.__table__.select()).all()
    assert len(left) == 1  # the old rows went with the new failure's write


def test_shared_counts_are_kept_apart_by_namespace(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'throttle.db'}")
    ThrottleFailure.__table__.create(engine)
    logins, lookups = LoginThrottle(ATTEMPTS, WINDOW), LoginThrottle(ATTEMPTS, WINDOW)
    logins.share(SharedFailures(lambda: engine, "login"))
    lookups.share(SharedFailures(lambda: engine, "ticket"))
    for _ in range(ATTEMPTS):
        logins.fail("10.0.0.7")
    assert logins.retry_after("10.0.0.7") > 0
    assert lookups.retry_after("10.0.0.7") == 0
    lookups.succeed("10.0.0.7")
    assert logins.retry_after("10.0.0.7") > 0


def test_a_key_of_any_length_fits_the_tables_key_column_and_still_counts(shared):
    """A user name of any length is typed at the login page; PostgreSQL refuses a value longer than
    the column, which would turn a failed login into an error instead of a count."""
    throttle, _engine = shared
    longest = ThrottleFailure.__table__.c.key.type.length
    store = throttle._shared
    assert len(store._key("x" * 1000)) == longest
    for _ in range(ATTEMPTS):
        throttle.fail("x" * 1000)
    assert throttle.retry_after("x" * 1000) > 0


def test_a_success_for_a_name_that_never_failed_clears_nothing_and_raises_nothing(throttle):
    """Most logins succeed at the first try: nothing was counted for them."""
    throttle.succeed(*login_keys("dewi", "10.0.0.7", ATTEMPTS))
    assert throttle.retry_after(*login_keys("dewi", "10.0.0.7", ATTEMPTS)) == 0


def test_shared_counts_tell_the_seconds_left_until_the_oldest_failure_leaves_the_window(shared):
    """The same answer as in memory: the time left, rounded up to a whole second."""
    import math
    import time as clock_time

    throttle, engine = shared
    started = clock_time.monotonic()
    at = datetime.now(timezone.utc) - timedelta(seconds=100)
    with engine.begin() as conn:
        conn.execute(ThrottleFailure.__table__.insert(), [{"key": "login:bambang", "at": at} for _ in range(ATTEMPTS)])
    wait = throttle.retry_after("bambang")
    elapsed = clock_time.monotonic() - started
    assert math.ceil(WINDOW - 100 - elapsed) <= wait <= WINDOW - 100
