"""h45s: a failed guess is counted under what was typed (a NIK with the phone's last 4 digits, a ticket,
a staff user name), and on PostgreSQL a wrong login under the name typed, which may be a password typed
in the wrong box. Those counts are only needed for the limit's window (10 minutes), but they stayed in
`throttle_failures` until the same NIK or name was tried again: a visitor's whole NIK kept for ever,
past the retention period that masks it in the guest book (README "Data retention and privacy"). The
daily purge now forgets every failure older than a day."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import ThrottleFailure, utcnow

from .conftest import NIK, enrol_client

OTHER_NIK = "3373021203850002"  # synthetic, as NIK


def _keys(app) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(select(ThrottleFailure.key)))


def _age_everything(app, by: timedelta) -> None:
    """The failures counted so far happened `by` ago."""
    with app.app_context():
        for row in db.session.scalars(select(ThrottleFailure)):
            row.at = row.at - by
        db.session.commit()


def test_a_nik_typed_with_wrong_phone_digits_is_gone_after_the_next_days_purge(app, client, runner):
    lobby = enrol_client(app, client)
    assert lobby.post_json("/visitors/recall", {"nik": NIK, "phone_last4": "1111"}).status_code == 200  # a miss
    missed = lobby.post_json("/visits/find", {"nik": NIK, "phone_last4": "2222"})  # a miss, said in words (h45u)
    assert missed.status_code == 200 and missed.get_json()["found"] is False
    assert any(NIK in key for key in _keys(app)), "the miss is counted under the NIK typed"

    _age_everything(app, timedelta(days=1, minutes=1))
    result = runner.invoke(args=["purge"])
    assert result.exit_code == 0, result.output

    assert not any(NIK in key for key in _keys(app)), "no NIK outlives the day in the failure counts"
    assert _keys(app) == []


def test_the_purge_leaves_todays_failures_counting(app, client, runner):
    """The limit still holds across the purge: a failure of today is not forgotten."""
    lobby = enrol_client(app, client)
    for last4 in ("1111", "2222", "3333", "4444", "5555"):  # five misses for one NIK: its limit
        assert lobby.post_json("/visitors/recall", {"nik": OTHER_NIK, "phone_last4": last4}).status_code == 200
    result = runner.invoke(args=["purge"])
    assert result.exit_code == 0, result.output
    assert lobby.post_json("/visitors/recall", {"nik": OTHER_NIK, "phone_last4": "6666"}).status_code == 429


def test_the_purge_job_forgets_failures_older_than_a_day_and_counts_them(app, client):
    from lpsedesk.retention import purge

    lobby = enrol_client(app, client)
    lobby.post_json("/visitors/recall", {"nik": NIK, "phone_last4": "1111"})
    with app.app_context():
        before = len(_keys(app))
        result = purge(db.session, now=utcnow() + timedelta(days=1, minutes=1))
        db.session.commit()
        assert result.totals.forgotten >= before
    assert _keys(app) == []
