"""h23k: a request that has just arrived waits "kurang dari 1 menit" ("less than a minute"): "menunggu 0
menit" read as not waiting at all."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tests import factories


def test_a_request_that_has_just_arrived_waits_less_than_a_minute(app, client, make_user, login):
    make_user("siti", "kasubag")
    now = datetime.now(timezone.utc)
    with app.app_context():
        factories.visit("pending", submitted_at=now)
    login("siti")
    page = client.get("/admin/queue").get_data(as_text=True)
    assert "menunggu kurang dari 1 menit" in page and "menunggu 0 menit" not in page
    english = client.get("/admin/queue?lang=en").get_data(as_text=True)
    assert "waiting less than a minute" in english and "waiting 0 min" not in english


def test_after_a_minute_the_wait_is_said_in_minutes(app, client, make_user, login):
    make_user("siti", "kasubag")
    with app.app_context():
        factories.visit("pending", submitted_at=datetime.now(timezone.utc) - timedelta(seconds=70))
    login("siti")
    assert "menunggu 1 menit" in client.get("/admin/queue").get_data(as_text=True)
