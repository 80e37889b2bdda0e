"""h44m: the waiting screen's typical wait, at the edges mutmut found untested (docs/mutation.md).

From h44k's words and the module's docstring: N is the median minutes from the kiosk's request to the
Kasubag's decision over the requests decided *today in WIB*; the WIB day runs from 00.00 WIB to the
next 00.00 WIB (`clock.wib_day_bounds`: [start, end)); every approval or refusal counts, however soon
it came; fewer than 3 decisions say nothing; the minutes said are at least 1.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from lpsedesk import decision_wait
from lpsedesk.extensions import db

from .. import factories

MIN = timedelta(minutes=1)
# 7 December 2026 in WIB (UTC+7): 00.00 WIB is 17.00 UTC on the 6th, the next 00.00 WIB 17.00 UTC on the 7th
MIDNIGHT_WIB = datetime(2026, 12, 6, 17, 0, tzinfo=timezone.utc)
NEXT_MIDNIGHT_WIB = MIDNIGHT_WIB + timedelta(days=1)


def _decided(status: str, waited: timedelta, decided_at: datetime):
    return factories.visit(status, submitted_at=decided_at - waited, decided_at=decided_at)


def test_a_decision_at_midnight_wib_is_the_new_days(app):
    with app.app_context():
        _decided("approved", 5 * MIN, MIDNIGHT_WIB)  # 00.00 WIB on the 7th: today's first moment
        _decided("denied", 9 * MIN, MIDNIGHT_WIB - timedelta(seconds=1))  # 23.59.59 WIB on the 6th
        assert decision_wait.todays_waits(db.session, MIDNIGHT_WIB + 14 * 60 * MIN) == [5 * MIN]


def test_the_next_midnight_wib_is_no_longer_today(app):
    with app.app_context():
        last_moment = NEXT_MIDNIGHT_WIB - timedelta(seconds=1)  # 23.59.59 WIB on the 7th
        _decided("approved", 5 * MIN, last_moment)
        _decided("denied", 9 * MIN, NEXT_MIDNIGHT_WIB)  # 00.00 WIB on the 8th: tomorrow's
        assert decision_wait.todays_waits(db.session, last_moment) == [5 * MIN]


def test_a_decision_in_the_moment_of_the_request_still_counts_and_is_said_as_one_minute(app):
    with app.app_context():
        noon = MIDNIGHT_WIB + 12 * 60 * MIN
        # three decisions, two of them as the request arrived: a wait of nothing is still a decision
        _decided("approved", timedelta(0), noon)
        _decided("denied", timedelta(0), noon + MIN)
        _decided("approved", 20 * MIN, noon + 2 * MIN)
        assert sorted(decision_wait.todays_waits(db.session, noon + 3 * MIN)) == [timedelta(0), timedelta(0), 20 * MIN]
        assert decision_wait.typical_wait(db.session, noon + 3 * MIN) == 1
