"""h44k: the waiting screen says "Biasanya diputuskan dalam sekitar N menit" only from the office's own
numbers: N is the median of the minutes from request to decision over today's decided requests, said
only when there are enough decisions today (3 or more), else nothing. Taken from the task's words:

- decided = approved or refused by the Kasubag (an approval later checked out or reported still counts);
  a withdrawal or an expiry is no decision; an invitation approved in advance was decided before the
  visitor asked;
- today = the WIB day (a decision just before midnight WIB is yesterday's);
- fewer than 3 such decisions: nothing said.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from lpsedesk import decision_wait
from lpsedesk.extensions import db
from lpsedesk.models import Invitation

from .. import factories

NOW = datetime(2026, 12, 7, 7, 0, tzinfo=timezone.utc)  # Monday 14.00 WIB
MIN = timedelta(minutes=1)


@pytest.mark.parametrize(("minutes", "said"), [
    ([], None),
    ([7], None),
    ([7, 9], None),  # two quick ones in the morning are no promise
    ([4, 10, 30], 10),  # the median, not the mean (14.7)
    ([30, 4, 10], 10),  # in any order
    ([5, 7, 9, 100], 8),  # an even count: the middle two's mean
    ([12, 12, 12, 12, 95, 120], 12),
])
def test_the_median_in_minutes_is_said_only_from_three_decisions(minutes, said):
    assert decision_wait.typical_minutes([m * MIN for m in minutes]) == said


def test_the_median_is_rounded_to_whole_minutes_and_never_says_zero():
    assert decision_wait.typical_minutes([timedelta(minutes=6, seconds=29)] * 3) == 6
    assert decision_wait.typical_minutes([timedelta(minutes=6, seconds=31)] * 3) == 7
    assert decision_wait.typical_minutes([timedelta(seconds=10)] * 3) == 1


def _decided(status: str, waited_minutes: float, decided_at: datetime = NOW - 10 * MIN):
    return factories.visit(status, submitted_at=decided_at - waited_minutes * MIN, decided_at=decided_at)


def test_todays_decisions_count_and_withdrawals_expiries_yesterday_and_waiting_do_not(app):
    with app.app_context():
        _decided("approved", 4)
        _decided("denied", 10)
        _decided("checked_out", 30)  # approved, then checked out: its decision still counts
        _decided("reported", 12)
        _decided("cancelled", 1)  # withdrawn by the visitor: nobody decided
        _decided("expired", 200)  # nobody decided by closing time
        # 23.50 WIB yesterday: another day's numbers
        _decided("approved", 90, decided_at=datetime(2026, 12, 6, 16, 50, tzinfo=timezone.utc))
        factories.visit("pending", submitted_at=NOW - 60 * MIN)
        waits = sorted(decision_wait.todays_waits(db.session, NOW))
        assert waits == [4 * MIN, 10 * MIN, 12 * MIN, 30 * MIN]
        assert decision_wait.typical_wait(db.session, NOW) == 11


def test_the_wib_day_starts_at_midnight_wib_not_utc(app):
    with app.app_context():
        # 00.10 WIB today is 17.10 UTC yesterday: today's
        _decided("approved", 5, decided_at=datetime(2026, 12, 6, 17, 10, tzinfo=timezone.utc))
        assert decision_wait.todays_waits(db.session, NOW) == [5 * MIN]


def test_fewer_than_three_decisions_today_say_nothing(app):
    with app.app_context():
        _decided("approved", 4)
        _decided("denied", 6)
        assert decision_wait.typical_wait(db.session, NOW) is None
        _decided("approved", 8)
        assert decision_wait.typical_wait(db.session, NOW) == 6


def test_an_invitation_approved_in_advance_is_no_wait_but_one_the_kasubag_decided_again_is(app):
    with app.app_context():
        at_once = _decided("approved", 0)
        held = _decided("approved", 25)  # approved in advance, held (a watch-list match): decided again
        for visit, used_at in ((at_once, at_once.decided_at), (held, held.submitted_at)):
            db.session.add(Invitation(selector=f"s{visit.id}", verifier="v", full_name="Sari Uji Coba",
                                      phone="081234560001", institution="CV Contoh Sejahtera", category="penyedia",
                                      purpose="training", facility="training_room", starts_at=NOW - 60 * MIN,
                                      ends_at=NOW + 60 * MIN, status="used", decided_at=NOW - 120 * MIN,
                                      used_at=used_at, visit_id=visit.id))
        db.session.commit()
        assert decision_wait.todays_waits(db.session, NOW) == [25 * MIN]
