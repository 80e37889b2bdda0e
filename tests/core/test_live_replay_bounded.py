"""A reconnecting live stream replays what it missed, within bounds: never from event 0, at most the
last 120 seconds and at most 200 events. A client whose id is older (or not one this log gave) is
told to reload its screen instead of being sent history."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from lpsedesk import audit
from lpsedesk.extensions import db
from lpsedesk.live import latest_event_id
from lpsedesk.live_rules import replay_start
from lpsedesk.models import utcnow
from lpsedesk.roles import SYSTEM_ACTOR

from .. import factories
from ..conftest import logged_in_client
from ..support import read_stream

NOW = datetime(2026, 12, 4, 3, 0, tzinfo=timezone.utc)


def test_a_new_client_starts_now_without_history():
    start = replay_start(None, 500, None, NOW)
    assert (start.after_id, start.reload) == (500, False)


def test_a_client_that_missed_little_and_lately_gets_it_replayed():
    start = replay_start(400, 500, NOW - timedelta(seconds=119), NOW)
    assert (start.after_id, start.reload) == (400, False)
    assert replay_start(300, 500, NOW, NOW).reload is False  # 200 events: the most replayed


def test_event_zero_is_never_replayed_from():
    assert replay_start(0, 50, NOW, NOW).reload is True
    assert replay_start(0, 50, NOW, NOW).after_id == 50


def test_more_than_200_events_behind_means_reload():
    start = replay_start(299, 500, NOW, NOW)
    assert (start.after_id, start.reload) == (500, True)


def test_more_than_120_seconds_behind_means_reload():
    assert replay_start(490, 500, NOW - timedelta(seconds=121), NOW).reload is True


def test_an_id_this_log_never_gave_means_reload():
    assert replay_start(900, 500, None, NOW).reload is True


def _events(app, count: int, at: datetime | None = None) -> None:
    with app.app_context():
        visit = factories.visit()
        for _ in range(count):
            row = audit.record(db.session, SYSTEM_ACTOR, "visit.noted", visit)
            if at is not None:
                row.at = at
        db.session.commit()


def _stream(app, client, last_event_id: str) -> str:
    return read_stream(app, client, 2, last_event_id)


def test_a_stream_asked_to_start_at_zero_says_reload_and_replays_nothing(app, make_user):
    make_user("bambang", "kasubag")
    browser = logged_in_client(app, "bambang")
    _events(app, 5)
    with app.app_context():
        latest = latest_event_id(db.session)
    text = _stream(app, browser, "0")
    assert f"id: {latest}\nevent: reload" in text
    assert "event: change" not in text


def _missed(app, make_user, count: int, **at) -> str:
    """What the Kasubag's stream says on reconnecting after `count` changes it did not hear."""
    make_user("bambang", "kasubag")
    browser = logged_in_client(app, "bambang")
    with app.app_context():
        before = latest_event_id(db.session)
    _events(app, count, **at)
    return _stream(app, browser, str(before))


def test_a_stream_that_missed_a_few_recent_changes_gets_them(app, make_user):
    text = _missed(app, make_user, 3)
    assert text.count("event: change") == 3 and "event: reload" not in text


def test_a_stream_that_missed_changes_of_ten_minutes_ago_says_reload(app, make_user):
    text = _missed(app, make_user, 3, at=utcnow() - timedelta(minutes=10))
    assert "event: reload" in text and "event: change" not in text


def test_a_stream_201_events_behind_says_reload(app, make_user):
    text = _missed(app, make_user, 201)
    assert "event: reload" in text and "event: change" not in text
